/** SQL of the offer: motifs, lieux, plages d'ouverture, absences, resources. */
import type { Queryable } from '../../platform/db/pool';
import type { AgeGroup, Plage, Recurrence } from './slots';

export type MotifKind = 'permanence' | 'atelier' | 'creche' | 'repit';
export type BookableBy = 'family' | 'agent' | 'referral';

export interface MotifRow {
  id: string;
  name: string;
  kind: MotifKind;
  description: string | null;
  durationMinutes: number;
  bookableBy: BookableBy;
  minNoticeMinutes: number;
  maxNoticeDays: number;
  cancelNoticeMinutes: number;
  documents: string[];
  collective: boolean;
  capacity: number;
  isDemo: boolean;
}

const MOTIF_COLS = `id, name, kind, description, duration_minutes AS "durationMinutes", bookable_by AS "bookableBy",
  min_notice_minutes AS "minNoticeMinutes", max_notice_days AS "maxNoticeDays", cancel_notice_minutes AS "cancelNoticeMinutes",
  documents, collective, capacity, is_demo AS "isDemo"`;

export interface NewMotif {
  name: string;
  kind: MotifKind;
  description?: string | null;
  durationMinutes: number;
  bookableBy: BookableBy;
  minNoticeMinutes: number;
  maxNoticeDays: number;
  cancelNoticeMinutes: number;
  documents: string[];
  collective: boolean;
  capacity: number;
  isDemo?: boolean;
}

export async function insertMotif(q: Queryable, m: NewMotif, now: Date): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO rdv_motifs (name, kind, description, duration_minutes, bookable_by, min_notice_minutes, max_notice_days,
       cancel_notice_minutes, documents, collective, capacity, is_demo, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) RETURNING id`,
    [
      m.name,
      m.kind,
      m.description ?? null,
      m.durationMinutes,
      m.bookableBy,
      m.minNoticeMinutes,
      m.maxNoticeDays,
      m.cancelNoticeMinutes,
      m.documents,
      m.collective,
      m.collective ? m.capacity : 1,
      m.isDemo ?? false,
      now,
    ],
  );
  return rows[0]!.id;
}

export async function listMotifs(q: Queryable, opts: { bookableBy?: BookableBy } = {}): Promise<MotifRow[]> {
  const { rows } = await q.query<MotifRow>(`SELECT ${MOTIF_COLS} FROM rdv_motifs WHERE active AND ($1::text IS NULL OR bookable_by = $1) ORDER BY kind, name`, [
    opts.bookableBy ?? null,
  ]);
  return rows;
}

export async function getMotif(q: Queryable, id: string): Promise<MotifRow | null> {
  const { rows } = await q.query<MotifRow>(`SELECT ${MOTIF_COLS} FROM rdv_motifs WHERE id = $1 AND active`, [id]);
  return rows[0] ?? null;
}

export interface LieuRow {
  id: string;
  name: string;
  address: string;
  neighbourhoodId: string | null;
  accessibility: string | null;
  singleUseDate: string | null;
}

export async function insertLieu(
  q: Queryable,
  l: { name: string; address: string; neighbourhoodId: string | null; accessibility: string | null; singleUseDate: string | null; isDemo?: boolean },
  now: Date,
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO rdv_lieux (name, address, neighbourhood_id, accessibility, single_use_date, is_demo, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [l.name, l.address, l.neighbourhoodId, l.accessibility, l.singleUseDate, l.isDemo ?? false, now],
  );
  return rows[0]!.id;
}

export async function lieuxByIds(q: Queryable, ids: string[]): Promise<Map<string, LieuRow>> {
  if (!ids.length) return new Map();
  const { rows } = await q.query<LieuRow>(
    `SELECT id, name, address, neighbourhood_id AS "neighbourhoodId", accessibility, single_use_date AS "singleUseDate"
       FROM rdv_lieux WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export async function insertResource(
  q: Queryable,
  r: { name: string; lieuId: string | null; capacities: Partial<Record<AgeGroup, number>>; isDemo?: boolean },
  now: Date,
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(`INSERT INTO rdv_resources (name, lieu_id, is_demo, created_at) VALUES ($1,$2,$3,$4) RETURNING id`, [
    r.name,
    r.lieuId,
    r.isDemo ?? false,
    now,
  ]);
  const id = rows[0]!.id;
  for (const [group, capacity] of Object.entries(r.capacities)) {
    await q.query(`INSERT INTO rdv_resource_capacities (resource_id, age_group, capacity) VALUES ($1,$2,$3)`, [id, group, capacity]);
  }
  return id;
}

