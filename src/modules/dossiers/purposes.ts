/** Why a partner may see part of a file: each consent names one purpose. */
export const PURPOSES = {
  orientation: 'Orientation et accompagnement par la structure',
  'early-detection': 'Repérage précoce (école, santé) : signaler une situation au CCAS',
  'caf-contact': 'Échange avec la CAF pour vos droits',
  'cpam-contact': 'Échange avec la CPAM pour votre santé',
} as const;
export type Purpose = keyof typeof PURPOSES;
export const PURPOSE_IDS = Object.keys(PURPOSES) as Purpose[];

/**
 * The town's CCAS as a "structure" of consents: a file created at the desk records the
 * family's agreement that the CCAS keeps it (purpose `ccas-file`, all parts).
 */
export const CCAS_STRUCTURE_ID = '00000000-0000-4000-8000-0000000cca50';
export const CCAS_FILE_PURPOSE = 'ccas-file';
export const CCAS_FILE_PURPOSE_LABEL = 'Constitution et suivi de votre dossier par le CCAS';

export function purposeLabel(p: string): string {
  if (p === CCAS_FILE_PURPOSE) return CCAS_FILE_PURPOSE_LABEL;
  return (PURPOSES as Record<string, string>)[p] ?? p;
}
