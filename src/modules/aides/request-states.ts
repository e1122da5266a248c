/**
 * A request's life: brouillon → déposée → en instruction ⇄ à corriger → accordée /
 * refusée / classée sans suite; accordée → versée. Each action is allowed from a few
 * states only. Pure.
 */
export const STATUSES = ['brouillon', 'deposee', 'en_instruction', 'a_corriger', 'accordee', 'refusee', 'classee', 'versee'] as const;
export type RequestStatus = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<RequestStatus, string> = {
  brouillon: 'Brouillon',
  deposee: 'Déposée',
  en_instruction: 'En instruction',
  a_corriger: 'À corriger',
  accordee: 'Accordée',
  refusee: 'Refusée',
  classee: 'Classée sans suite',
  versee: 'Versée',
};

export type RequestAction = 'submit' | 'take' | 'ask_correction' | 'answer_correction' | 'grant' | 'refuse' | 'close' | 'pay';

const TRANSITIONS: Record<RequestAction, { from: readonly RequestStatus[]; to: RequestStatus }> = {
  submit: { from: ['brouillon'], to: 'deposee' },
  take: { from: ['deposee'], to: 'en_instruction' },
  ask_correction: { from: ['en_instruction'], to: 'a_corriger' },
  answer_correction: { from: ['a_corriger'], to: 'en_instruction' },
  grant: { from: ['en_instruction'], to: 'accordee' },
  refuse: { from: ['en_instruction'], to: 'refusee' },
  close: { from: ['brouillon', 'deposee', 'en_instruction', 'a_corriger'], to: 'classee' },
  pay: { from: ['accordee'], to: 'versee' },
};

/** The state an action leads to from `from`, or null when the action is not allowed there. */
export function nextStatus(action: RequestAction, from: RequestStatus): RequestStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}

export const CORRECTION_REASONS = {
  incomplete: 'Il manque une pièce ou une information',
  incorrect: 'Une pièce ou une information est incorrecte',
  outdated: "Une pièce n'est plus à jour",
} as const;
export type CorrectionReason = keyof typeof CORRECTION_REASONS;

export const REFUSAL_MOTIFS = {
  conditions: "Les conditions de l'aide ne sont pas remplies",
  pieces: 'Les pièces demandées ne sont pas arrivées',
  deja_aide: 'Cette aide a déjà été accordée cette année',
  budget: "Le budget de l'aide est épuisé pour l'année",
  autre: 'Autre motif (précisé ci-dessous)',
} as const;
export type RefusalMotif = keyof typeof REFUSAL_MOTIFS;

/** How to contest a refusal, written on every refusal. */
export const CONTEST_TEXT =
  "Vous pouvez contester cette décision dans un délai de deux mois : par un recours gracieux (une lettre au président du CCAS), ou devant le tribunal administratif. Un agent du CCAS peut vous aider à l'écrire.";
