import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { structureKey, validateRecords } from './data-inclusion';
import { parseList, readDiFile, toCsv, toJsonRecord, type ExportItem } from './di-files';
import { jsonElementLines } from './json-lines';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

/** import → validate → export → import again: what a round trip through the directory does. */
function roundTrip(text: string, format: 'json' | 'csv') {
  const read = readDiFile(text);
  const { valid, errors } = validateRecords(read.records, new Set([structureKey('dora', 'dora--cs-tournesol')]));
  expect([...read.errors, ...errors]).toEqual([]);
  const kind = valid[0].kind;
  const items: ExportItem[] = valid.map((v) => ({ record: v.record, extras: v.extras }));
  return format === 'json'
    ? JSON.stringify(
        items.map((it) => toJsonRecord(kind, it)),
        null,
        2,
      )
    : toCsv(kind, items);
}

describe('jsonElementLines', () => {
  it('finds the line of each top-level element', () => {
    expect(jsonElementLines('[\n {"a": "[x,\\"y"},\n\n {"b": [1,\n2]}, 3]').top).toEqual([2, 4, 5]);
  });
  it('finds the lines of arrays under keys', () => {
    const l = jsonElementLines('{\n"structures": [\n{}\n],\n"services": [{}, {}\n, {}]}');
    expect(l.byKey).toEqual({ structures: [3], services: [5, 5, 6] });
  });
  it('counts newlines inside strings', () => {
    expect(jsonElementLines('[\n"a\\nb",\n"c\nd",\n1]').top).toEqual([2, 3, 5]);
  });
});

describe('readDiFile', () => {
  it('reads a JSON array of structures with lines', () => {
    const r = readDiFile(fixture('structures.json'));
    expect(r.format).toBe('json');
    expect(r.records.map((x) => [x.line, x.kind])).toEqual([
      [2, 'structure'],
      [25, 'structure'],
    ]);
  });
  it('recognises services by their structure_id', () => {
    expect(readDiFile(fixture('services.json')).records[0].kind).toBe('service');
  });
  it('reads our combined export', () => {
    const r = readDiFile('{"structures": [{"id": "a"}], "services": [{"id": "b", "structure_id": "a"}]}');
    expect(r.records.map((x) => x.kind)).toEqual(['structure', 'service']);
  });
  it('reports unreadable JSON at its line', () => {
    const r = readDiFile('[\n{"id": 1},\n{"id": }\n]');
    expect(r.errors[0]).toMatchObject({ line: 3, message: 'JSON illisible à cette ligne.' });
  });
  it('types CSV cells from the schema', () => {
    const csv = 'source;id;nom;date_maj;latitude;longitude;reseaux_porteurs;inconnu\n' + 'dora;d--1;Maison;2026-01-02;49,9;2.3;caf,fcsf;z\n';
    const rec = readDiFile(csv).records[0].input as Record<string, unknown>;
    expect(rec).toEqual({
      source: 'dora',
      id: 'd--1',
      nom: 'Maison',
      date_maj: '2026-01-02',
      latitude: 49.9,
      longitude: 2.3,
      reseaux_porteurs: ['caf', 'fcsf'],
      inconnu: 'z',
    });
  });
  it('reports a CSV row with the wrong number of columns at its line', () => {
    const r = readDiFile('source,id,nom,date_maj\n"dora","a\nb",Nom,2026-01-01\ndora,x\n');
    expect(r.errors).toEqual([{ line: 4, kind: 'structure', id: null, field: '', message: '2 colonnes au lieu de 4.' }]);
    expect(r.records[0].line).toBe(2);
  });
  it('leaves a non-number in a number column for the validator to report', () => {
    const r = readDiFile('source,id,nom,date_maj,latitude,longitude\ndora,a,Nom,2026-01-01,nord,2.3\n');
    const v = validateRecords(r.records);
    expect(v.errors).toEqual([{ line: 2, kind: 'structure', id: 'a', field: 'latitude', message: 'Doit être un nombre.' }]);
  });
  it('reads relais_* columns as our extras', () => {
    const r = readDiFile('source,id,nom,date_maj,relais_pass_famille_solo,relais_langues\ndora,a,Nom,2026-01-01,oui,"fr,ar"\n');
    expect((r.records[0].input as Record<string, unknown>).relais).toEqual({ pass_famille_solo: true, langues: ['fr', 'ar'] });
  });
});

describe('parseList', () => {
  it('reads the list notations found in dumps', () => {
    expect(parseList('["a","b"]')).toEqual(['a', 'b']);
    expect(parseList("['a', 'b']")).toEqual(['a', 'b']);
    expect(parseList('{a,b}')).toEqual(['a', 'b']);
    expect(parseList('a, b')).toEqual(['a', 'b']);
    expect(parseList('a|b')).toEqual(['a', 'b']);
  });
});

describe('round trips without loss', () => {
  for (const name of ['structures.json', 'services.json']) {
    it(`JSON → JSON keeps every field of ${name}`, () => {
      const original = JSON.parse(fixture(name));
      expect(JSON.parse(roundTrip(fixture(name), 'json'))).toEqual(original);
    });
    it(`JSON → CSV → JSON keeps every value of ${name}`, () => {
      const original = JSON.parse(fixture(name)) as Record<string, unknown>[];
      const csv = roundTrip(fixture(name), 'csv');
      const back = JSON.parse(roundTrip(csv, 'json')) as Record<string, unknown>[];
      // CSV has a column for every field: absent keys come back as null; unknown objects as their JSON text.
      back.forEach((rec, i) => {
        for (const [k, v] of Object.entries(original[i])) {
          if (k === 'champ_producteur') expect(rec[k]).toBe(JSON.stringify(v));
          else expect(rec[k]).toEqual(v);
        }
        for (const [k, v] of Object.entries(rec)) if (!(k in original[i])) expect(v).toBeNull();
      });
    });
    it(`CSV → CSV is stable for ${name}`, () => {
      const csv = roundTrip(fixture(name), 'csv');
      expect(roundTrip(csv, 'csv')).toBe(csv);
    });
  }
  it('neutralises a description a spreadsheet would run as a formula, and reads it back as written', () => {
    const structures = JSON.parse(fixture('structures.json')) as Record<string, unknown>[];
    structures[0]!.description = '=HYPERLINK("https://example.invalid","Cliquez ici")';
    structures[0]!.telephone = '+33 3 22 00 00 00';
    const csv = roundTrip(JSON.stringify(structures), 'csv');
    expect(csv).toContain(`"'=HYPERLINK(""https://example.invalid"",""Cliquez ici"")"`);
    expect(csv).toContain("'+33 3 22 00 00 00");
    const back = JSON.parse(roundTrip(csv, 'json')) as Record<string, unknown>[];
    expect(back[0]).toMatchObject({ description: structures[0]!.description, telephone: '+33 3 22 00 00 00' });
  });

  it('writes no relais column when no record has extras', () => {
    expect(roundTrip(fixture('structures.json'), 'csv').split('\r\n')[0]).not.toMatch(/relais_/);
    expect(roundTrip(fixture('services.json'), 'csv').split('\r\n')[0]).toMatch(/relais_categorie/);
  });
});
