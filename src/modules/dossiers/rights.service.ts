/**
 * The family's rights over its data: read its access log, export everything stored,
 * have it erased (except what the law makes us keep, until a date, then purged).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { audit, listAudit, type AuditRow } from '../../platform/audit';
import { accountRows, anonymiseAccount, lockAccount } from '../../platform/auth/account-data';
import { parisDate } from '../../platform/clock';
import { makeCtx, type Ctx, type Deps } from '../../platform/context';
import { tx, type Queryable, type Tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { removeOutboxFiles } from '../../platform/notify/outbox';
import { requireRole } from '../../platform/roles';
import { assertCanAccess } from './access';
import { readAuditTrail, type Names } from './audit-reading';
import { structuresOfUsers } from './consent.store';
import { CCAS_STRUCTURE_ID } from './purposes';
import { getService, getStructure } from '../annuaire/index';
import {
  deleteExpiredRetention,
  eraseHouseholdRows,
  householdIdOfUser,
  householdRows,
  insertRetention,
  listChanges,
  listRetention,
  loadHousehold,
} from './dossiers.store';
import { deleteDraftsOfUser, draftRowsOfUser } from './draft.store';
import { accountErasureHooks, accountExportSources, erasureHooks, exportSources, retentionProviders, type RetentionNeed } from './extensions';
import { fieldUsage } from './form-registry';
import { uploadsDir } from './household.service';
import type { Household } from './household';
import { euros, fieldText, frDay, frInstant, valueText, type ValueContext } from './value-labels';

export { HOUSEHOLD_TABLES } from './dossiers.store';

const ACTION_LABELS: Record<string, string> = {
  'dossiers/created': 'Dossier créé',
  'dossiers/updated': 'Dossier modifié',
  'dossiers/opened': 'Dossier ouvert par un agent',
  'dossiers/accessed': 'Dossier consulté par un agent',
  'dossiers/partner-access': 'Informations consultées par une structure partenaire',
  'dossiers/consent-granted': 'Accord de partage donné',
  'dossiers/consent-revoked': 'Accord de partage retiré',
  'dossiers/oriented': 'Orientation vers une structure partenaire',
  'dossiers/orientation-consent-confirmed': 'Accord donné pour une orientation proposée par le CCAS',
  'dossiers/orientation-refused-by-family': 'Orientation proposée par le CCAS refusée',
  'dossiers/orientation-accepted': 'Orientation acceptée par la structure',
  'dossiers/orientation-declined': 'Orientation refusée par la structure',
  'dossiers/orientation-outcome': "Résultat de l'orientation enregistré",
  'dossiers/early-detection': 'Situation signalée au CCAS par un partenaire',
  'dossiers/note-added': 'Note ajoutée par un agent',
  'dossiers/renewal-opened': 'Renouvellement ouvert',
  'dossiers/renewal-confirmed': 'Renouvellement confirmé',
  'dossiers/exported': 'Dossier téléchargé',
  'dossiers/prefilled': 'Formulaire prérempli avec votre dossier',
  'dossiers/followed': 'Un agent suit votre dossier',
  'dossiers/task-done': 'Tâche traitée par un agent',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

/** The access log of the family's own file: one line per visit, partners named by their structure. */
export async function householdAudit(ctx: Ctx, householdId: string) {
  const access = await assertCanAccess(ctx, householdId, 'dossiers.audit');
  if (access.as === 'partner') throw new AppError('auth/forbidden');
  const rows = await listAudit(ctx.db, { householdId, limit: 500 });
  const names = await directoryNames(ctx, rows);
  return readAuditTrail(rows, actionLabel, names);
}

