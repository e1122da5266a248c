/**
 * Is an attached proof what it says it is? The household file's limits: PDF, JPEG or PNG,
 * 3 MB at most, its first bytes of the declared type (the type decides how staff open it). Pure.
 */
import { uploadProblem } from '../../platform/uploads';
import { MAX_PROOF_BYTES, type DocumentInput } from './attribution.schemas';

export type ProofProblem = 'empty' | 'too-large' | 'content';

export function proofProblem(bytes: Buffer, mimeType: DocumentInput['mimeType']): ProofProblem | null {
  const problem = uploadProblem(bytes, mimeType, MAX_PROOF_BYTES);
  return problem === 'type' ? 'content' : problem;
}
