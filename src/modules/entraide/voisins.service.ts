import { momentInParis } from '../../platform/clock';
/**
 * Parents Voisins: offers and requests by neighbourhood, answers and messages, contact
 * shown only when both sides accept, blocks both ways, reports to the agents' queue,
 * households validated by an agent or an ambassador (only they may offer childcare).
 */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole, requireUser } from '../../platform/roles';
import { householdNeighbourhoods, readHouseholdAsSystem } from '../dossiers/index';
import { checkNeighbourhood, isStaff, requireAgentOrAmbassador, requireFamily } from './access';
import { homeOf } from './ambassador-tenure';
import * as store from './entraide.store';
import { priceHits } from './free-help';

export type PostInput = {
  kind: 'offer' | 'request';
  category: 'garde' | 'trajet' | 'courses' | 'pret' | 'ecoute';
  neighbourhoodId: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt?: string | null;
};

const notFound = () => new AppError('entraide/not-found');

export async function createPost(ctx: Ctx, input: PostInput): Promise<{ id: string }> {
  const me = await requireFamily(ctx);
  checkNeighbourhood(ctx, input.neighbourhoodId);
  const hits = priceHits({ title: input.title, description: input.description });
  if (hits.length)
    throw new AppError('entraide/price-refused', {
      fields: hits.map((h) => ({ path: h.field, message: `Montant ou paiement trouvé : « ${h.excerpt} ». L'entraide est gratuite.` })),
    });
  const startsAt = momentInParis(input.startsAt);
  const endsAt = input.endsAt ? momentInParis(input.endsAt) : null;
  if (endsAt && endsAt <= startsAt) throw new AppError('entraide/invalid-dates', { fields: [{ path: 'endsAt', message: 'La fin doit être après le début.' }] });
  return tx(ctx.db, async (t) => {
    if (input.kind === 'offer' && input.category === 'garde' && !(await store.isValidated(t, me.householdId))) throw new AppError('entraide/not-validated');
    const id = await store.insertPost(t, { ...input, householdId: me.householdId, startsAt, endsAt, isDemo: false, now: ctx.now() });
    await audit(t, ctx, 'entraide/post-created', {
      householdId: me.householdId,
      subjectType: 'entraide_post',
      subjectId: id,
      details: { kind: input.kind, category: input.category },
    });
    return { id };
  });
}

/** A neighbourhood's open posts (parents: without blocked households; staff and ambassadors see all). */
export async function board(ctx: Ctx, neighbourhoodId: string) {
  const user = requireUser(ctx);
  checkNeighbourhood(ctx, neighbourhoodId);
  let reader: string | null = null;
  if (!isStaff(user)) reader = (await requireFamily(ctx)).householdId;
  const posts = await store.board(ctx.db, neighbourhoodId, reader, ctx.now());
  return posts.map((p) => ({ ...p, mine: p.householdId === reader }));
}

export async function answerPost(ctx: Ctx, postId: string, message: string): Promise<{ id: string }> {
  const me = await requireFamily(ctx);
  return tx(ctx.db, async (t) => {
    const post = await store.getPost(t, postId, { lock: true });
    if (!post || post.status === 'removed') throw notFound();
    if (post.status !== 'open') throw new AppError('entraide/post-closed');
    if (post.householdId === me.householdId) throw new AppError('entraide/own-post');
    if (await store.isBlockedEitherWay(t, post.householdId, me.householdId)) throw new AppError('entraide/blocked');
    // Offering childcare in answer to a request needs a validated household too.
    if (post.kind === 'request' && post.category === 'garde' && !(await store.isValidated(t, me.householdId))) throw new AppError('entraide/not-validated');
    const hits = priceHits({ message });
    if (hits.length)
      throw new AppError('entraide/price-refused', {
        fields: [{ path: 'message', message: `Montant ou paiement trouvé : « ${hits[0]!.excerpt} ». L'entraide est gratuite.` }],
      });
    const id = await store
      .insertAnswer(t, postId, me.householdId, ctx.now())
      .catch((err) => onConstraint(err, { entraide_answers_once: () => new AppError('entraide/already-answered') }));
    await store.insertMessage(t, id, me.householdId, message, ctx.now());
    await audit(t, ctx, 'entraide/post-answered', { householdId: me.householdId, subjectType: 'entraide_answer', subjectId: id, details: { postId } });
    return { id };
  });
}

