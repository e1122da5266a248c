/** SQL of the attribution tables: campaigns, groups, criteria, applications, runs and results, offers, refusals. */
import type { Queryable } from '../../platform/db/pool';
import type { ProofDocument } from './attribution.schemas';
import type { StoredValue } from './derive';

export type CampaignKind = 'repit' | 'mercredis' | 'vacances' | 'activites' | 'creche';
export type CampaignStatus = 'draft' | 'open' | 'closed' | 'published';

export interface CampaignRow {
  id: string;
  externalId: string | null;
  kind: CampaignKind;
  title: string;
  description: string;
  opensAt: Date | null;
  closesAt: Date | null;
  offerDays: number;
  status: CampaignStatus;
  tieBreak: string;
  isDemo: boolean;
  createdAt: Date;
  updatedAt: Date;
}
export interface GroupRow {
  id: string;
  externalId: string;
  label: string;
  capacity: number;
  ageMin: number | null;
  ageMax: number | null;
  site: string;
  period: string;
  position: number;
  /** The earlier groups' key it continues (a coordinator's mapping), if any. */
  forecastKey: string | null;
}
export interface CriterionRow {
  code: string;
  label: string;
  description: string;
  weight: number;
  proof: string;
  proofDocument: ProofDocument | null;
  derive: string | null;
  position: number;
}
export interface ApplicationRow {
  id: string;
  campaignId: string;
  number: number;
  householdId: string | null;
  childId: string | null;
  childFirstName: string | null;
  childBirthDate: string | null;
  externalId: string | null;
  familyKey: string;
  keepTogether: boolean;
  submittedAt: Date;
  criteria: Record<string, StoredValue>;
  choices: string[];
  status: 'submitted' | 'withdrawn';
  isDemo: boolean;
}

const CAMPAIGN = `id, external_id AS "externalId", kind, title, description, opens_at AS "opensAt", closes_at AS "closesAt", offer_days AS "offerDays",
  status, tie_break AS "tieBreak", is_demo AS "isDemo", created_at AS "createdAt", updated_at AS "updatedAt"`;
const GROUP = `id, external_id AS "externalId", label, capacity, age_min AS "ageMin", age_max AS "ageMax", site, period, position, forecast_key AS "forecastKey"`;
const CRITERION = `code, label, description, weight::float8 AS weight, proof, proof_document AS "proofDocument", derive, position`;
const APPLICATION = `id, campaign_id AS "campaignId", number, household_id AS "householdId", child_id AS "childId", child_first_name AS "childFirstName",
  child_birth_date AS "childBirthDate", external_id AS "externalId", family_key AS "familyKey", keep_together AS "keepTogether", submitted_at AS "submittedAt",
  criteria, choices::text[] AS choices, status, is_demo AS "isDemo"`;

// ------------------------------------------------------------------ campaigns
export async function listCampaigns(q: Queryable, opts: { visibleOnly?: boolean } = {}): Promise<(CampaignRow & { applications: number; places: number })[]> {
  const { rows } = await q.query(
    `SELECT ${CAMPAIGN},
            (SELECT count(*) FROM attribution_applications a WHERE a.campaign_id = c.id AND a.status = 'submitted')::int AS applications,
            (SELECT coalesce(sum(capacity), 0) FROM attribution_groups g WHERE g.campaign_id = c.id)::int AS places
       FROM attribution_campaigns c
      WHERE ($1::boolean IS NOT TRUE OR (c.status <> 'draft' AND c.external_id IS NULL))
      ORDER BY c.opens_at DESC NULLS LAST, c.created_at DESC, c.id`,
    [opts.visibleOnly ?? false],
  );
  return rows;
}

