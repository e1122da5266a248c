/** The aids' limits for an uploaded justificatif; what it really is comes from the platform's check of its first bytes. Pure. */
import { uploadProblem, type UploadProblem } from '../../platform/uploads';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** The accepted types and the extension a stored file gets. */
export const UPLOAD_TYPES = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' } as const;
export type UploadType = keyof typeof UPLOAD_TYPES;

export type FileProblem = UploadProblem;

/** null when the file is acceptable: a PDF, JPEG or PNG whose content is what it says, under the size limit. */
export function checkUpload(bytes: Uint8Array, declared: string): FileProblem | null {
  return uploadProblem(bytes, declared, MAX_UPLOAD_BYTES);
}