async function participant(ctx: Ctx, answerId: string, q = ctx.db) {
  const me = await requireFamily(ctx);
  const a = await store.getAnswer(q, answerId);
  if (!a || (a.householdId !== me.householdId && a.authorHouseholdId !== me.householdId)) throw notFound();
  const side: 'author' | 'helper' = a.authorHouseholdId === me.householdId ? 'author' : 'helper';
  const other = side === 'author' ? a.householdId : a.authorHouseholdId;
  return { me, a, side, other };
}

export async function sendMessage(ctx: Ctx, answerId: string, body: string): Promise<{ id: string }> {
  const { me, a, other } = await participant(ctx, answerId);
  return tx(ctx.db, async (t) => {
    if (await store.isBlockedEitherWay(t, me.householdId, other)) throw new AppError('entraide/blocked');
    const id = await store.insertMessage(t, a.id, me.householdId, body, ctx.now());
    await audit(t, ctx, 'entraide/message-sent', { householdId: me.householdId, subjectType: 'entraide_answer', subjectId: a.id });
    return { id };
  });
}

export async function shareContact(ctx: Ctx, answerId: string): Promise<{ ok: true }> {
  const { me, a, side, other } = await participant(ctx, answerId);
  return tx(ctx.db, async (t) => {
    if (await store.isBlockedEitherWay(t, me.householdId, other)) throw new AppError('entraide/blocked');
    await store.shareContact(t, a.id, side);
    await audit(t, ctx, 'entraide/contact-shared', { householdId: me.householdId, subjectType: 'entraide_answer', subjectId: a.id });
    return { ok: true as const };
  });
}

/** A conversation: messages, and the other side's phone and address only when both accepted (and no block). */
export async function conversation(ctx: Ctx, answerId: string) {
  const { me, a, side, other } = await participant(ctx, answerId);
  const post = await store.getPost(ctx.db, a.postId);
  const msgs = await store.messages(ctx.db, a.id);
  const blocked = await store.isBlockedEitherWay(ctx.db, me.householdId, other);
  let contact: { firstName: string | null; phone: string | null; address: string | null } | null = null;
  if (a.authorSharesContact && a.helperSharesContact && !blocked) {
    const h = await readHouseholdAsSystem(ctx.db, other, ctx.now());
    if (h)
      contact = {
        firstName: h.parent.firstName,
        phone: h.parent.phone,
        address: [h.address.line, h.address.postalCode, h.address.city].filter(Boolean).join(', ') || null,
      };
  }
  return {
    id: a.id,
    postId: a.postId,
    postTitle: post?.title ?? '',
    side,
    iShare: side === 'author' ? a.authorSharesContact : a.helperSharesContact,
    theyShare: side === 'author' ? a.helperSharesContact : a.authorSharesContact,
    blocked,
    contact,
    messages: msgs.map((m) => ({ id: m.id, mine: m.authorHouseholdId === me.householdId, body: m.body, createdAt: m.createdAt })),
  };
}

export async function myConversations(ctx: Ctx) {
  const me = await requireFamily(ctx);
  const rows = await store.answersOf(ctx.db, me.householdId);
  return rows.map((r) => ({
    id: r.id,
    postId: r.postId,
    postTitle: r.postTitle,
    side: r.authorHouseholdId === me.householdId ? ('author' as const) : ('helper' as const),
    lastMessageAt: r.lastMessageAt,
    contactShared: r.authorSharesContact && r.helperSharesContact,
  }));
}