/** The directory's names of every structure and service the rows name (and of the partners' structures). */
async function directoryNames(ctx: Ctx, rows: AuditRow[]): Promise<Names> {
  const partnerIds = [...new Set(rows.filter((r) => r.actorRole === 'partner' && r.actorId).map((r) => r.actorId!))];
  const actorStructures = new Map((await structuresOfUsers(ctx.db, partnerIds)).map((u) => [u.userId, u.structureId]));
  const structureIds = new Set<string>([...actorStructures.values()]);
  const serviceIds = new Set<string>();
  for (const r of rows) {
    if (typeof r.details?.structureId === 'string') structureIds.add(r.details.structureId);
    if (typeof r.details?.serviceId === 'string') serviceIds.add(r.details.serviceId);
  }
  const structures = new Map<string, string>([[CCAS_STRUCTURE_ID, 'CCAS']]);
  const services = new Map<string, string>();
  await Promise.all([
    ...[...structureIds].map(async (id) => {
      if (structures.has(id)) return;
      const s = await getStructure(ctx, id).catch(() => null);
      if (s?.nom) structures.set(id, s.nom);
    }),
    ...[...serviceIds].map(async (id) => {
      const s = await getService(ctx, id).catch(() => null);
      if (s?.nom) services.set(id, s.nom);
    }),
  ]);
  return { structure: (id) => structures.get(id), service: (id) => services.get(id), structureOfActor: (id) => actorStructures.get(id) };
}

/** Dates as ISO strings, stored hashes (bytea) as hex: what JSON can carry. */
function jsonSafe(rows: Record<string, unknown>[]) {
  return rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : Buffer.isBuffer(v) ? `\\x${v.toString('hex')}` : v])),
  );
}

/**
 * Every row keyed by the person's account, by table: the platform's (account, sessions,
 * login failures, password resets, messages, audit entries where it acts or is the subject),
 * its form drafts, and each module's (`exportAccount` hooks: ideas, supports, group messages…).
 */
async function accountStored(q: Queryable, userId: string, contacts: (string | null | undefined)[]) {
  const rows: Record<string, unknown[]> = await accountRows(q, userId, contacts);
  rows.household_drafts = await draftRowsOfUser(q, userId);
  for (const source of accountExportSources()) Object.assign(rows, await source(q, userId));
  return rows;
}

/** The rows as JSON carries them, and the account's own words (no password, no table names). */
function exportBody(ctx: Ctx, rows: Record<string, unknown[]>) {
  const stored = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, jsonSafe(v as Record<string, unknown>[])]));
  const user = (rows.users as Record<string, unknown>[] | undefined)?.[0];
  const account = user
    ? { displayName: user.display_name, email: user.email, phone: user.phone, locale: user.locale, easyRead: user.easy_read, createdAt: user.created_at }
    : null;
  return { exportedAt: ctx.now().toISOString(), controller: ctx.town.ccasName, account, stored };
}

/**
 * Everything stored about the person: the file, its history, consents, orientations,
 * and the raw rows of every table, the platform's and the account's included (account,
 * sessions, login failures, password resets, messages, audit entries without a household,
 * ideas, group messages…).
 */
export async function exportHousehold(ctx: Ctx, householdId: string) {
  const access = await assertCanAccess(ctx, householdId, 'dossiers.export');
  if (access.as === 'partner') throw new AppError('auth/forbidden');
  const q = ctx.db;
  const file = (await loadHousehold(q, householdId, parisDate(ctx.now())))!;
  const rows: Record<string, unknown[]> = await householdRows(q, householdId);
  for (const source of exportSources()) Object.assign(rows, await source(q, householdId));
  if (file.parentUserId) {
    const account = await accountStored(q, file.parentUserId, [file.parent.email, file.parent.phone]);
    // Audit entries about the household and about the account, once each.
    const seen = new Set((rows.audit_log as { id: unknown }[]).map((a) => String(a.id)));
    account.audit_log = [...rows.audit_log, ...(account.audit_log as { id: unknown }[]).filter((a) => !seen.has(String(a.id)))];
    Object.assign(rows, account);
  }
  await audit(q, ctx, 'dossiers/exported', { householdId, subjectType: 'household', subjectId: householdId });
  return {
    ...exportBody(ctx, rows),
    file: file as Household | null,
    history: await listChanges(q, householdId, 10_000),
    accessLog: await householdAudit(ctx, householdId),
    formsUsingYourData: fieldUsage().filter((f) => f.usedBy.length),
  };
}

