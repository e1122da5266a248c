/**
 * The family grants and revokes, per partner structure and purpose, access to named
 * parts of its file. An agent may record a consent given at the desk.
 */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx } from '../../platform/db/pool';
import { parisDate } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { assertCanAccess } from './access';
import { assertDirectoryReference } from './directory-reference';
import * as cstore from './consent.store';
import { loadHousehold } from './dossiers.store';
import { PART_LABELS, projectHousehold, type Part } from './fields';
import { purposeLabel, type Purpose } from './purposes';
import { getStructure } from '../annuaire/index';

/** Structures named as the directory (annuaire) names them; else by their partner account. */
async function withDirectoryNames(ctx: Ctx, list: { structureId: string; name: string }[]) {
  return Promise.all(
    list.map(async (s) => {
      try {
        const st = (await getStructure(ctx, s.structureId)) as { nom?: string };
        return { structureId: s.structureId, name: st.nom ?? s.name };
      } catch {
        return s;
      }
    }),
  );
}

export async function grantConsent(ctx: Ctx, householdId: string, input: { structureId: string; purpose: Purpose; parts: Part[]; expiresAt?: string | null }) {
  return tx(ctx.db, async (t) => {
    const access = await assertCanAccess(ctx, householdId, 'dossiers.consent', { q: t });
    if (access.as === 'partner') throw new AppError('auth/forbidden');
    await assertDirectoryReference(t, input.structureId);
    const parts = [...new Set(input.parts)];
    let id: string;
    try {
      id = await cstore.insertConsent(t, {
        householdId,
        structureId: input.structureId,
        purpose: input.purpose,
        parts,
        grantedBy: ctx.user!.id,
        recordedAtDesk: access.as === 'staff',
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        now: ctx.now(),
      });
    } catch (err) {
      onConstraint(err, { household_consents_live_key: new AppError('dossiers/consent-exists') });
    }
    await audit(t, ctx, 'dossiers/consent-granted', {
      householdId,
      subjectType: 'consent',
      subjectId: id!,
      details: { structureId: input.structureId, purpose: input.purpose, parts, atDesk: access.as === 'staff' },
    });
    return { id: id! };
  });
}

export async function revokeConsent(ctx: Ctx, householdId: string, consentId: string) {
  return tx(ctx.db, async (t) => {
    const access = await assertCanAccess(ctx, householdId, 'dossiers.consent', { q: t });
    if (access.as === 'partner') throw new AppError('auth/forbidden');
    const row = await cstore.revokeConsent(t, householdId, consentId, ctx.user!.id, ctx.now());
    if (!row) throw new AppError('dossiers/consent-not-found');
    await audit(t, ctx, 'dossiers/consent-revoked', {
      householdId,
      subjectType: 'consent',
      subjectId: consentId,
      details: { structureId: row.structureId, purpose: row.purpose },
    });
    return { ok: true };
  });
}

export async function listConsents(ctx: Ctx, householdId: string) {
  const access = await assertCanAccess(ctx, householdId, 'dossiers.consent');
  if (access.as === 'partner') throw new AppError('auth/forbidden');
  const [rows, structures] = await Promise.all([
    cstore.listConsents(ctx.db, householdId),
    cstore.listPartnerStructures(ctx.db).then((l) => withDirectoryNames(ctx, l)),
  ]);
  const names = new Map(structures.map((s) => [s.structureId, s.name]));
  const now = ctx.now();
  return rows.map((c) => ({
    ...c,
    structureName: names.get(c.structureId) ?? (c.purpose === 'ccas-file' ? 'CCAS' : 'Structure partenaire'),
    purposeLabel: purposeLabel(c.purpose),
    partLabels: c.parts.map((p) => PART_LABELS[p] ?? p),
    live: !c.revokedAt && (!c.expiresAt || c.expiresAt > now),
  }));
}

export async function partnerStructures(ctx: Ctx) {
  return withDirectoryNames(ctx, await cstore.listPartnerStructures(ctx.db));
}

/** Families whose consent to the partner's structure holds: ids and terms only, no personal data. */
export async function partnerHouseholds(ctx: Ctx) {
  const user = requireRole(ctx, 'partner');
  const rows = await cstore.consentedHouseholdsOfStructure(ctx.db, user.structureId, ctx.now());
  return rows.map((r) => ({ ...r, purposeLabel: purposeLabel(r.purpose) }));
}

/** What the family shared with the partner's structure for `purpose` (the access check audits the read). */
export async function readSharedHousehold(ctx: Ctx, householdId: string, purpose: string) {
  requireRole(ctx, 'partner');
  const access = await assertCanAccess(ctx, householdId, purpose);
  const h = await loadHousehold(ctx.db, householdId, parisDate(ctx.now()));
  return { parts: access.parts, partLabels: access.parts.map((p) => PART_LABELS[p]), household: projectHousehold(h!, access.fields) };
}
