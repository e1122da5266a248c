/**
 * Demand forecast for a group from the same group's demand in earlier campaigns (a least
 * squares line through the past points, one per campaign, extended one step). With one
 * point, the forecast is that point; with none, there is none. Pure.
 */
export function forecastNext(history: readonly number[]): number | null {
  const n = history.length;
  if (n === 0) return null;
  if (n === 1) return history[0]!;
  const meanX = (n - 1) / 2;
  const meanY = history.reduce((s, y) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  history.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  const slope = num / den;
  return Math.max(0, Math.round(meanY + slope * (n - meanX)));
}

/** A period or a label without its year(s): "Juillet 2026" → "Juillet", "Mercredis 2026-2027" → "Mercredis". */
export function withoutYear(text: string): string {
  return text
    .replace(/\b(19|20)\d{2}(\s*[-/–]\s*((19|20)?\d{2}))?\b/g, '')
    .replace(/\s+([,.;:)])/g, '$1')
    .replace(/[\s,–-]+$/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

const sameKey = (text: string) =>
  withoutYear(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Where and for whom a group's places are: what stays when a group is renamed. */
export interface GroupPlace {
  site?: string;
  ageMin?: number | null;
  ageMax?: number | null;
  period: string;
  /** A coordinator's mapping: the key of the earlier groups this one continues (a renamed group). */
  forecastKey?: string | null;
}

/**
 * A group's stable key: the key a coordinator mapped it to, else its site, its age band and
 * its kind of period (years aside); a group saying neither a site nor an age band (a file's
 * bare group) is known by its label and kind of period.
 */
export function groupKey(g: GroupPlace & { label: string }): string {
  if (g.forecastKey) return g.forecastKey;
  const site = sameKey(g.site ?? '');
  if (!site && g.ageMin == null && g.ageMax == null) return `label:${sameKey(g.label)}|${sameKey(g.period)}`;
  return `${site}|${g.ageMin ?? ''}-${g.ageMax ?? ''}|${sameKey(g.period)}`;
}

export interface ForecastGroup extends GroupPlace {
  id: string;
  label: string;
  capacity: number;
}
export interface PastGroup extends GroupPlace {
  campaignId: string;
  label: string;
  demand: number;
  capacity: number;
}

/** The earlier group a group meets in one campaign: by stable key (site, age band, period kind, or mapping), else by label and period. */
function matchIn(g: ForecastGroup, inCampaign: readonly PastGroup[]): PastGroup | undefined {
  const key = groupKey(g);
  const byKey = inCampaign.filter((x) => groupKey(x) === key);
  if (byKey.length) return byKey.find((x) => sameKey(x.label) === sameKey(g.label)) ?? byKey[0];
  return inCampaign.find((x) => sameKey(x.label) === sameKey(g.label) && sameKey(x.period) === sameKey(g.period));
}

/**
 * Demand per group and period: a group of this campaign meets, in each earlier campaign
 * (oldest first), the group of the same place — same site, age band and kind of period,
 * years aside, whatever it was called — or the one a coordinator mapped it to, else the one
 * of the same label and period; its forecast extends the line through the campaigns that
 * had it. Groups are listed per period, in the campaign's order; `matched` says whether any
 * earlier campaign had it (else a coordinator may map it).
 */
export function demandByGroupAndPeriod(
  groups: readonly ForecastGroup[],
  campaigns: readonly string[],
  past: readonly PastGroup[],
  current: ReadonlyMap<string, number>,
) {
  const periods = new Map<string, { period: string; groups: ReturnType<typeof row>[] }>();
  function row(g: ForecastGroup) {
    const history = campaigns.map((campaignId) => {
      const p = matchIn(
        g,
        past.filter((x) => x.campaignId === campaignId),
      );
      return { campaignId, demand: p?.demand ?? null, capacity: p?.capacity ?? null };
    });
    const points = history.flatMap((h) => (h.demand === null ? [] : [h.demand]));
    return {
      id: g.id,
      label: g.label,
      capacity: g.capacity,
      history,
      current: current.get(g.id) ?? 0,
      forecast: forecastNext(points),
      matched: points.length > 0,
      mappedTo: g.forecastKey ?? null,
    };
  }
  for (const g of groups) {
    const key = sameKey(g.period);
    const entry = periods.get(key) ?? { period: withoutYear(g.period), groups: [] };
    entry.groups.push(row(g));
    periods.set(key, entry);
  }
  return [...periods.values()];
}

/** Earlier groups a coordinator can map a group to: one per stable key, newest label first. */
export function mappableGroups(past: readonly PastGroup[]): { key: string; label: string; period: string }[] {
  const out = new Map<string, { key: string; label: string; period: string }>();
  for (const p of [...past].reverse()) {
    const key = groupKey(p);
    if (!out.has(key)) out.set(key, { key, label: p.label, period: withoutYear(p.period) });
  }
  return [...out.values()];
}
