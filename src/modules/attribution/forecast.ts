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