/**
 * The same export for a parent's account without a household file (it signed up, proposed
 * ideas, joined a group…): every row keyed by its account; no file, history or access log.
 */
async function exportAccount(ctx: Ctx, userId: string): Promise<HouseholdExportData> {
  const rows = await accountStored(ctx.db, userId, []);
  await audit(ctx.db, ctx, 'dossiers/exported', { subjectType: 'user', subjectId: userId });
  return { ...exportBody(ctx, rows), file: null, history: [], accessLog: [], formsUsingYourData: fieldUsage().filter((f) => f.usedBy.length) };
}

type HouseholdExportData = Awaited<ReturnType<typeof exportHousehold>>;

/**
 * The parent's own export (its right of access and portability belongs to the person, not
 * to the file): its household's, with the account's rows, or its account's alone.
 */
export async function exportMyData(ctx: Ctx): Promise<HouseholdExportData> {
  const user = requireRole(ctx, 'parent');
  const householdId = await householdIdOfUser(ctx.db, user.id);
  return householdId ? exportHousehold(ctx, householdId) : exportAccount(ctx, user.id);
}

/** What each stored table holds, in words (the printable export names no table). */
const STORED_LABELS: Record<string, string> = {
  users: 'Votre compte',
  sessions: 'Connexions à votre compte',
  password_resets: 'Demandes de nouveau mot de passe',
  login_failures: 'Essais de connexion manqués',
  throttle_events: 'Essais limités (protection du compte)',
  notifications: 'Messages envoyés (e-mails, SMS)',
  audit_log: 'Journal des consultations et des actions',
  households: 'Votre dossier',
  household_members: 'Vous et l’autre parent',
  household_children: 'Enfants',
  household_documents: 'Justificatifs',
  household_changes: 'Historique des modifications',
  household_consents: 'Accords de partage',
  household_orientations: 'Orientations vers des partenaires',
  household_tasks: 'Suivi par les agents',
  household_notes: 'Notes des agents',
  household_access_grants: 'Ouvertures du dossier par un agent',
  household_renewals: 'Renouvellements',
  household_drafts: 'Brouillons du formulaire',
  dossier_retention: 'Données gardées par obligation légale',
  idempotency_keys: 'Formulaires envoyés deux fois (réponse gardée un jour)',
  user_identities: 'Comptes FranceConnect ou ProConnect liés',
  oidc_logins: 'Connexions FranceConnect ou ProConnect en cours',
  pilotage_proposals: 'Idées proposées',
  pilotage_supports: 'Idées soutenues',
  groupes_members: 'Groupes de parole rejoints',
  groupes_messages: 'Messages dans les groupes de parole',
  groupes_registrations: 'Inscriptions aux séances des groupes de parole',
  groupes_reports: 'Messages signalés aux modérateurs',
  groupes_blocks: 'Personnes bloquées dans les groupes de parole',
  entraide_ambassadors: 'Parent ambassadeur du quartier',
  entraide_meetings: 'Rencontres organisées comme ambassadeur',
};
const STORED_PREFIXES: [string, string][] = [
  ['aides_', 'Demandes d’aide'],
  ['attribution_', 'Candidatures à des places'],
  ['droits_', 'Estimations de vos droits'],
  ['entraide_', 'Entraide entre parents'],
  ['groupes_', 'Groupes de parole'],
  ['rendezvous_', 'Rendez-vous'],
  ['cheques_', 'Chèques et Pass Famille Solo'],
  ['pilotage_', 'Idées proposées et soutenues'],
  ['diagnostic_', 'Invitations et participations aux séances d’écoute'],
];
function storedLabel(table: string): string {
  return STORED_LABELS[table] ?? STORED_PREFIXES.find(([p]) => table.startsWith(p))?.[1] ?? 'Autres données';
}

