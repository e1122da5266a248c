/**
 * What a proposal's author and supporters are told: one sentence for the in-app list (French,
 * shown as the town's words), and the variables of the notification sent in their language
 * (the texts are the catalogues of src/modules/pilotage/messages). Pure.
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

/**
 * The variables of an event's notification (texts: src/modules/pilotage/messages/<locale>.json,
 * `idea-<kind>`), for one recipient: its author or one of its supporters.
 */
export function eventVars(e: EventFacts, isAuthor: boolean, where: { link: string; ccas: string }): Record<string, string> {
  return {
    idea: e.proposalTitle,
    action: e.actionTitle ?? e.proposalTitle,
    detail: e.detail ?? '',
    status: e.kind === 'action-status' ? (e.detail ?? 'other') : 'other',
    // The action keeps the idea's title unless the coordinator renamed it: the idea is named only then.
    same: !e.actionTitle || e.actionTitle === e.proposalTitle ? 'yes' : 'no',
    role: isAuthor ? 'author' : 'supporter',
    ...where,
  };
}