/** Seats per age group of these resources. */
export async function capacitiesOf(q: Queryable, resourceIds: string[]): Promise<Map<string, Partial<Record<AgeGroup, number>>>> {
  const out = new Map<string, Partial<Record<AgeGroup, number>>>();
  if (!resourceIds.length) return out;
  const { rows } = await q.query<{ resourceId: string; ageGroup: AgeGroup; capacity: number }>(
    `SELECT resource_id AS "resourceId", age_group AS "ageGroup", capacity FROM rdv_resource_capacities WHERE resource_id = ANY($1::uuid[])`,
    [resourceIds],
  );
  for (const r of rows) out.set(r.resourceId, { ...out.get(r.resourceId), [r.ageGroup]: r.capacity });
  return out;
}

export async function resourceNames(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const { rows } = await q.query<{ id: string; name: string }>(`SELECT id, name FROM rdv_resources WHERE id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface NewPlage {
  agentId: string | null;
  resourceId: string | null;
  lieuId: string | null;
  motifIds: string[];
  firstDate: string;
  untilDate: string | null;
  startTime: string;
  endTime: string;
  recurrence: Recurrence;
  isDemo?: boolean;
}

export async function insertPlage(q: Queryable, p: NewPlage, now: Date): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO rdv_plages (agent_id, resource_id, lieu_id, motif_ids, first_date, until_date, start_time, end_time, recurrence, is_demo, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
    [p.agentId, p.resourceId, p.lieuId, p.motifIds, p.firstDate, p.untilDate, p.startTime, p.endTime, JSON.stringify(p.recurrence), p.isDemo ?? false, now],
  );
  return rows[0]!.id;
}

/** The plages offering a motif that apply somewhere in [fromDate, toDate] (owner = agent or resource). */
export async function plagesOfMotif(
  q: Queryable,
  motifId: string,
  fromDate: string,
  toDate: string,
  ownerId?: string,
): Promise<(Plage & { agentId: string | null; resourceId: string | null })[]> {
  const { rows } = await q.query<Plage & { agentId: string | null; resourceId: string | null }>(
    `SELECT id, coalesce(agent_id, resource_id) AS "ownerId", agent_id AS "agentId", resource_id AS "resourceId", lieu_id AS "lieuId",
            to_char(first_date, 'YYYY-MM-DD') AS "firstDate", to_char(until_date, 'YYYY-MM-DD') AS "untilDate",
            to_char(start_time, 'HH24:MI') AS "startTime", to_char(end_time, 'HH24:MI') AS "endTime", recurrence
       FROM rdv_plages
      WHERE $1 = ANY(motif_ids) AND first_date <= $3::date AND (until_date IS NULL OR until_date >= $2::date)
        AND ($4::uuid IS NULL OR coalesce(agent_id, resource_id) = $4::uuid)`,
    [motifId, fromDate, toDate, ownerId ?? null],
  );
  return rows;
}

export async function insertAbsence(
  q: Queryable,
  a: { agentId: string | null; resourceId: string | null; start: Date; end: Date; label: string | null },
  now: Date,
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO rdv_absences (agent_id, resource_id, during, label, created_at) VALUES ($1,$2,tstzrange($3,$4),$5,$6) RETURNING id`,
    [a.agentId, a.resourceId, a.start, a.end, a.label, now],
  );
  return rows[0]!.id;
}