export async function getCampaign(q: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<CampaignRow | null> {
  const { rows } = await q.query(`SELECT ${CAMPAIGN} FROM attribution_campaigns WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function campaignByExternalId(q: Queryable, externalId: string): Promise<CampaignRow | null> {
  const { rows } = await q.query(`SELECT ${CAMPAIGN} FROM attribution_campaigns WHERE external_id = $1`, [externalId]);
  return rows[0] ?? null;
}

export interface CampaignFields {
  kind: CampaignKind;
  title: string;
  description: string;
  opensAt: Date | null;
  closesAt: Date | null;
  offerDays: number;
  tieBreak: string;
}

export async function insertCampaign(
  q: Queryable,
  c: CampaignFields & { externalId?: string | null; status?: CampaignStatus; isDemo?: boolean; now: Date },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO attribution_campaigns (external_id, kind, title, description, opens_at, closes_at, offer_days, status, tie_break, is_demo, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
    [c.externalId ?? null, c.kind, c.title, c.description, c.opensAt, c.closesAt, c.offerDays, c.status ?? 'draft', c.tieBreak, c.isDemo ?? false, c.now],
  );
  return rows[0]!.id;
}

export async function updateCampaign(q: Queryable, id: string, c: CampaignFields, now: Date): Promise<void> {
  await q.query(
    `UPDATE attribution_campaigns SET kind = $2, title = $3, description = $4, opens_at = $5, closes_at = $6, offer_days = $7, tie_break = $8, updated_at = $9 WHERE id = $1`,
    [id, c.kind, c.title, c.description, c.opensAt, c.closesAt, c.offerDays, c.tieBreak, now],
  );
}

export async function setStatus(q: Queryable, id: string, status: CampaignStatus, now: Date): Promise<void> {
  await q.query(`UPDATE attribution_campaigns SET status = $2, updated_at = $3 WHERE id = $1`, [id, status, now]);
}

// ------------------------------------------------------------------ groups and criteria
export async function groupsOf(q: Queryable, campaignId: string): Promise<GroupRow[]> {
  const { rows } = await q.query(`SELECT ${GROUP} FROM attribution_groups WHERE campaign_id = $1 ORDER BY position, label, id`, [campaignId]);
  return rows;
}

export async function criteriaOf(q: Queryable, campaignId: string): Promise<CriterionRow[]> {
  const { rows } = await q.query(`SELECT ${CRITERION} FROM attribution_criteria WHERE campaign_id = $1 ORDER BY position, code`, [campaignId]);
  return rows;
}

export async function upsertGroup(q: Queryable, campaignId: string, g: Omit<GroupRow, 'id' | 'forecastKey'> & { id?: string | null }): Promise<string> {
  if (g.id) {
    const { rowCount } = await q.query(
      `UPDATE attribution_groups SET label = $3, capacity = $4, age_min = $5, age_max = $6, site = $7, period = $8, position = $9 WHERE id = $1 AND campaign_id = $2`,
      [g.id, campaignId, g.label, g.capacity, g.ageMin, g.ageMax, g.site, g.period, g.position],
    );
    if (rowCount) return g.id;
  }
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO attribution_groups (campaign_id, external_id, label, capacity, age_min, age_max, site, period, position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [campaignId, g.externalId, g.label, g.capacity, g.ageMin, g.ageMax, g.site, g.period, g.position],
  );
  return rows[0]!.id;
}

export async function deleteGroupsExcept(q: Queryable, campaignId: string, keep: string[]): Promise<void> {
  await q.query(`DELETE FROM attribution_groups WHERE campaign_id = $1 AND NOT (id = ANY($2::uuid[]))`, [campaignId, keep]);
}

export async function groupsChosen(q: Queryable, campaignId: string): Promise<Set<string>> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT DISTINCT unnest(choices)::text AS id FROM attribution_applications WHERE campaign_id = $1 AND status = 'submitted'`,
    [campaignId],
  );
  return new Set(rows.map((r) => r.id));
}

export async function setCapacity(q: Queryable, groupId: string, capacity: number): Promise<void> {
  await q.query(`UPDATE attribution_groups SET capacity = $2 WHERE id = $1`, [groupId, capacity]);
}

export async function replaceCriteria(q: Queryable, campaignId: string, list: readonly CriterionRow[]): Promise<void> {
  await q.query(`DELETE FROM attribution_criteria WHERE campaign_id = $1`, [campaignId]);
  for (const c of list) {
    await q.query(
      `INSERT INTO attribution_criteria (campaign_id, code, label, description, weight, proof, proof_document, derive, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [campaignId, c.code, c.label, c.description, c.weight, c.proof, c.proofDocument, c.derive, c.position],
    );
  }
}

export async function setWeight(q: Queryable, campaignId: string, code: string, weight: number): Promise<void> {
  await q.query(`UPDATE attribution_criteria SET weight = $3 WHERE campaign_id = $1 AND code = $2`, [campaignId, code, weight]);
}

// ------------------------------------------------------------------ applications
export async function applicationsOf(q: Queryable, campaignId: string): Promise<ApplicationRow[]> {
  const { rows } = await q.query(`SELECT ${APPLICATION} FROM attribution_applications WHERE campaign_id = $1 AND status = 'submitted' ORDER BY number`, [
    campaignId,
  ]);
  return rows;
}

export async function applicationsOfHousehold(q: Queryable, householdId: string): Promise<ApplicationRow[]> {
  const { rows } = await q.query(`SELECT ${APPLICATION} FROM attribution_applications WHERE household_id = $1 ORDER BY submitted_at DESC, number`, [
    householdId,
  ]);
  return rows;
}

export async function getApplication(q: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<ApplicationRow | null> {
  const { rows } = await q.query(`SELECT ${APPLICATION} FROM attribution_applications WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

/** The next family number of a campaign; call with the campaign's row locked. */
export async function nextNumber(q: Queryable, campaignId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(`SELECT coalesce(max(number), 0)::int + 1 AS n FROM attribution_applications WHERE campaign_id = $1`, [
    campaignId,
  ]);
  return rows[0]!.n;
}

export async function insertApplication(
  q: Queryable,
  a: Omit<ApplicationRow, 'id' | 'status' | 'submittedAt' | 'isDemo'> & { submittedAt: Date | string; isDemo?: boolean },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO attribution_applications (campaign_id, number, household_id, child_id, child_first_name, child_birth_date, external_id, family_key, keep_together,
                                           submitted_at, criteria, choices, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::uuid[], $13) RETURNING id`,
    [
      a.campaignId,
      a.number,
      a.householdId,
      a.childId,
      a.childFirstName,
      a.childBirthDate,
      a.externalId,
      a.familyKey,
      a.keepTogether,
      a.submittedAt,
      JSON.stringify(a.criteria),
      a.choices,
      a.isDemo ?? false,
    ],
  );
  return rows[0]!.id;
}

export async function setCriterionValue(q: Queryable, applicationId: string, code: string, value: StoredValue & { verifiedAt?: string }): Promise<void> {
  await q.query(`UPDATE attribution_applications SET criteria = jsonb_set(criteria, ARRAY[$2], $3::jsonb) WHERE id = $1`, [
    applicationId,
    code,
    JSON.stringify(value),
  ]);
}

export async function withdrawApplication(q: Queryable, id: string): Promise<void> {
  await q.query(`UPDATE attribution_applications SET status = 'withdrawn' WHERE id = $1`, [id]);
}

/** Earlier campaigns the household lost (published, waitlisted, never offered a place), and its refusals in the last year. */
export async function householdHistory(q: Queryable, householdId: string, campaignId: string, now: Date): Promise<{ lostCampaigns: number; refusals: number }> {
  const { rows } = await q.query<{ lost: number; refusals: number }>(
    `SELECT
       (SELECT count(DISTINCT a.campaign_id) FROM attribution_applications a
          JOIN attribution_results r ON r.application_id = a.id
          JOIN attribution_campaigns c ON c.id = a.campaign_id AND c.status = 'published'
         WHERE a.household_id = $1 AND a.campaign_id <> $2 AND r.status = 'waitlist'
           AND NOT EXISTS (SELECT 1 FROM attribution_offers o WHERE o.application_id = a.id))::int AS lost,
       (SELECT count(*) FROM attribution_refusals f WHERE f.household_id = $1 AND f.campaign_id <> $2 AND f.refused_at > $3::timestamptz - interval '365 days')::int AS refusals`,
    [householdId, campaignId, now],
  );
  return { lostCampaigns: rows[0]!.lost, refusals: rows[0]!.refusals };
}

// ------------------------------------------------------------------ runs and results
export interface RunRow {
  id: string;
  campaignId: string;
  weights: Record<string, number>;
  capacities: Record<string, number>;
  groups: { id: string; capacity: number; admitted: number; lastAdmittedScore: number | null }[];
  createdAt: Date;
}

export async function insertRun(q: Queryable, r: Omit<RunRow, 'id'> & { createdBy: string | null }): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO attribution_runs (campaign_id, weights, capacities, groups, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [r.campaignId, JSON.stringify(r.weights), JSON.stringify(r.capacities), JSON.stringify(r.groups), r.createdAt, r.createdBy],
  );
  return rows[0]!.id;
}

export async function runOf(q: Queryable, campaignId: string): Promise<RunRow | null> {
  const { rows } = await q.query(
    `SELECT id, campaign_id AS "campaignId", weights, capacities, groups, created_at AS "createdAt" FROM attribution_runs WHERE campaign_id = $1`,
    [campaignId],
  );
  return rows[0] ?? null;
}

export interface ResultRow {
  applicationId: string;
  score: number;
  breakdown: Record<string, number>;
  rank: number;
  status: 'admitted' | 'waitlist';
  groupId: string | null;
  position: number | null;
}

export async function insertResults(q: Queryable, runId: string, results: readonly ResultRow[]): Promise<void> {
  await q.query(
    `INSERT INTO attribution_results (run_id, application_id, score, breakdown, rank, status, group_id, position)
     SELECT $1, x."applicationId", x.score, x.breakdown, x.rank, x.status, x."groupId", x.position
       FROM jsonb_to_recordset($2::jsonb) AS x("applicationId" uuid, score numeric, breakdown jsonb, rank int, status text, "groupId" uuid, position int)`,
    [runId, JSON.stringify(results)],
  );
}

const RESULT = `application_id AS "applicationId", score::float8 AS score, breakdown, rank, status, group_id AS "groupId", position`;

export async function resultsOfRun(q: Queryable, runId: string): Promise<ResultRow[]> {
  const { rows } = await q.query(`SELECT ${RESULT} FROM attribution_results WHERE run_id = $1 ORDER BY rank`, [runId]);
  return rows;
}

export async function resultsOfApplications(q: Queryable, applicationIds: string[]): Promise<ResultRow[]> {
  if (!applicationIds.length) return [];
  const { rows } = await q.query(`SELECT ${RESULT} FROM attribution_results WHERE application_id = ANY($1::uuid[])`, [applicationIds]);
  return rows;
}

// ------------------------------------------------------------------ offers
export interface OfferRow {
  id: string;
  applicationId: string;
  groupId: string;
  status: 'offered' | 'confirmed' | 'refused' | 'expired';
  createdAt: Date;
  expiresAt: Date;
  decidedAt: Date | null;
}
const OFFER = `id, application_id AS "applicationId", group_id AS "groupId", status, created_at AS "createdAt", expires_at AS "expiresAt", decided_at AS "decidedAt"`;

/** Inserts an offer; the table's trigger refuses it (attribution_offers_capacity) when the group is full. */
export async function insertOffer(
  q: Queryable,
  o: { applicationId: string; groupId: string; now: Date; expiresAt: Date; passedOn?: boolean },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO attribution_offers (application_id, group_id, created_at, expires_at, passed_on) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [o.applicationId, o.groupId, o.now, o.expiresAt, o.passedOn ?? false],
  );
  return rows[0]!.id;
}

export async function offersOfApplications(q: Queryable, applicationIds: string[]): Promise<OfferRow[]> {
  if (!applicationIds.length) return [];
  const { rows } = await q.query(`SELECT ${OFFER} FROM attribution_offers WHERE application_id = ANY($1::uuid[]) ORDER BY created_at, id`, [applicationIds]);
  return rows;
}

export async function getOffer(q: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<OfferRow | null> {
  const { rows } = await q.query(`SELECT ${OFFER} FROM attribution_offers WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function decideOffer(q: Queryable, id: string, status: 'confirmed' | 'refused' | 'expired', now: Date): Promise<void> {
  await q.query(`UPDATE attribution_offers SET status = $2, decided_at = $3 WHERE id = $1`, [id, status, now]);
}

/** Offers past their deadline, locked (skipping those another worker holds). */
export async function lockExpiredOffers(q: Queryable, now: Date, limit = 500): Promise<(OfferRow & { campaignId: string })[]> {
  const { rows } = await q.query(
    `SELECT o.id, o.application_id AS "applicationId", o.group_id AS "groupId", o.status, o.created_at AS "createdAt", o.expires_at AS "expiresAt",
            o.decided_at AS "decidedAt", a.campaign_id AS "campaignId"
       FROM attribution_offers o JOIN attribution_applications a ON a.id = o.application_id
      WHERE o.status = 'offered' AND o.expires_at <= $1
      ORDER BY o.expires_at, o.id LIMIT $2 FOR UPDATE OF o SKIP LOCKED`,
    [now, limit],
  );
  return rows;
}

/** Locks the group and counts its places left (capacity − live offers). */
export async function lockGroupRoom(q: Queryable, groupId: string): Promise<number> {
  const { rows } = await q.query<{ room: number }>(
    `SELECT g.capacity - (SELECT count(*) FROM attribution_offers o WHERE o.group_id = g.id AND o.status IN ('offered', 'confirmed'))::int AS room
       FROM attribution_groups g WHERE g.id = $1 FOR UPDATE`,
    [groupId],
  );
  return rows[0]?.room ?? 0;
}

/** The campaign's waitlist, in order, with whether each application was ever offered a place. */
export async function waitlist(
  q: Queryable,
  runId: string,
): Promise<{ applicationId: string; householdId: string | null; familyKey: string; choices: string[]; position: number; offered: boolean }[]> {
  const { rows } = await q.query(
    `SELECT r.application_id AS "applicationId", a.household_id AS "householdId", a.family_key AS "familyKey", a.choices::text[] AS choices, r.position,
            EXISTS (SELECT 1 FROM attribution_offers o WHERE o.application_id = a.id) AS offered
       FROM attribution_results r JOIN attribution_applications a ON a.id = r.application_id AND a.status = 'submitted'
      WHERE r.run_id = $1 AND r.status = 'waitlist' ORDER BY r.position`,
    [runId],
  );
  return rows;
}

export async function insertRefusal(q: Queryable, r: { householdId: string; campaignId: string; offerId: string; now: Date }): Promise<void> {
  await q.query(`INSERT INTO attribution_refusals (household_id, campaign_id, offer_id, refused_at) VALUES ($1, $2, $3, $4)`, [
    r.householdId,
    r.campaignId,
    r.offerId,
    r.now,
  ]);
}

/** Every offer of a campaign (its whole life: made at publication or passed on, then confirmed, refused or expired), oldest first. */
export async function offersOfCampaign(q: Queryable, campaignId: string): Promise<(OfferRow & { number: number; passedOn: boolean })[]> {
  const { rows } = await q.query(
    `SELECT o.id, o.application_id AS "applicationId", o.group_id AS "groupId", o.status, o.created_at AS "createdAt", o.expires_at AS "expiresAt",
            o.decided_at AS "decidedAt", o.passed_on AS "passedOn", a.number
       FROM attribution_offers o JOIN attribution_applications a ON a.id = o.application_id
      WHERE a.campaign_id = $1 ORDER BY o.created_at, a.number, o.id`,
    [campaignId],
  );
  return rows;
}

/** A coordinator maps a group to the key of the earlier groups it continues (null: back to its own place). */
export async function setGroupForecastKey(q: Queryable, campaignId: string, groupId: string, key: string | null): Promise<boolean> {
  const r = await q.query(`UPDATE attribution_groups SET forecast_key = $3 WHERE campaign_id = $1 AND id = $2`, [campaignId, groupId, key]);
  return (r.rowCount ?? 0) > 0;
}
