/** What a reader sees of a message: the text unless hidden or deleted; why it was hidden only if it is the author's or the reader moderates. */
import type { MessageView } from './groupes.schemas';
import type { MessageRow } from './groupes.store';

export function viewMessage(m: MessageRow, readerId: string, moderator: boolean): MessageView {
  const mine = m.authorId !== null && m.authorId === readerId;
  const hidden = m.hiddenAt !== null;
  const deleted = m.deletedAt !== null;
  return {
    id: m.id,
    seq: Number(m.seq),
    pseudonym: deleted ? '' : m.pseudonym,
    kind: m.kind,
    body: hidden || deleted ? null : m.body,
    lang: m.lang,
    createdAt: m.createdAt.toISOString(),
    mine,
    byFacilitator: m.byFacilitator,
    hidden,
    hiddenReason: hidden && (mine || moderator) ? m.hiddenReason : null,
    deleted,
  };
}
