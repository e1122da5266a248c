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

export interface ForecastGroup {
  id: string;
  label: string;
  period: string;
  capacity: number;
}
export interface PastGroup {
  campaignId: string;
  label: string;
  period: string;
  demand: number;
  capacity: number;
}

/**
 * Demand per group and period: a group of this campaign meets, in each earlier campaign
 * (oldest first), the group of the same label and the same period once their years are
 * set aside ("Juillet, 6 à 11 ans" of "Juillet 2025" and of "Juillet 2026"); its forecast
 * extends the line through the campaigns that had it. Groups are listed per period, in
 * the campaign's order.
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
      const p = past.find((x) => x.campaignId === campaignId && sameKey(x.label) === sameKey(g.label) && sameKey(x.period) === sameKey(g.period));
      return { campaignId, demand: p?.demand ?? null, capacity: p?.capacity ?? null };
    });
    const points = history.flatMap((h) => (h.demand === null ? [] : [h.demand]));
    return { id: g.id, label: g.label, capacity: g.capacity, history, current: current.get(g.id) ?? 0, forecast: forecastNext(points) };
  }
  for (const g of groups) {
    const key = sameKey(g.period);
    const entry = periods.get(key) ?? { period: withoutYear(g.period), groups: [] };
    entry.groups.push(row(g));
    periods.set(key, entry);
  }
  return [...periods.values()];
}
