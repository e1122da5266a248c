/**
 * Rounding exactly as OpenFisca (numpy) does it: `round_(x, d)` is "round half to even"
 * on x * 10^d. Amounts are computed in euros as OpenFisca does, and leave the engine as
 * integer cents (then euros with two decimals at the edges).
 */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round rounds .5 up; numpy rounds exact halves to the even neighbour.
  if (Math.abs(x % 1) === 0.5 && r % 2 !== 0) return r - 1;
  return r;
}

export function npRound(x: number, decimals = 0): number {
  if (decimals === 0) return roundHalfEven(x);
  const f = 10 ** decimals;
  return roundHalfEven(x * f) / f;
}

/** Euros (float) to integer cents, as Python's round(x, 2) would present them. */
export function toCents(euros: number): number {
  const scaled = euros * 100;
  const r = Math.round(scaled);
  // exact binary ties (x.xx5 representable exactly) go to even, like Python's round
  if (Math.abs(scaled - Math.trunc(scaled)) === 0.5 && r % 2 !== 0) return r - 1;
  return r === 0 ? 0 : r;
}

/**
 * The reference model stores every variable as float32. Where a rounding step could tip
 * over a cent, the engine reproduces that storage (`f32`) and numpy's float32 rounding.
 */
export const f32 = Math.fround;

export function npRound32(x: number, decimals = 0): number {
  const f = 10 ** decimals;
  const scaled = f32(f32(x) * f);
  return f32(roundHalfEven(scaled) / f);
}