/** Block the other side of a conversation (or a post's author): both ways from now on. */
export async function blockHousehold(ctx: Ctx, target: { answerId?: string; postId?: string }): Promise<{ ok: true }> {
  const me = await requireFamily(ctx);
  let other: string | null = null;
  if (target.answerId) other = (await participant(ctx, target.answerId)).other;
  else if (target.postId) other = (await store.getPost(ctx.db, target.postId))?.householdId ?? null;
  if (!other) throw notFound();
  if (other === me.householdId) throw new AppError('entraide/self-block');
  return tx(ctx.db, async (t) => {
    await store.block(t, me.householdId, other, ctx.now());
    await audit(t, ctx, 'entraide/household-blocked', { householdId: me.householdId, subjectType: 'household', subjectId: other });
    return { ok: true as const };
  });
}

export async function report(ctx: Ctx, input: { postId?: string; answerId?: string; reason: string }): Promise<{ id: string }> {
  const me = await requireFamily(ctx);
  let reported: string | null = null;
  let postId: string | null = null;
  if (input.answerId) {
    const p = await participant(ctx, input.answerId);
    reported = p.other;
    postId = p.a.postId;
  } else if (input.postId) {
    const post = await store.getPost(ctx.db, input.postId);
    if (!post) throw notFound();
    reported = post.householdId;
    postId = post.id;
  } else throw new AppError('entraide/not-found', { fields: [{ path: 'postId', message: 'Indiquez l’annonce ou la conversation signalée.' }] });
  return tx(ctx.db, async (t) => {
    const id = await store.insertReport(t, { reporter: me.householdId, postId, reported, reason: input.reason, now: ctx.now() });
    await audit(t, ctx, 'entraide/reported', { householdId: me.householdId, subjectType: 'entraide_report', subjectId: id });
    return { id };
  });
}

export async function moderationQueue(ctx: Ctx) {
  requireRole(ctx, 'agent', 'coordinator', 'admin');
  return store.openReports(ctx.db);
}

export async function resolveReport(ctx: Ctx, id: string, decision: 'dismiss' | 'remove-post'): Promise<{ ok: true }> {
  const user = requireRole(ctx, 'agent', 'coordinator', 'admin');
  return tx(ctx.db, async (t) => {
    const r = await store.lockReport(t, id);
    if (!r) throw notFound();
    if (r.status !== 'open') throw new AppError('entraide/report-resolved');
    if (decision === 'remove-post' && r.postId) await store.setPostStatus(t, r.postId, 'removed');
    await store.resolveReport(t, id, decision === 'dismiss' ? 'dismissed' : 'post-removed', user.id, ctx.now());
    await audit(t, ctx, 'entraide/report-resolved', { subjectType: 'entraide_report', subjectId: id, details: { decision } });
    return { ok: true as const };
  });
}

/** An agent, or an ambassador for a household of their neighbourhood, validates a household (it may then offer childcare). */
export async function validateHousehold(ctx: Ctx, householdId: string): Promise<{ ok: true }> {
  return tx(ctx.db, async (t) => {
    const who = await requireAgentOrAmbassador(ctx, t);
    const n = (await householdNeighbourhoods(t, [householdId])).get(householdId);
    if (n === undefined) throw notFound();
    if (who.neighbourhoodId !== null && n !== who.neighbourhoodId) throw new AppError('entraide/not-ambassador');
    await store.validate(t, householdId, who.user.id, ctx.now());
    await audit(t, ctx, 'entraide/household-validated', { householdId, subjectType: 'household', subjectId: householdId });
    return { ok: true as const };
  });
}

export async function appointAmbassador(ctx: Ctx, userId: string, neighbourhoodId: string): Promise<{ ok: true }> {
  const user = requireRole(ctx, 'agent', 'coordinator', 'admin');
  checkNeighbourhood(ctx, neighbourhoodId);
  return tx(ctx.db, async (t) => {
    if ((await homeOf(t, userId))?.neighbourhoodId !== neighbourhoodId)
      throw new AppError('entraide/ambassador-elsewhere', {
        fields: [{ path: 'neighbourhoodId', message: "La famille de ce parent ne vit pas dans ce quartier d'après son dossier." }],
      });
    await store.appointAmbassador(t, userId, neighbourhoodId, user.id, ctx.now());
    await audit(t, ctx, 'entraide/ambassador-appointed', { subjectType: 'user', subjectId: userId, details: { neighbourhoodId } });
    return { ok: true as const };
  });
}
