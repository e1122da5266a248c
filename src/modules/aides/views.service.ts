/**
 * What the pages read: the request form (only this aid's fields, prefilled from the file;
 * the file's valid documents shown as attached), a family's requests and one request
 * (without the agents' annotations), the agents' queue and its CSV, one request beside the
 * family's file, the funds' dashboard.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parisDate, parisParts } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { toCsv } from '../../platform/csv';
import { AppError } from '../../platform/errors';
import { requireRole, requireUser } from '../../platform/roles';
import { FIELDS, getHouseholdForUser, prefill, projectHousehold } from '../dossiers/index';
import { householdFacts } from './catalogue.service';
import * as catalogue from './catalogue.store';
import { type AidFacts, evaluateAid } from './eligibility';
import * as funds from './funds.store';
import { euros } from './money';
import * as queueStore from './queue.store';
import { STATUS_LABELS } from './request-states';
import { uploadsDir } from './acting.service';
import * as store from './requests.store';

const STAFF = ['agent', 'coordinator'] as const;
const isStaff = (role: string) => (STAFF as readonly string[]).includes(role);

const ACTIVITY_LABELS: Record<string, string> = { actif: 'En emploi', chomeur: "En recherche d'emploi", inactif: 'Sans activité' };
const HOUSING_LABELS: Record<string, string> = {
  locataire_hlm: 'Locataire HLM',
  locataire_vide: 'Locataire (vide)',
  locataire_meuble: 'Locataire (meublé)',
  proprietaire: 'Propriétaire',
  loge_gratuitement: 'Logé·e gratuitement',
  heberge: 'Hébergé·e',
  sans_domicile: 'Sans domicile',
};

function frDate(d: string): string {
  const [y, m, day] = d.split('-').map(Number);
  const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
  return `${day} ${months[m - 1]} ${y}`;
}

/** One file field's value as people read it (no code, no cents, no ISO date); '' when empty. */
function displayValue(ctx: Ctx, key: string, projected: Record<string, unknown>): string {
  const [group, field] = key.split('.');
  const src = (projected as Record<string, unknown>)[group];
  const one = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return '';
    if (field.endsWith('Cents') && typeof v === 'number') return `${euros(v)} par mois`;
    if (key === 'quotient.value' && typeof v === 'number') return `${v} €`;
    if (key === 'situation.activity') return ACTIVITY_LABELS[String(v)] ?? String(v);
    if (key === 'housing.status') return HOUSING_LABELS[String(v)] ?? String(v);
    if (key === 'address.neighbourhoodId') return ctx.town.neighbourhoods.find((n) => n.id === v)?.name ?? String(v);
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return frDate(v);
    return String(v);
  };
  if (Array.isArray(src))
    return src
      .map((item) => one((item as Record<string, unknown>)[field]))
      .filter(Boolean)
      .join(', ');
  return src && typeof src === 'object' ? one((src as Record<string, unknown>)[field]) : '';
}

/** The form of one aid for the logged-in parent. */
export async function requestForm(ctx: Ctx, aidId: string, answers: Partial<AidFacts> = {}) {
  requireRole(ctx, 'parent');
  const h = await getHouseholdForUser(ctx);
  if (!h) throw new AppError('aides/no-household');
  const v = await catalogue.versionOf(ctx.db, aidId);
  if (!v) throw new AppError('aides/aid-not-found');
  const aid = v.definition;
  const p = await prefill(ctx, h.id, 'aides.request');
  const wanted = new Set(aid.file_fields);
  const shown = p.fields.filter((f) => wanted.has(f));
  const today = parisDate(ctx.now());
  const facts = await householdFacts(ctx.db, h.id, ctx.now(), answers);
  const documents = aid.documents.map((d) => {
    const inFile = h.documents.find((x) => x.kind === d.kind && !x.expired);
    return { kind: d.kind, label: d.label, inFile: inFile ? { label: inFile.label, validUntil: inFile.validUntil } : null };
  });
  return {
    aid: { id: aid.id, version: v.version, title: aid.title, summary: aid.summary, summaryEasy: aid.summary_easy, demo: aid.demo, howToAsk: aid.how_to_ask },
    // Only this aid's fields, never the rest of what the form may show for other aids; each as people read it.
    fileFields: shown.map((key) => ({
      key,
      label: FIELDS[key].label,
      missing: p.missing.includes(key),
      display: displayValue(ctx, key, projectHousehold(h, [key])),
    })),
    requestFields: aid.request_fields,
    documents,
    eligibility: evaluateAid(aid, facts),
    today,
  };
}

export async function myRequests(ctx: Ctx) {
  requireRole(ctx, 'parent');
  const h = await getHouseholdForUser(ctx);
  if (!h) return [];
  const rows = await store.requestsOfHousehold(ctx.db, h.id);
  const out = [];
  for (const r of rows) {
    const v = await catalogue.versionOf(ctx.db, r.aidId, r.aidVersion);
    out.push({
      id: r.id,
      aidId: r.aidId,
      aidTitle: v!.definition.title,
      status: r.status,
      statusLabel: STATUS_LABELS[r.status],
      createdAt: r.createdAt,
      statusChangedAt: r.statusChangedAt,
      byMandate: r.mandateId !== null,
    });
  }
  return out;
}

