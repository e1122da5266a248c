/** What the aides module plugs into the household file: timeline, export, erasure, retention, the request form. */
import type { Queryable } from '../../platform/db/pool';
import { defineForm, type DossiersHooks, type TimelineItem } from '../dossiers/index';
import { STATUS_LABELS, type RequestStatus } from './request-states';

/** Every household-file field a local aid's form may show (each aid shows only its own `file_fields`). */
export const REQUEST_FORM_FIELDS = [
  'parent.firstName',
  'parent.lastName',
  'parent.birthDate',
  'address.line',
  'address.postalCode',
  'address.city',
  'address.neighbourhoodId',
  'children.firstName',
  'children.birthDate',
  'children.schoolName',
  'situation.activity',
  'situation.salaryNetMonthlyCents',
  'housing.status',
  'housing.rentMonthlyCents',
  'quotient.value',
] as const;

export const requestForm = defineForm('aides.request', {
  title: "Demande d'aide locale",
  purpose: "Instruire votre demande d'aide : le CCAS vérifie que l'aide vous correspond (ressources, enfants, logement) et vous la verse.",
  fields: REQUEST_FORM_FIELDS,
});

async function timeline(q: Queryable, householdId: string): Promise<TimelineItem[]> {
  const { rows } = await q.query<{ at: Date; request_id: string; to_status: RequestStatus | null; kind: string; title: string; by_mandate: boolean }>(
    `SELECT e.at, e.request_id, e.to_status, e.kind, v.definition->>'title' AS title, e.mandate_id IS NOT NULL AS by_mandate
       FROM aid_request_events e JOIN aid_requests r ON r.id = e.request_id JOIN aid_versions v ON v.aid_id = r.aid_id AND v.version = r.aid_version
      WHERE r.household_id = $1 AND (e.to_status IS NOT NULL OR e.kind = 'document-added') ORDER BY e.at, e.id`,
    [householdId],
  );
  return rows.map((r) => ({
    at: r.at.toISOString(),
    kind: 'aides.request',
    title: r.to_status ? `Demande « ${r.title} » : ${STATUS_LABELS[r.to_status].toLowerCase()}` : `Demande « ${r.title} » : justificatif ajouté`,
    detail: r.by_mandate ? 'Par un agent, sous mandat de la famille' : null,
    module: 'aides',
    subjectId: r.request_id,
  }));
}

async function exportRows(q: Queryable, householdId: string): Promise<Record<string, unknown[]>> {
  const ids = `(SELECT id FROM aid_requests WHERE household_id = $1)`;
  const one = async (sql: string) => (await q.query(sql, [householdId])).rows;
  return {
    aid_requests: await one(`SELECT * FROM aid_requests WHERE household_id = $1 ORDER BY created_at`),
    aid_request_events: await one(`SELECT * FROM aid_request_events WHERE request_id IN ${ids} ORDER BY id`),
    aid_decisions: await one(`SELECT * FROM aid_decisions WHERE request_id IN ${ids} ORDER BY decided_at`),
    aid_request_documents: await one(`SELECT * FROM aid_request_documents WHERE request_id IN ${ids} ORDER BY added_at`),
    aid_messages: await one(`SELECT * FROM aid_messages WHERE request_id IN ${ids} ORDER BY seq`),
    aid_mandates: await one(`SELECT * FROM aid_mandates WHERE household_id = $1 ORDER BY granted_at`),
  };
}

export const aidesDossiersHooks: DossiersHooks = {
  forms: [requestForm],
  timeline,
  export: exportRows,
  async erasure(t, householdId) {
    // The fund ledger keeps its amounts (no family data in it); the requests and everything under them go.
    // Their uploaded files, no longer referenced, are deleted by the nightly `aides.purge-uploads`.
    await t.query(`DELETE FROM aid_requests WHERE household_id = $1`, [householdId]);
    await t.query(`DELETE FROM aid_mandates WHERE household_id = $1`, [householdId]);
  },
  async retention(q, householdId) {
    const { rows } = await q.query<{ id: string; decided_at: Date }>(
      `SELECT d.id, d.decided_at FROM aid_decisions d JOIN aid_requests r ON r.id = d.request_id WHERE r.household_id = $1 AND d.kind = 'accordee'`,
      [householdId],
    );
    return rows.map((d) => ({
      category: 'aides.granted-aid',
      reference: d.id,
      legalBasis: 'Pièces justificatives des dépenses publiques : conservées 10 ans après le paiement (comptabilité publique du CCAS)',
      retainUntil: `${d.decided_at.getUTCFullYear() + 10}-12-31`,
      keep: ['parent.firstName', 'parent.lastName', 'address.city'],
    }));
  },
};
