/** What an uploaded justificatif really is, from its first bytes (the declared type is not trusted). Pure. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const UPLOAD_TYPES = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' } as const;
export type UploadType = keyof typeof UPLOAD_TYPES;

export function sniff(bytes: Uint8Array): UploadType | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}

export type FileProblem = 'empty' | 'too-large' | 'type';

/** null when the file is acceptable: a PDF, JPEG or PNG whose content is what it says, under the size limit. */
export function checkUpload(bytes: Uint8Array, declared: string): FileProblem | null {
  if (bytes.length === 0) return 'empty';
  if (bytes.length > MAX_UPLOAD_BYTES) return 'too-large';
  const real = sniff(bytes);
  if (!real || real !== declared) return 'type';
  return null;
}
