/** SQL over a family's or a kind's past: demand of earlier campaigns, the file's export, erasure and timeline, indicators. */
import type { Queryable } from '../../platform/db/pool';
import type { CampaignKind } from './attribution.store';

// ------------------------------------------------------------------ forecast and the file's life cycle
/** Per earlier campaign of a kind (oldest first), the applications that chose each group label first. */
export async function demandHistory(
  q: Queryable,
  kind: CampaignKind,
  before: string,
): Promise<
  {
    campaignId: string;
    title: string;
    opensAt: Date | null;
    label: string;
    period: string;
    demand: number;
    capacity: number;
    site: string;
    ageMin: number | null;
    ageMax: number | null;
    forecastKey: string | null;
  }[]
> {
  const { rows } = await q.query(
    `SELECT c.id AS "campaignId", c.title, c.opens_at AS "opensAt", g.label, g.period, g.capacity,
            g.site, g.age_min AS "ageMin", g.age_max AS "ageMax", g.forecast_key AS "forecastKey",
            (SELECT count(*) FROM attribution_applications a WHERE a.campaign_id = c.id AND a.status = 'submitted' AND a.choices[1] = g.id)::int AS demand
       FROM attribution_campaigns c JOIN attribution_groups g ON g.campaign_id = c.id
      WHERE c.kind = $1 AND c.id <> $2 AND c.status IN ('closed', 'published')
      ORDER BY c.opens_at NULLS FIRST, c.created_at, g.position`,
    [kind, before],
  );
  return rows;
}

export async function applicationsForExport(q: Queryable, householdId: string): Promise<unknown[]> {
  const { rows } = await q.query(
    `SELECT a.id, c.title AS campaign, a.child_first_name, a.child_birth_date, a.submitted_at, a.criteria, a.status, a.keep_together,
            (SELECT array_agg(g.label ORDER BY array_position(a.choices, g.id)) FROM attribution_groups g WHERE g.id = ANY(a.choices)) AS choices,
            (SELECT to_jsonb(r) - 'run_id' - 'application_id' FROM attribution_results r WHERE r.application_id = a.id) AS result,
            (SELECT jsonb_agg(jsonb_build_object('status', o.status, 'created_at', o.created_at, 'expires_at', o.expires_at, 'decided_at', o.decided_at))
               FROM attribution_offers o WHERE o.application_id = a.id) AS offers,
            (SELECT jsonb_agg(jsonb_build_object('criterion', d.criterion_code, 'name', d.original_name, 'uploaded_at', d.uploaded_at) ORDER BY d.uploaded_at)
               FROM attribution_documents d WHERE d.campaign_id = a.campaign_id AND d.household_id = a.household_id) AS documents
       FROM attribution_applications a JOIN attribution_campaigns c ON c.id = a.campaign_id
      WHERE a.household_id = $1 ORDER BY a.submitted_at`,
    [householdId],
  );
  return rows;
}

/**
 * Erasure: the family's rows lose everything that names the family (household, child, its
 * corrections); the anonymous row stays so that a published ranking keeps its ranks.
 */
export async function anonymiseHousehold(q: Queryable, householdId: string): Promise<void> {
  await q.query(
    `UPDATE attribution_applications SET household_id = NULL, child_id = NULL, child_first_name = NULL, child_birth_date = NULL,
            family_key = 'efface-' || id::text, anonymised = true
      WHERE household_id = $1`,
    [householdId],
  );
  await q.query(`DELETE FROM attribution_refusals WHERE household_id = $1`, [householdId]);
  await q.query(`DELETE FROM attribution_documents WHERE household_id = $1`, [householdId]);
}

export async function timelineRows(
  q: Queryable,
  householdId: string,
): Promise<{ id: string; title: string; submittedAt: Date; childFirstName: string | null }[]> {
  const { rows } = await q.query(
    `SELECT a.id, c.title, a.submitted_at AS "submittedAt", a.child_first_name AS "childFirstName"
       FROM attribution_applications a JOIN attribution_campaigns c ON c.id = a.campaign_id WHERE a.household_id = $1 ORDER BY a.submitted_at`,
    [householdId],
  );
  return rows;
}

// ------------------------------------------------------------------ indicators (no personal data: counts per household)
export async function applicationsSubmitted(q: Queryable, from: Date, to: Date): Promise<{ householdId: string | null; n: number }[]> {
  const { rows } = await q.query(
    `SELECT household_id AS "householdId", count(*)::int AS n FROM attribution_applications
      WHERE status = 'submitted' AND submitted_at >= $1 AND submitted_at < $2 GROUP BY household_id`,
    [from, to],
  );
  return rows;
}

/** Applications admitted by runs published in the period, and whether each claimed single parenthood. */
export async function admittedInPeriod(q: Queryable, from: Date, to: Date): Promise<{ householdId: string | null; singleParent: boolean }[]> {
  const { rows } = await q.query(
    `SELECT a.household_id AS "householdId", coalesce((a.criteria -> 'monoparentalite' ->> 'value')::numeric > 0, false) AS "singleParent"
       FROM attribution_results r JOIN attribution_runs u ON u.id = r.run_id JOIN attribution_applications a ON a.id = r.application_id
      WHERE r.status = 'admitted' AND u.created_at >= $1 AND u.created_at < $2`,
    [from, to],
  );
  return rows;
}
