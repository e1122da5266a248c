/**
 * Use cases on the file itself: create (by the family, or by an agent at the desk),
 * correct any part, documents. Every change goes through `mutate`, which records the
 * field-level history (who, when, old → new) and bumps the version.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { audit } from '../../platform/audit';
import { parisDate } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx, type Tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole, requireUser } from '../../platform/roles';
import { findNeighbourhood } from '../../platform/town';
import { assertCanAccess } from './access';
import { contentMatchesType } from './file-signature';
import { insertConsent } from './consent.store';
import { deleteDraft } from './draft.store';
import * as store from './dossiers.store';
import { diffFlat, flattenForHistory, PARTS } from './fields';
import type { Address, Child, Household, Housing, OtherParent, Parent, Situation } from './household';
import { CCAS_FILE_PURPOSE, CCAS_STRUCTURE_ID } from './purposes';

export interface ChildInput {
  id?: string;
  firstName: string;
  lastName?: string | null;
  birthDate: string;
  custody?: Child['custody'];
  schoolName?: string | null;
  schoolLevel?: string | null;
}

export interface HouseholdPatch {
  parent?: Partial<Parent>;
  otherParent?: Partial<OtherParent> | null;
  children?: ChildInput[];
  address?: Partial<Address>;
  situation?: Partial<Situation>;
  housing?: Partial<Housing>;
  quotient?: { entered: number | null };
}

export type ChangeSource = 'family' | 'agent' | 'renewal' | 'system';

export function sourceOf(ctx: Ctx): ChangeSource {
  return ctx.user?.role === 'parent' ? 'family' : ctx.user ? 'agent' : 'system';
}

/** Run `fn` on the locked file, then record what changed. */
export async function mutate<T>(
  ctx: Ctx,
  householdId: string,
  source: ChangeSource,
  fn: (t: Tx, before: Household) => Promise<T>,
  opts: { t?: Tx; purpose?: string } = {},
): Promise<{ result: T; household: Household; changed: number }> {
  const run = async (t: Tx) => {
    const access = await assertCanAccess(ctx, householdId, opts.purpose ?? 'dossiers.edit', { q: t });
    // Partners read what is consented; only the family and the CCAS write the file.
    if (access.as === 'partner') throw new AppError('auth/forbidden');
    const today = parisDate(ctx.now());
    const before = await store.loadHousehold(t, householdId, today, { lock: true });
    if (!before || before.status !== 'active') throw new AppError('dossiers/not-found');
    const result = await fn(t, before);
    let after = (await store.loadHousehold(t, householdId, today))!;
    const changes = diffFlat(flattenForHistory(before), flattenForHistory(after));
    if (changes.length) {
      const now = ctx.now();
      await store.recordChanges(t, householdId, before.version + 1, { id: ctx.user?.id ?? null, role: ctx.user?.role ?? null }, source, changes, now);
      await audit(t, ctx, 'dossiers/updated', {
        householdId,
        subjectType: 'household',
        subjectId: householdId,
        details: { source, version: before.version + 1, fields: changes.map((c) => c.field) },
      });
      after = { ...after, version: before.version + 1 };
    }
    return { result, household: after, changed: changes.length };
  };
  return opts.t ? run(opts.t) : tx(ctx.db, run);
}

function validDate(d: string | null | undefined, pathName: string) {
  if (d == null) return;
  const [y, m, day] = d.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, day));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== day) {
    throw new AppError('dossiers/invalid-date', { fields: [{ path: pathName, message: 'Cette date est impossible.' }] });
  }
}

const CERTIFIED_FIELDS = ['firstName', 'lastName', 'birthDate'] as const;

/** A certified identity (FranceConnect) is locked: sending it unchanged is fine, changing it is refused, field by field. */
function assertIdentityUnchanged(before: Household, patch: HouseholdPatch): void {
  if (!before.identityCertification || !patch.parent) return;
  const changed = CERTIFIED_FIELDS.filter((k) => patch.parent![k] !== undefined && (patch.parent![k] ?? null) !== before.parent[k]);
  if (!changed.length) return;
  throw new AppError('dossiers/identity-locked', {
    fields: changed.map((k) => ({ path: `parent.${k}`, message: 'Ce renseignement vient de FranceConnect : il ne peut pas être modifié ici.' })),
  });
}

