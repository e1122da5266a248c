/**
 * A campaign's criteria as the editor sends them: an existing criterion keeps its code (the
 * applications' values and the CLI files name it); a new one gets one from its label, in
 * lower case without accents, unique in the campaign. Pure.
 */
export function withCodes<C extends { code?: string | null; label: string }>(criteria: readonly C[]): (C & { code: string })[] {
  const taken = new Set(criteria.map((c) => c.code).filter((c): c is string => Boolean(c)));
  return criteria.map((c) => {
    if (c.code) return { ...c, code: c.code };
    const base =
      c.label
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .slice(0, 50) || 'critere';
    let code = base;
    for (let n = 2; taken.has(code); n++) code = `${base}_${n}`;
    taken.add(code);
    return { ...c, code };
  });
}