async function requestDetail(ctx: Ctx, r: store.RequestRow, withInternal: boolean) {
  const v = (await catalogue.versionOf(ctx.db, r.aidId, r.aidVersion))!;
  const aid = v.definition;
  const events = await store.eventsOf(ctx.db, r.id);
  const correction = r.status === 'a_corriger' ? [...events].reverse().find((e) => e.kind === 'correction-asked') : undefined;
  return {
    id: r.id,
    householdId: r.householdId,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    aid: {
      id: aid.id,
      version: v.version,
      title: aid.title,
      benefit: aid.benefit,
      documents: aid.documents,
      requestFields: aid.request_fields,
      demo: aid.demo,
    },
    fundId: r.fundId,
    neighbourhood: r.neighbourhood,
    fields: r.fields,
    eligibility: r.eligibility,
    createdAt: r.createdAt,
    submittedAt: r.submittedAt,
    byMandate: r.mandateId !== null,
    // Who instructs it: for the agents only (the family deals with the CCAS, not a named agent).
    assignedTo: withInternal ? r.assignedTo : null,
    assignedName: withInternal && r.assignedTo ? await store.displayName(ctx.db, r.assignedTo) : null,
    correction: correction ? (correction.detail as { reason: string; documents: string[]; fields: string[]; message: string }) : null,
    events: events.map((e) => ({
      at: e.at,
      kind: e.kind,
      toStatus: e.toStatus,
      toLabel: e.toStatus ? STATUS_LABELS[e.toStatus] : null,
      actorRole: e.actorRole,
      actorName: isStaff(e.actorRole ?? '') ? e.actorName : null,
      byMandate: e.byMandate,
    })),
    decisions: await store.decisionsOf(ctx.db, r.id),
    documents: (await store.documentsOf(ctx.db, r.id)).map((d) => ({
      id: d.id,
      kind: d.kind,
      label: aid.documents.find((x) => x.kind === d.kind)?.label ?? 'Autre justificatif',
      fromFile: d.householdDocumentId !== null,
      originalName: d.originalName,
      sizeBytes: d.sizeBytes,
      addedAt: d.addedAt,
      byMandate: d.byMandate,
    })),
    messages: (await store.messagesOf(ctx.db, r.id, withInternal)).map((m) => ({ ...m, authorName: isStaff(m.authorRole ?? '') ? m.authorName : null })),
  };
}

/** One request, for its family (own only: anything else is "not found") or for an agent (with annotations). */
export async function getRequestView(ctx: Ctx, id: string) {
  const user = requireUser(ctx);
  const r = await store.getRequest(ctx.db, id);
  if (!r) throw new AppError('aides/request-not-found');
  if (user.role === 'parent') {
    const h = await getHouseholdForUser(ctx);
    if (!h || h.id !== r.householdId) throw new AppError('aides/request-not-found');
    return requestDetail(ctx, r, false);
  }
  requireRole(ctx, ...STAFF);
  return requestDetail(ctx, r, true);
}

/** An uploaded document's bytes, for the family or the instructing agents only. */
export async function documentFile(ctx: Ctx, requestId: string, documentId: string): Promise<{ bytes: Buffer; mimeType: string }> {
  await getRequestView(ctx, requestId);
  const d = (await store.documentsOf(ctx.db, requestId)).find((x) => x.id === documentId);
  if (!d?.storageName) throw new AppError('aides/request-not-found');
  return { bytes: await fs.readFile(path.join(uploadsDir(ctx), path.basename(d.storageName))), mimeType: d.mimeType ?? 'application/octet-stream' };
}

/** The agents a request can be assigned to (instructors), by name. */
export async function instructors(ctx: Ctx) {
  requireRole(ctx, ...STAFF);
  return store.staffUsers(ctx.db, ['agent', 'coordinator']);
}

export async function queue(ctx: Ctx, f: queueStore.QueueFilters) {
  const user = requireRole(ctx, ...STAFF);
  return queueStore.queue(ctx.db, f, user.id, ctx.now());
}

export async function queueCsv(ctx: Ctx, f: queueStore.QueueFilters): Promise<string> {
  const rows = await queue(ctx, f);
  const date = (d: Date | null) => (d ? parisDate(d).split('-').reverse().join('/') : '');
  return toCsv(
    [
      ['Numéro', 'Aide', 'Fonds', 'Statut', 'Quartier', 'Déposée le', 'Attente (jours)', 'Agent', 'Sous mandat', 'Démo'],
      ...rows.map((r) => [
        r.id.slice(0, 8),
        r.aidTitle,
        r.fundTitle,
        STATUS_LABELS[r.status],
        ctx.town.neighbourhoods.find((n) => n.id === r.neighbourhood)?.name ?? '',
        date(r.submittedAt),
        r.waitingDays,
        r.assignedName ?? '',
        r.byMandate ? 'oui' : 'non',
        r.isDemo ? 'oui' : 'non',
      ]),
    ],
    { separator: ';', bom: true },
  );
}

export async function fundsDashboard(ctx: Ctx, year?: number) {
  requireRole(ctx, 'agent', 'coordinator', 'admin');
  const y = year ?? parisParts(ctx.now()).year;
  const totals = await funds.fundTotals(ctx.db, y);
  const byNeighbourhood = await funds.totalsByNeighbourhood(ctx.db, y);
  return {
    year: y,
    funds: totals.map((t) => ({ ...t, remainderText: euros(t.remainderCents) })),
    byNeighbourhood: byNeighbourhood.map((n) => ({
      ...n,
      neighbourhoodName: ctx.town.neighbourhoods.find((x) => x.id === n.neighbourhood)?.name ?? 'Non renseigné',
    })),
  };
}