/** Apply a patch inside `mutate`. Checks what zod cannot: real dates, the town's neighbourhoods. */
export async function applyPatch(ctx: Ctx, t: Tx, before: Household, patch: HouseholdPatch): Promise<void> {
  const now = ctx.now();
  const id = before.id;
  assertIdentityUnchanged(before, patch);
  validDate(patch.parent?.birthDate, 'parent.birthDate');
  validDate(patch.situation?.unemploymentSince, 'situation.unemploymentSince');
  patch.children?.forEach((c, i) => validDate(c.birthDate, `children.${i}.birthDate`));
  if (patch.parent) await store.upsertMember(t, id, 'parent', patch.parent, now);
  if (patch.otherParent === null) await store.deleteMember(t, id, 'other_parent');
  else if (patch.otherParent) await store.upsertMember(t, id, 'other_parent', patch.otherParent, now);
  const cols: Record<string, unknown> = {};
  if (patch.address) {
    const a = { ...patch.address };
    if (a.neighbourhoodId) {
      const n = findNeighbourhood(ctx.town, a.neighbourhoodId);
      if (!n)
        throw new AppError('dossiers/invalid-neighbourhood', {
          fields: [{ path: 'address.neighbourhoodId', message: "Ce quartier n'existe pas dans la commune." }],
        });
      a.neighbourhoodId = n.id;
    }
    // A postal code of the town fills the commune and its INSEE code when not given.
    if (a.postalCode && ctx.town.postalCodes.includes(a.postalCode)) {
      if (a.city == null && !before.address.city) a.city = ctx.town.name;
      if (a.inseeCode == null && !before.address.inseeCode) a.inseeCode = ctx.town.inseeCode;
    }
    for (const [k, v] of Object.entries(a)) cols[`address.${k}`] = v;
  }
  for (const [k, v] of Object.entries(patch.situation ?? {})) cols[`situation.${k}`] = v;
  for (const [k, v] of Object.entries(patch.housing ?? {})) cols[`housing.${k}`] = v;
  // The rent given again (without charges, the one definition) replaces the old "charges comprises" figure.
  if (patch.housing?.rentMonthlyCents != null && before.housing.rentWithChargesFormerCents != null) cols['housing.rentWithChargesFormerCents'] = null;
  if (patch.quotient) cols['quotient.entered'] = patch.quotient.entered;
  await store.updateHouseholdFields(t, id, cols as any, now);
  if (patch.children) {
    const keep = new Set(patch.children.filter((c) => c.id).map((c) => c.id!));
    for (const c of before.children) if (!keep.has(c.id)) await store.deleteChild(t, id, c.id);
    for (const c of patch.children) {
      const values = {
        firstName: c.firstName.trim(),
        lastName: c.lastName ?? null,
        birthDate: c.birthDate,
        custody: c.custody ?? 'full',
        schoolName: c.schoolName ?? null,
        schoolLevel: c.schoolLevel ?? null,
      };
      if (c.id) {
        if (!before.children.some((k) => k.id === c.id))
          throw new AppError('dossiers/child-not-found', { fields: [{ path: 'children', message: "Cet enfant n'est pas dans le dossier." }] });
        await store.updateChild(t, id, c.id, values, now);
      } else {
        await store.insertChild(t, id, values, now);
      }
    }
  }
}

/** The family creates its own file (once per account). */
export async function createOwnHousehold(ctx: Ctx, patch: HouseholdPatch): Promise<Household> {
  const user = requireRole(ctx, 'parent');
  const householdId = await tx(ctx.db, async (t) => {
    if (await store.householdIdOfUser(t, user.id)) throw new AppError('dossiers/already-exists');
    const id = await store.insertHousehold(t, { createdBy: user.id, now: ctx.now(), isDemo: user.isDemo });
    try {
      await store.upsertMember(t, id, 'parent', { email: user.email, phone: user.phone }, ctx.now(), user.id);
    } catch (err) {
      if ((err as { constraint?: string }).constraint === 'household_members_user_key') throw new AppError('dossiers/already-exists');
      throw err;
    }
    await audit(t, ctx, 'dossiers/created', { householdId: id, subjectType: 'household', subjectId: id, details: { by: 'family' } });
    await mutate(ctx, id, 'family', (t2, before) => applyPatch(ctx, t2, before, patch), { t });
    // Saved: the draft typed on the way has done its work.
    await deleteDraft(t, user.id, 'remplir');
    return id;
  });
  return (await store.loadHousehold(ctx.db, householdId, parisDate(ctx.now())))!;
}