/** Absences of these owners and closures of everyone overlapping [from, to). */
export async function absencesBetween(q: Queryable, ownerIds: string[], from: Date, to: Date): Promise<{ ownerId: string | null; start: Date; end: Date }[]> {
  const { rows } = await q.query<{ ownerId: string | null; start: Date; end: Date }>(
    `SELECT coalesce(agent_id, resource_id) AS "ownerId", lower(during) AS start, upper(during) AS "end"
       FROM rdv_absences
      WHERE during && tstzrange($2, $3)
        AND (coalesce(agent_id, resource_id) = ANY($1::uuid[]) OR (agent_id IS NULL AND resource_id IS NULL))`,
    [ownerIds, from, to],
  );
  return rows;
}

export async function motifsByIds(q: Queryable, ids: string[]): Promise<Map<string, MotifRow>> {
  if (!ids.length) return new Map();
  const { rows } = await q.query<MotifRow>(`SELECT ${MOTIF_COLS} FROM rdv_motifs WHERE id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.id, r]));
}

/** An agent's private feed: a new random token replaces the old one (only its hash is kept). */
export async function setFeedToken(q: Queryable, agentId: string, tokenHash: string, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO rdv_agent_feeds (agent_id, token_hash, created_at) VALUES ($1, $2, $3)
     ON CONFLICT (agent_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at`,
    [agentId, tokenHash, now],
  );
}

/** The agent's private feed stops working (no new address). True if there was one. */
export async function deleteFeed(q: Queryable, agentId: string): Promise<boolean> {
  const { rowCount } = await q.query(`DELETE FROM rdv_agent_feeds WHERE agent_id = $1`, [agentId]);
  return (rowCount ?? 0) > 0;
}

export async function agentOfFeed(q: Queryable, tokenHash: string): Promise<string | null> {
  const { rows } = await q.query<{ agentId: string }>(`SELECT agent_id AS "agentId" FROM rdv_agent_feeds WHERE token_hash = $1`, [tokenHash]);
  return rows[0]?.agentId ?? null;
}

/** The demo agent's account (the platform's demo accounts seed made it), for the demo offer. */
export async function demoAgentId(q: Queryable): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(`SELECT id FROM users WHERE is_demo AND role = 'agent' ORDER BY created_at LIMIT 1`);
  return rows[0]?.id ?? null;
}

// ——— the offer as staff edit it ———

export async function listLieux(q: Queryable): Promise<LieuRow[]> {
  const { rows } = await q.query<LieuRow>(
    `SELECT id, name, address, neighbourhood_id AS "neighbourhoodId", accessibility, to_char(single_use_date, 'YYYY-MM-DD') AS "singleUseDate"
       FROM rdv_lieux ORDER BY name`,
  );
  return rows;
}

export interface ResourceRow {
  id: string;
  name: string;
  lieuId: string | null;
  isDemo: boolean;
  capacities: { ageGroup: AgeGroup; capacity: number }[];
}

export async function listResources(q: Queryable): Promise<ResourceRow[]> {
  const { rows } = await q.query<ResourceRow>(
    `SELECT r.id, r.name, r.lieu_id AS "lieuId", r.is_demo AS "isDemo",
            coalesce((SELECT json_agg(json_build_object('ageGroup', c.age_group, 'capacity', c.capacity) ORDER BY c.age_group)
                        FROM rdv_resource_capacities c WHERE c.resource_id = r.id), '[]') AS capacities
       FROM rdv_resources r ORDER BY r.name`,
  );
  return rows;
}

/** Replace a resource's seats per age group (a group at 0 or absent offers no seat). */
export async function setResourceCapacities(q: Queryable, resourceId: string, capacities: Partial<Record<AgeGroup, number>>): Promise<boolean> {
  const { rowCount } = await q.query(`SELECT 1 FROM rdv_resources WHERE id = $1 FOR UPDATE`, [resourceId]);
  if (!rowCount) return false;
  await q.query(`DELETE FROM rdv_resource_capacities WHERE resource_id = $1`, [resourceId]);
  for (const [group, capacity] of Object.entries(capacities)) {
    if (capacity) await q.query(`INSERT INTO rdv_resource_capacities (resource_id, age_group, capacity) VALUES ($1,$2,$3)`, [resourceId, group, capacity]);
  }
  return true;
}

