import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dayNumber } from './dates';
import { LEGISLATION_DIR } from './legislation-files';
import { Legislation } from './parameters';

function files(): Record<string, Record<string, { valeurs: Record<string, unknown> }>> {
  const out: Record<string, Record<string, { valeurs: Record<string, unknown> }>> = {};
  for (const g of ['commun', 'af', 'asf', 'cf', 'paje', 'ars', 'rsa', 'ppa', 'logement']) {
    out[g] = parse(readFileSync(path.join(LEGISLATION_DIR, `${g}.yaml`), 'utf8'));
  }
  return out;
}

describe('legislation parameters', () => {
  it('load and validate', () => {
    expect(() => new Legislation(files())).not.toThrow();
  });
  it('refuse a missing parameter', () => {
    const f = files();
    delete f.rsa!.montant_de_base;
    expect(() => new Legislation(f)).toThrow(/rsa.yaml: paramètre manquant « montant_de_base »/);
  });
  it('refuse a value that is not a number, or an impossible date', () => {
    const f = files();
    f.asf!.taux_par_enfant!.valeurs['2026-04-01'] = 'beaucoup';
    expect(() => new Legislation(f)).toThrow(/asf.yaml invalide/);
    const g = files();
    g.asf!.taux_par_enfant!.valeurs['2026-02-30'] = 0.5;
    expect(() => new Legislation(g)).toThrow(/date impossible 2026-02-30/);
  });
  it('a revaluation is a new dated value', () => {
    const f = files();
    f.commun!.bmaf!.valeurs['2027-04-01'] = 500;
    const L = new Legislation(f);
    expect(L.valueAt('commun.bmaf', dayNumber(2027, 3, 31))).toBe(478.16);
    expect(L.valueAt('commun.bmaf', dayNumber(2027, 4, 1))).toBe(500);
    expect(L.changeDates()).toContain('2027-04-01');
  });
  it('every parameter the engine reads has a value on every month it may need', () => {
    const L = new Legislation(files());
    for (let y = 2021; y <= 2026; y++) for (let m = 1; m <= 12; m++) expect(() => L.at(dayNumber(y, m, 1))).not.toThrow();
  });
});