/**
 * An agent creates a file with the family at the desk (accueil). The family's agreement
 * is recorded as a consent of the CCAS, at the desk; the agent becomes its referent and
 * the file is opened for them with the reason "accueil".
 */
export async function createHouseholdAtDesk(ctx: Ctx, input: { patch: HouseholdPatch; consentGiven: boolean; reason: string }): Promise<Household> {
  const user = requireRole(ctx, 'agent', 'coordinator');
  if (!input.consentGiven) {
    throw new AppError('http/invalid-input', { fields: [{ path: 'consentGiven', message: "L'accord de la famille est nécessaire pour créer son dossier." }] });
  }
  const id = await tx(ctx.db, async (t) => {
    const hid = await store.insertHousehold(t, { createdBy: user.id, now: ctx.now(), referentAgentId: user.id, isDemo: user.isDemo });
    await store.upsertMember(t, hid, 'parent', {}, ctx.now(), null);
    await insertConsent(t, {
      householdId: hid,
      structureId: CCAS_STRUCTURE_ID,
      purpose: CCAS_FILE_PURPOSE,
      parts: [...PARTS],
      grantedBy: user.id,
      recordedAtDesk: true,
      expiresAt: null,
      now: ctx.now(),
    });
    await audit(t, ctx, 'dossiers/created', {
      householdId: hid,
      subjectType: 'household',
      subjectId: hid,
      reason: input.reason,
      details: { by: 'agent', consentAtDesk: true },
    });
    await assertCanAccess(ctx, hid, 'dossiers.create', { q: t, reason: input.reason });
    await mutate(ctx, hid, 'agent', (t2, before) => applyPatch(ctx, t2, before, input.patch), { t });
    return hid;
  });
  return (await store.loadHousehold(ctx.db, id, parisDate(ctx.now())))!;
}

/** The parent's own household id, or the 'no-household' error. */
export async function ownHouseholdId(ctx: Ctx): Promise<string> {
  const user = requireRole(ctx, 'parent');
  const id = await store.householdIdOfUser(ctx.db, user.id);
  if (!id) throw new AppError('dossiers/no-household');
  return id;
}

export async function readHousehold(ctx: Ctx, householdId: string, purpose = 'dossiers.read'): Promise<Household> {
  await assertCanAccess(ctx, householdId, purpose);
  const h = await store.loadHousehold(ctx.db, householdId, parisDate(ctx.now()));
  if (!h) throw new AppError('dossiers/not-found');
  return h;
}

export async function updateHousehold(ctx: Ctx, householdId: string, patch: HouseholdPatch, source?: ChangeSource) {
  const user = requireUser(ctx);
  const { household, changed } = await mutate(ctx, householdId, source ?? sourceOf(ctx), async (t, before) => {
    await applyPatch(ctx, t, before, patch);
    // The family's own correction, saved: its draft has done its work.
    if (user.role === 'parent') await deleteDraft(t, user.id, 'remplir');
  });
  return { household, changed };
}

export async function history(ctx: Ctx, householdId: string) {
  await assertCanAccess(ctx, householdId, 'dossiers.history');
  return store.listChanges(ctx.db, householdId);
}

// ---- documents ----

const MAX_FILE_BYTES = 3 * 1024 * 1024;
const MIME_EXT: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

export function uploadsDir(ctx: Ctx): string {
  return path.join(ctx.config.dataDir, 'uploads', 'dossiers');
}

export interface DocumentInput {
  kind: string;
  label?: string | null;
  validFrom?: string | null;
  validUntil?: string | null;
  file?: { name: string; mimeType: string; base64: string } | null;
}

