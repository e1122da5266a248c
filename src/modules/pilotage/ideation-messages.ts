/**
 * What a proposal's author and supporters are told, in French (no notification catalogue
 * exists yet): one sentence for the in-app list, and the message sent. Pure.
 */
import type { EventKind } from './ideation.store';

const STATUS_PHRASES: Record<string, string> = {
  a_lancer: 'est de nouveau à lancer',
  en_cours: 'a démarré',
  realisee: 'est réalisée',
  abandonnee: 'est abandonnée',
};

export interface EventFacts {
  kind: EventKind;
  detail: string | null;
  proposalTitle: string;
  actionTitle: string | null;
}

/** One sentence: what happened to the idea. */
export function eventSentence(e: EventFacts): string {
  const idea = `« ${e.proposalTitle} »`;
  const action = `« ${e.actionTitle ?? e.proposalTitle} »`;
  // « L'action « X », issue de l'idée « Y » » — or just « L'action « X » » when they share their title.
  const born = !e.actionTitle || e.actionTitle === e.proposalTitle ? action : `${action}, issue de l'idée ${idea},`;
  switch (e.kind) {
    case 'published':
      return `L'idée ${idea} est publiée : les autres parents peuvent la lire et la soutenir.`;
    case 'refused':
      return `L'idée ${idea} n'est pas publiée. Raison donnée : ${e.detail ?? 'non précisée'}.`;
    case 'became-action':
      return e.actionTitle && e.actionTitle !== e.proposalTitle
        ? `L'idée ${idea} devient une action du plan : ${action}.`
        : `L'idée ${idea} devient une action du plan.`;
    case 'action-status':
      return `L'action ${born} ${STATUS_PHRASES[e.detail ?? ''] ?? 'a changé de statut'}.`;
    case 'action-news':
      return `Des nouvelles de l'action ${born.replace(/,$/, '')} : ${e.detail ?? ''}`;
  }
}

/** The message (subject and body) for one recipient. */
export function eventMessage(e: EventFacts, isAuthor: boolean): { subject: string; body: string } {
  const why = isAuthor ? 'Vous avez proposé cette idée.' : 'Vous soutenez cette idée.';
  const subject = {
    published: 'Votre idée est publiée',
    refused: "Votre idée n'est pas publiée",
    'became-action': 'Une idée devient une action du plan',
    'action-status': 'Du nouveau sur une action issue de vos idées',
    'action-news': 'Des nouvelles d’une action issue de vos idées',
  }[e.kind];
  const next =
    e.kind === 'refused'
      ? 'Vous pouvez proposer une idée reformulée dans Relais, rubrique « Plan d’action », « Vos idées ».'
      : `Suivez-la dans Relais, rubrique « Plan d’action », « Vos idées ».${isAuthor ? '' : ' Vous pouvez retirer votre soutien à tout moment : vous ne recevrez plus ces messages.'}`;
  return { subject, body: `Bonjour,\n\n${eventSentence(e)}\n${why}\n\n${next}\n\nLe CCAS` };
}
