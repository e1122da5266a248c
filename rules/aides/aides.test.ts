/** Every local aid file is valid against rules/aides/aid.schema.json, and the schema catches what it must. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { AIDES_DIR, loadAidFiles, loadFunds, validateAid } from '../../src/modules/aides/aid-files';
import { KINDS } from '../../src/modules/cheques/index';
import { FIELD_KEYS } from '../../src/modules/dossiers/index';

const funds = loadFunds().map((f) => f.id);
const aids = loadAidFiles();
const permis = () => structuredClone(aids.find((a) => a.id === 'aide-permis')!);

describe('rules/aides', () => {
  it('holds the demo aids the seeds propose, each marked demo', () => {
    expect(aids.map((a) => a.id).sort()).toEqual(
      [
        'aide-permis',
        'cheque-sante',
        'cheques-garde',
        'cheques-services',
        'fonds-educatif',
        'fonds-logement-depot',
        'fonds-logement-impayes',
        'fsl-monoparental',
        'pass-famille-solo',
        'pret-honneur',
      ].sort(),
    );
    for (const a of aids) expect(a.demo).toBe(true);
    for (const f of fs.readdirSync(AIDES_DIR).filter((n) => n.endsWith('.yaml'))) {
      expect(fs.readFileSync(path.join(AIDES_DIR, f), 'utf8')).toMatch(/^# DÉMO/);
    }
  });

  it('names only household-file fields the dossiers module declares', () => {
    for (const a of aids) for (const k of a.file_fields) expect(FIELD_KEYS as readonly string[], `${a.id}: ${k}`).toContain(k);
  });

  it('pays each aid from a declared fund with a positive demo budget', () => {
    for (const a of aids) expect(funds).toContain(a.fund);
    for (const f of loadFunds()) expect(Number.isInteger(f.budget_cents) && f.budget_cents > 0).toBe(true);
  });

  it('pays vouchers only in the kinds of chèques the cheques module keeps', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(AIDES_DIR, 'aid.schema.json'), 'utf8'));
    const vouchers = schema.definitions.benefit.oneOf.find((b: { properties: { kind: { const: string } } }) => b.properties.kind.const === 'vouchers');
    expect([...vouchers.properties.voucher.enum].sort()).toEqual([...KINDS].sort());
    const paidInVouchers = aids.filter((a) => a.benefit.kind === 'vouchers').map((a) => a.id);
    expect(paidInVouchers.sort()).toEqual(['cheque-sante', 'cheques-garde', 'cheques-services']);
    const bad = permis();
    bad.benefit = { kind: 'vouchers', amount_cents: 1000, voucher: 'bons-achat' as never, per: 'once' };
    expect(validateAid(bad, funds).ok).toBe(false);
  });

  it('refuses an unknown field, with its path', () => {
    const r = validateAid({ ...permis(), colour: 'blue' }, funds);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fields).toContainEqual({ path: '', message: 'Champ inconnu : colour.' });
  });

  it('refuses a missing title', () => {
    const a: Record<string, unknown> = permis();
    delete a.title;
    const r = validateAid(a, funds);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fields[0].message).toMatch(/title/);
  });

  it('refuses a threshold in euros with decimals (cents are integers)', () => {
    const a = permis();
    (a.conditions[1] as { max_cents: number }).max_cents = 900.5;
    expect(validateAid(a, funds).ok).toBe(false);
  });

  it('refuses an unknown condition kind and an unknown employment situation', () => {
    const a = permis();
    a.conditions.push({ kind: 'age_of_captain' } as never);
    expect(validateAid(a, funds).ok).toBe(false);
    const b = permis();
    b.profiles[0].conditions = [{ kind: 'employment', among: ['astronaute' as never] }];
    expect(validateAid(b, funds).ok).toBe(false);
  });

  it('refuses an unknown fund and ages out of order', () => {
    const r = validateAid({ ...permis(), fund: 'fonds-inconnu' }, funds);
    expect(r.ok).toBe(false);
    const a = permis();
    a.conditions.push({ kind: 'child_age', min_years: 12, max_years: 3 });
    const r2 = validateAid(a, funds);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.fields[0].path).toBe('conditions.4.min_years');
  });

  it('refuses an impossible end date and accepts a real one', () => {
    expect(validateAid({ ...permis(), end_date: '2026-13-01' }, funds).ok).toBe(false);
    expect(validateAid({ ...permis(), end_date: '2026-12-31' }, funds).ok).toBe(true);
  });

  it('refuses a file whose id is not its name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-aides-')); // a fresh clone has no test-results/ yet
    try {
      fs.copyFileSync(path.join(AIDES_DIR, 'aid.schema.json'), path.join(dir, 'aid.schema.json'));
      fs.copyFileSync(path.join(AIDES_DIR, 'fonds.yaml'), path.join(dir, 'fonds.yaml'));
      fs.writeFileSync(path.join(dir, 'autre-nom.yaml'), YAML.stringify(permis()));
      expect(() => loadAidFiles(dir)).toThrow(/nom du fichier/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
