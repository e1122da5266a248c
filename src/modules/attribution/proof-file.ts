/**
 * Is an attached proof what it says it is? The household file's limits: PDF, JPEG or PNG,
 * 3 MB at most, its first bytes of the declared type (the type decides how staff open it). Pure.
 */
import { MAX_PROOF_BYTES, type DocumentInput } from './attribution.schemas';

const MAGIC: Record<DocumentInput['mimeType'], Buffer> = {
  'application/pdf': Buffer.from('%PDF-', 'latin1'),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]),
};

export type ProofProblem = 'empty' | 'too-large' | 'content';

export function proofProblem(bytes: Buffer, mimeType: DocumentInput['mimeType']): ProofProblem | null {
  if (bytes.length === 0) return 'empty';
  if (bytes.length > MAX_PROOF_BYTES) return 'too-large';
  return bytes.subarray(0, MAGIC[mimeType].length).equals(MAGIC[mimeType]) ? null : 'content';
}
