/**
 * The family grants and revokes, per partner structure and purpose, access to named
 * parts of its file. An agent may record a consent given at the desk.
 */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx } from '../../platform/db/pool';
import { parisDate, parisInstant } from '../../platform/clock';
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

/**
 * An agent never gives or withdraws a consent in the family's name: at the desk, it records
 * what the family itself says, and says so (`familyStatement`), with its own name in the audit.
 */
function assertDeskStatement(as: 'parent' | 'staff' | 'partner', familyStatement: boolean | undefined) {
  if (as === 'partner') throw new AppError('auth/forbidden');
  if (as === 'staff' && familyStatement !== true) {
    throw new AppError('dossiers/desk-statement-required', {
      fields: [{ path: 'familyStatement', message: 'Cochez que la famille l’a dit elle-même, au guichet.' }],
    });
  }
}

/** The end of `until` (a `YYYY-MM-DD` day) in Paris; a day before today, by the server's clock, is refused. */
function consentEnd(ctx: Ctx, until: string | null | undefined): Date | null {
  if (!until) return null;
  const [y, m, d] = until.split('-').map(Number);
  const day = new Date(Date.UTC(y!, m! - 1, d!));
  if (day.getUTCMonth() !== m! - 1 || day.getUTCDate() !== d) {
    throw new AppError('dossiers/invalid-date', { fields: [{ path: 'until', message: 'Cette date est impossible.' }] });
  }
  if (until < parisDate(ctx.now())) {
    throw new AppError('dossiers/consent-end-past', { fields: [{ path: 'until', message: 'Un accord ne peut pas finir avant aujourd’hui.' }] });
  }
  const nextDay = new Date(day.getTime() + 24 * 3600_000).toISOString().slice(0, 10);
  return new Date(parisInstant(nextDay).getTime() - 1);
}

export async function grantConsent(
  ctx: Ctx,
  householdId: string,
  input: { structureId: string; purpose: Purpose; parts: Part[]; until?: string | null; familyStatement?: boolean },
) {
  return tx(ctx.db, async (t) => {
    const access = await assertCanAccess(ctx, householdId, 'dossiers.consent', { q: t });
    assertDeskStatement(access.as, input.familyStatement);
    const expiresAt = consentEnd(ctx, input.until);
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
        expiresAt,
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

/**
 * The family withdraws a consent. Withdrawing must be as easy as giving (RGPD art. 7.3): a
 * family that says so at the desk is heard there; the agent records the family's statement
 * (`familyStatement`), the file and the family's access log say it was at the desk, by whom.
 */
export async function revokeConsent(ctx: Ctx, householdId: string, consentId: string, familyStatement?: boolean) {
  return tx(ctx.db, async (t) => {
    const access = await assertCanAccess(ctx, householdId, 'dossiers.consent', { q: t });
    assertDeskStatement(access.as, familyStatement);
    const row = await cstore.revokeConsent(t, householdId, consentId, ctx.user!.id, ctx.now());
    if (!row) throw new AppError('dossiers/consent-not-found');
    await audit(t, ctx, 'dossiers/consent-revoked', {
      householdId,
      subjectType: 'consent',
      subjectId: consentId,
      details: { structureId: row.structureId, purpose: row.purpose, atDesk: access.as === 'staff' },
    });
    return { ok: true };
  });
}

export async function listConsents(ctx: Ctx, householdId: string) {
  const access = await assertCanAccess(ctx, householdId, 'dossiers.consent');
  if (access.as === 'partner') throw new AppError('auth/forbidden');
  const rows = await cstore.listConsents(ctx.db, householdId);
  // Every structure as the directory names it (a consent may name any of them, not only those with an account).
  const ids = [...new Set(rows.map((c) => c.structureId))];
  const structures = await withDirectoryNames(
    ctx,
    ids.map((structureId) => ({ structureId, name: '' })),
  );
  const names = new Map(structures.filter((s) => s.name).map((s) => [s.structureId, s.name]));
  const now = ctx.now();
  return rows.map((c) => ({
    ...c,
    structureName: names.get(c.structureId) ?? (c.purpose === 'ccas-file' ? 'CCAS' : 'Structure partenaire'),
    purposeLabel: purposeLabel(c.purpose),
    partLabels: c.parts.map((p) => PART_LABELS[p] ?? p),
    live: !c.revokedAt && (!c.expiresAt || c.expiresAt > now),
  }));
}

/** The consents as the agent reads them: who in the family gave or withdrew each, where, and who recorded it. */
export async function listDeskConsents(ctx: Ctx, householdId: string) {
  requireRole(ctx, 'agent', 'coordinator');
  const consents = await listConsents(ctx, householdId); // the access check (audited) first
  const [actors, parent] = await Promise.all([cstore.consentActors(ctx.db, householdId), cstore.parentName(ctx.db, householdId)]);
  const byId = new Map(actors.map((a) => [a.id, a]));
  return {
    familyName: parent,
    consents: consents.map((c) => {
      const a = byId.get(c.id);
      return {
        ...c,
        recordedByName: c.recordedAtDesk ? (a?.grantedByName ?? null) : null,
        revokedAtDesk: a?.revokedByRole === 'agent' || a?.revokedByRole === 'coordinator',
        revokedByName: a?.revokedByRole === 'parent' ? null : (a?.revokedByName ?? null),
      };
    }),
  };
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