const esc = (v: unknown) => String(v ?? '—').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A readable page of the export, printable (Ctrl+P → PDF). */
export function exportHtml(data: HouseholdExportData, neighbourhoods: readonly { id: string; name: string }[] = []): string {
  if (!data.file) return accountExportHtml(data);
  const h: Household = data.file;
  const vc: ValueContext = { neighbourhoods, children: h.children };
  const v = (field: string, value: unknown) => (value == null || value === '' ? '—' : valueText(field, value, vc));
  const kids = h.children
    .map((c) =>
      row(
        `${c.firstName} ${c.lastName ?? ''}`,
        `né·e le ${frDay(c.birthDate)} · ${v('children.custody', c.custody)} · ${c.schoolName ?? 'école non renseignée'} ${c.schoolLevel ?? ''}`,
      ),
    )
    .join('');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Mon dossier — export du ${esc(frDay(data.exportedAt))}</title>
${PAGE_STYLE}</head><body>
<h1>Mon dossier</h1><p>Export du ${esc(frInstant(data.exportedAt))} — responsable du traitement : ${esc(data.controller)}.</p>
${table('Vous', row('Prénom', h.parent.firstName) + row('Nom', h.parent.lastName) + row('Date de naissance', h.parent.birthDate ? frDay(h.parent.birthDate) : null) + row('Téléphone', h.parent.phone) + row('E-mail', h.parent.email))}
${h.otherParent ? table("L'autre parent", row('Prénom', h.otherParent.firstName) + row('Nom', h.otherParent.lastName) + row('Garde', v('otherParent.custody', h.otherParent.custody)) + row('Pension fixée', euros(h.otherParent.alimonyDueMonthlyCents))) : ''}
${table('Enfants', kids || row('Aucun enfant', ''))}
${table('Adresse', row('Adresse', h.address.line) + row('Code postal', h.address.postalCode) + row('Commune', h.address.city) + row('Code INSEE', h.address.inseeCode) + row('Quartier', v('address.neighbourhoodId', h.address.neighbourhoodId)))}
${table(
  'Ressources et logement',
  row('Activité', v('situation.activity', h.situation.activity)) +
    row('Salaire net mensuel', euros(h.situation.salaryNetMonthlyCents)) +
    row('Chômage net mensuel', euros(h.situation.unemploymentNetMonthlyCents)) +
    row('Autres revenus mensuels', euros(h.situation.otherIncomeMonthlyCents)) +
    row('Pension alimentaire reçue', euros(h.situation.alimonyReceivedMonthlyCents)) +
    row('Prestations familiales', euros(h.situation.familyBenefitsMonthlyCents)) +
    row('Revenus annuels', euros(h.situation.annualIncomeCents)) +
    row('Logement', v('housing.status', h.housing.status)) +
    row('Loyer sans les charges', euros(h.housing.rentMonthlyCents)) +
    row('Charges', euros(h.housing.chargesMonthlyCents)) +
    (h.housing.rentWithChargesFormerCents != null ? row('Loyer indiqué avant, charges comprises', euros(h.housing.rentWithChargesFormerCents)) : '') +
    row('Quotient familial', h.quotient.value == null ? null : `${h.quotient.value} € (${h.quotient.source === 'entered' ? 'saisi' : 'calculé'})`),
)}
${table('Justificatifs', h.documents.map((d) => row(d.label ?? d.kind, `valable jusqu'au ${frDay(d.validUntil)}${d.expired ? ' (expiré)' : ''}`)).join('') || row('Aucun justificatif', ''))}
${table('Historique des modifications', data.history.map((c) => row(`${frInstant(c.at)} — ${fieldText(c.field, vc)}`, `${valueText(c.field, c.oldValue, vc)} → ${valueText(c.field, c.newValue, vc)}`)).join('') || row('Aucune modification', ''))}
${table('Consultations et actions sur votre dossier', data.accessLog.map((a) => row(frInstant(a.at), `${a.label}${a.actorName ? ` — ${a.actorName}` : ''}${a.reason ? ` — motif : ${a.reason}` : ''}`)).join(''))}
${storedTable(data.stored)}
<p>Le détail complet, valeur par valeur, est dans le fichier à télécharger « export.json » (format lisible par un ordinateur), depuis la page « Mon dossier ».</p>
</body></html>`;
}

const row = (label: string, v: unknown) => `<tr><th scope="row">${esc(label)}</th><td>${esc(v)}</td></tr>`;
const table = (caption: string, rows: string) => `<table><caption>${esc(caption)}</caption><tbody>${rows}</tbody></table>`;
const PAGE_STYLE = `<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#111}table{border-collapse:collapse;width:100%;margin:1rem 0}
caption{text-align:left;font-weight:700;font-size:1.2rem;padding:.5rem 0}th,td{border:1px solid #888;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}th{width:40%}
table{table-layout:fixed}</style>`;

/** What is stored, in words and counts (tables of one kind under one label; the values are in the JSON file). */
function storedTable(stored: HouseholdExportData['stored']): string {
  const counts = new Map<string, number>();
  for (const [name, rows] of Object.entries(stored)) if (rows.length) counts.set(storedLabel(name), (counts.get(storedLabel(name)) ?? 0) + rows.length);
  return table('Toutes les données enregistrées', [...counts].map(([label, n]) => row(label, `${n} ${n > 1 ? 'enregistrements' : 'enregistrement'}`)).join(''));
}

/** The printable page of an account without a household file: the account, then what is stored. */
function accountExportHtml(data: HouseholdExportData): string {
  const a = data.account;
  const created = a && (typeof a.createdAt === 'string' || a.createdAt instanceof Date) ? frDay(new Date(a.createdAt).toISOString()) : null;
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Mes données — export du ${esc(frDay(data.exportedAt))}</title>
${PAGE_STYLE}</head><body>
<h1>Mes données</h1><p>Export du ${esc(frInstant(data.exportedAt))} — responsable du traitement : ${esc(data.controller)}.</p>
<p>Vous n’avez pas de dossier famille : voici tout ce que nous gardons sur votre compte.</p>
${table('Votre compte', row('Nom affiché', a?.displayName) + row('E-mail', a?.email) + row('Téléphone', a?.phone) + row('Compte ouvert le', created))}
${storedTable(data.stored)}
<p>Le détail complet, valeur par valeur, est dans le fichier à télécharger « export.json » (format lisible par un ordinateur), depuis la page « Mon dossier ».</p>
</body></html>`;
}

function keptValues(h: Household, need: RetentionNeed): Record<string, unknown> {
  const get: Record<RetentionNeed['keep'][number], unknown> = {
    'parent.firstName': h.parent.firstName,
    'parent.lastName': h.parent.lastName,
    'parent.birthDate': h.parent.birthDate,
    'address.line': h.address.line,
    'address.postalCode': h.address.postalCode,
    'address.city': h.address.city,
  };
  return Object.fromEntries(need.keep.map((k) => [k, get[k] ?? null]));
}

/** What an erasure leaves to do once committed: the files to delete. */
interface Erased {
  retained: number;
  files: string[];
  account: { userId: string; notificationIds: string[] } | null;
}

/** Every row keyed by the account in the modules (`eraseAccount` hooks) and its form drafts; then the account itself, anonymised and closed. */
async function eraseAccountRows(ctx: Ctx, t: Tx, userId: string, contacts: (string | null | undefined)[]) {
  for (const hook of accountErasureHooks()) await hook(t, userId);
  await deleteDraftsOfUser(t, userId);
  return { userId, ...(await anonymiseAccount(t, userId, contacts, ctx.now())) };
}

/** The household's erasure, in the caller's transaction (see eraseHousehold). */
async function eraseHouseholdIn(ctx: Ctx, t: Tx, householdId: string): Promise<Erased> {
  const access = await assertCanAccess(ctx, householdId, 'dossiers.erase', { q: t });
  if (access.as === 'partner') throw new AppError('auth/forbidden');
  const h = (await loadHousehold(t, householdId, parisDate(ctx.now()), { lock: true }))!;
  let retained = 0;
  for (const provider of retentionProviders()) {
    for (const need of await provider(t, householdId)) {
      await insertRetention(t, { householdId, ...need, kept: keptValues(h, need), now: ctx.now() });
      retained++;
    }
  }
  for (const hook of erasureHooks()) await hook(t, householdId);
  const files = await eraseHouseholdRows(t, householdId, ctx.now());
  const account = h.parentUserId ? await eraseAccountRows(ctx, t, h.parentUserId, [h.parent.email, h.parent.phone]) : null;
  await audit(t, ctx, 'dossiers/erased', { householdId, subjectType: 'household', subjectId: householdId, details: { retained } });
  return { retained, files, account };
}

/** Files once the erasure is committed: uploaded documents, and the messages sent to the person. */
async function removeErasedFiles(ctx: Ctx, { retained, files, account }: Erased): Promise<{ retained: number }> {
  for (const f of files) await fs.rm(path.join(uploadsDir(ctx), path.basename(f)), { force: true });
  if (account) await removeOutboxFiles(ctx.config.dataDir, account);
  return { retained };
}

/**
 * Erase the family's personal data. What other modules must keep by law (retention
 * providers) is copied to `dossier_retention` with its date; everything else about the
 * household is deleted or set to NULL; the parent's account goes as eraseMyData's does
 * (the modules' rows keyed by it, then the account anonymised and closed, its sessions and
 * messages deleted). The audit keeps identifiers only.
 */
export async function eraseHousehold(ctx: Ctx, householdId: string): Promise<{ retained: number }> {
  return removeErasedFiles(ctx, await tx(ctx.db, (t) => eraseHouseholdIn(ctx, t, householdId)));
}

/**
 * The parent erases its own data (the right to erasure belongs to the person, not to the
 * file): its household's, with its account, or its account alone when it has no file
 * (ideas, supports, group messages… through the modules' `eraseAccount` hooks; nothing is
 * retained, the law keeps only what a file's aids leave). The account's row is locked
 * first, so a file created meanwhile waits and is either erased with it or not there yet.
 */
export async function eraseMyData(ctx: Ctx): Promise<{ retained: number }> {
  const user = requireRole(ctx, 'parent');
  const erased = await tx(ctx.db, async (t): Promise<Erased> => {
    if (!(await lockAccount(t, user.id))) throw new AppError('auth/required');
    const householdId = await householdIdOfUser(t, user.id);
    if (householdId) return eraseHouseholdIn(ctx, t, householdId);
    const account = await eraseAccountRows(ctx, t, user.id, []);
    await audit(t, ctx, 'dossiers/erased', { subjectType: 'user', subjectId: user.id, details: { retained: 0 } });
    return { retained: 0, files: [], account };
  });
  return removeErasedFiles(ctx, erased);
}

/** For coordinators: what is kept after erasures, why and until when (no personal values). */
export async function retentionSchedule(ctx: Ctx) {
  requireRole(ctx, 'coordinator', 'admin');
  return listRetention(ctx.db);
}

/** The job: delete what was kept once its retention date has passed. */
export async function purgeExpiredRetention(deps: Deps): Promise<{ purged: number }> {
  const ctx = makeCtx(deps, null, 'job:dossiers.purge-retention');
  return tx(ctx.db, async (t) => {
    const rows = await deleteExpiredRetention(t, parisDate(ctx.now()));
    for (const r of rows)
      await audit(t, ctx, 'dossiers/retention-purged', {
        householdId: r.household_id,
        subjectType: 'retention',
        subjectId: r.id,
        details: { category: r.category },
      });
    return { purged: rows.length };
  });
}