export interface PlageListRow extends NewPlage {
  id: string;
  isDemo: boolean;
  ownerName: string | null;
}

export async function listPlages(q: Queryable): Promise<PlageListRow[]> {
  const { rows } = await q.query<PlageListRow>(
    `SELECT p.id, p.agent_id AS "agentId", p.resource_id AS "resourceId", p.lieu_id AS "lieuId", p.motif_ids AS "motifIds",
            to_char(p.first_date, 'YYYY-MM-DD') AS "firstDate", to_char(p.until_date, 'YYYY-MM-DD') AS "untilDate",
            to_char(p.start_time, 'HH24:MI') AS "startTime", to_char(p.end_time, 'HH24:MI') AS "endTime", p.recurrence,
            p.is_demo AS "isDemo", coalesce(u.display_name, r.name) AS "ownerName"
       FROM rdv_plages p LEFT JOIN users u ON u.id = p.agent_id LEFT JOIN rdv_resources r ON r.id = p.resource_id
      ORDER BY coalesce(u.display_name, r.name), p.start_time`,
  );
  return rows;
}

/** A plage stops: it is deleted (the sessions already booked keep their own time, place and seats). */
export async function deletePlage(q: Queryable, id: string): Promise<{ agentId: string | null } | null> {
  const { rows } = await q.query<{ agentId: string | null }>(`DELETE FROM rdv_plages WHERE id = $1 RETURNING agent_id AS "agentId"`, [id]);
  return rows[0] ?? null;
}

export interface AbsenceRow {
  id: string;
  agentId: string | null;
  resourceId: string | null;
  ownerName: string | null;
  start: Date;
  end: Date;
  label: string | null;
}

/** Absences and closures that end after `from`. */
export async function listAbsences(q: Queryable, from: Date): Promise<AbsenceRow[]> {
  const { rows } = await q.query<AbsenceRow>(
    `SELECT a.id, a.agent_id AS "agentId", a.resource_id AS "resourceId", coalesce(u.display_name, r.name) AS "ownerName",
            lower(a.during) AS start, upper(a.during) AS "end", a.label
       FROM rdv_absences a LEFT JOIN users u ON u.id = a.agent_id LEFT JOIN rdv_resources r ON r.id = a.resource_id
      WHERE upper(a.during) > $1 ORDER BY lower(a.during)`,
    [from],
  );
  return rows;
}

export async function deleteAbsence(q: Queryable, id: string): Promise<{ agentId: string | null } | null> {
  const { rows } = await q.query<{ agentId: string | null }>(`DELETE FROM rdv_absences WHERE id = $1 RETURNING agent_id AS "agentId"`, [id]);
  return rows[0] ?? null;
}

/** A motif is withdrawn from the offer (its past bookings keep it). */
export async function archiveMotif(q: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await q.query(`UPDATE rdv_motifs SET active = false WHERE id = $1 AND active`, [id]);
  return rowCount === 1;
}

/** The staff who may hold plages (agents and coordinators), by name. */
export async function staffMembers(q: Queryable): Promise<{ id: string; name: string }[]> {
  const { rows } = await q.query<{ id: string; name: string }>(
    `SELECT id, display_name AS name FROM users WHERE role IN ('agent', 'coordinator') ORDER BY display_name LIMIT 500`,
  );
  return rows;
}

/** Everything a booking needs to know about one slot, read in one round trip (the booking's hot path). */
export interface SlotContextRow {
  motif: MotifRow | null;
  plages: (Plage & { agentId: string | null; resourceId: string | null })[];
  absences: { ownerId: string | null; start: Date; end: Date }[];
  busy: { ownerId: string; start: Date; end: Date }[];
  lieux: LieuRow[];
  /** A resource's seats per age group. */
  capacities: Partial<Record<AgeGroup, number>>;
  /** Sessions already open at `start` for this owner, by age group ('' when none): their id and seats left (as last committed, no lock). */
  sessions: Record<string, { id: string; left: number }>;
}

