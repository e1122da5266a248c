/**
 * What an uploaded file really is, from its first bytes (the "magic number"); the declared
 * type is never trusted. The formats Relais accepts for a justificatif: PDF, JPEG, PNG.
 * One place for every module that takes a file (aides, dossiers, attribution…). Pure.
 */
export const UPLOAD_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type UploadMimeType = (typeof UPLOAD_MIME_TYPES)[number];

const SIGNATURES: Record<UploadMimeType, readonly number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

/** The accepted format the bytes start with, or null. */
export function sniffUpload(bytes: Uint8Array): UploadMimeType | null {
  for (const type of UPLOAD_MIME_TYPES) {
    const sig = SIGNATURES[type];
    if (bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b)) return type;
  }
  return null;
}

/** The content is of the declared type (and that type is one we accept). */
export function contentMatchesType(bytes: Uint8Array, mimeType: string): boolean {
  return sniffUpload(bytes) === mimeType;
}

export type UploadProblem = 'empty' | 'too-large' | 'type';

/** null when the file is acceptable: not empty, at most `maxBytes`, its content of the declared accepted type. */
export function uploadProblem(bytes: Uint8Array, declared: string, maxBytes: number): UploadProblem | null {
  if (bytes.length === 0) return 'empty';
  if (bytes.length > maxBytes) return 'too-large';
  return contentMatchesType(bytes, declared) ? null : 'type';
}