const INVALID_PERIOD = () =>
  new AppError('dossiers/invalid-period', { fields: [{ path: 'validUntil', message: 'La fin de validité ne peut pas précéder le début.' }] });

export async function addDocument(ctx: Ctx, householdId: string, input: DocumentInput) {
  validDate(input.validFrom, 'validFrom');
  validDate(input.validUntil, 'validUntil');
  if (input.validFrom && input.validUntil && input.validFrom > input.validUntil) throw INVALID_PERIOD();
  let storageName: string | null = null;
  let bytes: Buffer | null = null;
  if (input.file) {
    const ext = MIME_EXT[input.file.mimeType];
    if (!ext) throw new AppError('dossiers/file-type', { fields: [{ path: 'file.mimeType', message: 'Formats acceptés : PDF, JPEG ou PNG.' }] });
    bytes = Buffer.from(input.file.base64, 'base64');
    if (bytes.length > MAX_FILE_BYTES) throw new AppError('dossiers/file-too-large');
    // The declared type decides how the file is served back: its content must be of that type.
    if (!contentMatchesType(bytes, input.file.mimeType)) {
      throw new AppError('dossiers/file-content', { fields: [{ path: 'file.base64', message: `Ce fichier n'est pas un ${ext.toUpperCase()}.` }] });
    }
    // Unguessable name, no personal data in it.
    storageName = `${crypto.randomBytes(24).toString('base64url')}.${ext}`;
  }
  const { result } = await mutate(ctx, householdId, sourceOf(ctx), async (t) => {
    const id = await store.insertDocument(
      t,
      householdId,
      {
        kind: input.kind,
        label: input.label ?? null,
        validFrom: input.validFrom ?? null,
        validUntil: input.validUntil ?? null,
        storageName,
        originalName: input.file?.name ?? null,
        mimeType: input.file?.mimeType ?? null,
        sizeBytes: bytes?.length ?? null,
        uploadedBy: ctx.user?.id ?? null,
      },
      ctx.now(),
    );
    if (bytes && storageName) {
      await fs.mkdir(uploadsDir(ctx), { recursive: true, mode: 0o700 });
      await fs.writeFile(path.join(uploadsDir(ctx), storageName), bytes, { mode: 0o600 });
    }
    return id;
  });
  return { id: result };
}

export async function updateDocumentMeta(
  ctx: Ctx,
  householdId: string,
  documentId: string,
  input: { label?: string | null; validFrom?: string | null; validUntil?: string | null },
) {
  validDate(input.validFrom, 'validFrom');
  validDate(input.validUntil, 'validUntil');
  if (input.validFrom && input.validUntil && input.validFrom > input.validUntil) throw INVALID_PERIOD();
  await mutate(ctx, householdId, sourceOf(ctx), async (t) => {
    try {
      if (!(await store.updateDocument(t, householdId, documentId, input))) throw new AppError('dossiers/document-not-found');
    } catch (err) {
      // One bound changed against the other one stored: the table's check decides.
      onConstraint(err, { household_documents_validity: INVALID_PERIOD });
    }
  });
}

export async function removeDocument(ctx: Ctx, householdId: string, documentId: string) {
  const { result } = await mutate(ctx, householdId, sourceOf(ctx), async (t) => {
    const r = await store.deleteDocument(t, householdId, documentId);
    if (!r) throw new AppError('dossiers/document-not-found');
    return r;
  });
  if (result.storageName) await fs.rm(path.join(uploadsDir(ctx), result.storageName), { force: true });
}

export async function readDocumentFile(ctx: Ctx, householdId: string, documentId: string): Promise<{ bytes: Buffer; mimeType: string }> {
  const access = await assertCanAccess(ctx, householdId, 'dossiers.document');
  if (!access.parts.includes('documents')) throw new AppError('dossiers/no-consent');
  const f = await store.documentFile(ctx.db, householdId, documentId);
  if (!f?.storageName) throw new AppError('dossiers/document-not-found');
  const bytes = await fs.readFile(path.join(uploadsDir(ctx), path.basename(f.storageName)));
  return { bytes, mimeType: f.mimeType ?? 'application/octet-stream' };
}