/**
 * The motif, the owner's plages of that day, its absences and closures, its other occupied
 * sessions (an agent), the places, a resource's seats per age group and the sessions of the
 * slot — one statement instead of seven (moments travel as epoch milliseconds).
 */
export async function slotContext(q: Queryable, motifId: string, ownerId: string, day: string, from: Date, to: Date, start: Date): Promise<SlotContextRow> {
  const { rows } = await q.query<{
    motif: MotifRow | null;
    plages: SlotContextRow['plages'] | null;
    absences: { ownerId: string | null; start: number; end: number }[] | null;
    busy: { ownerId: string; start: number; end: number }[] | null;
    lieux: LieuRow[] | null;
    capacities: SlotContextRow['capacities'] | null;
    sessions: SlotContextRow['sessions'] | null;
  }>({
    // Prepared once per connection: each booking reads its slot with it.
    name: 'rendezvous.slot-context',
    text: `WITH p AS (
       SELECT id, coalesce(agent_id, resource_id) AS "ownerId", agent_id AS "agentId", resource_id AS "resourceId", lieu_id AS "lieuId",
              to_char(first_date, 'YYYY-MM-DD') AS "firstDate", to_char(until_date, 'YYYY-MM-DD') AS "untilDate",
              to_char(start_time, 'HH24:MI') AS "startTime", to_char(end_time, 'HH24:MI') AS "endTime", recurrence
         FROM rdv_plages
        WHERE $1 = ANY(motif_ids) AND first_date <= $3::date AND (until_date IS NULL OR until_date >= $3::date)
          AND coalesce(agent_id, resource_id) = $2::uuid
     )
     SELECT
       (SELECT row_to_json(m) FROM (SELECT ${MOTIF_COLS} FROM rdv_motifs WHERE id = $1 AND active) m) AS motif,
       (SELECT json_agg(p) FROM p) AS plages,
       (SELECT json_agg(json_build_object('ownerId', coalesce(agent_id, resource_id), 'start', extract(epoch FROM lower(during)) * 1000,
                                          'end', extract(epoch FROM upper(during)) * 1000))
          FROM rdv_absences
         WHERE during && tstzrange($4, $5) AND (coalesce(agent_id, resource_id) = $2::uuid OR (agent_id IS NULL AND resource_id IS NULL))) AS absences,
       (SELECT json_agg(json_build_object('ownerId', agent_id, 'start', extract(epoch FROM lower(during)) * 1000, 'end', extract(epoch FROM upper(during)) * 1000))
          FROM rdv_sessions
         WHERE agent_id = $2::uuid AND taken > 0 AND during && tstzrange($4, $5) AND motif_id <> $1) AS busy,
       (SELECT json_agg(json_build_object('id', l.id, 'name', l.name, 'address', l.address, 'neighbourhoodId', l.neighbourhood_id,
                                          'accessibility', l.accessibility, 'singleUseDate', l.single_use_date))
          FROM rdv_lieux l WHERE l.id IN (SELECT "lieuId" FROM p)) AS lieux,
       (SELECT json_object_agg(age_group, capacity) FROM rdv_resource_capacities WHERE resource_id = $2::uuid) AS capacities,
       (SELECT json_object_agg(age_group, json_build_object('id', id, 'left', capacity - taken))
          FROM rdv_sessions WHERE motif_id = $1 AND coalesce(agent_id, resource_id) = $2::uuid AND lower(during) = $6) AS sessions`,
    values: [motifId, ownerId, day, from, to, start],
  });
  const r = rows[0]!;
  const moment = (ms: number) => new Date(ms);
  return {
    motif: r.motif,
    plages: r.plages ?? [],
    absences: (r.absences ?? []).map((a) => ({ ownerId: a.ownerId, start: moment(a.start), end: moment(a.end) })),
    busy: (r.busy ?? []).map((b) => ({ ownerId: b.ownerId, start: moment(b.start), end: moment(b.end) })),
    lieux: r.lieux ?? [],
    capacities: r.capacities ?? {},
    sessions: r.sessions ?? {},
  };
}
