import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadTown } from '../../platform/town';
import { neighbourhoodIdOf } from './answering.service';
import { parseQuestionnaire } from './questionnaire';
import { answersReader } from './response-table';
import { readResponsesCsv } from './responses-csv';
import { answersJsonText, submittedRows, type SubmittedRow } from './responses-copy';

const town = loadTown('rules/town/amiens.json');
const demo = path.resolve(import.meta.dirname, 'demo');

/** What a row stores: its answers' text as written into the COPY, its id and neighbourhood. */
const stored = (r: SubmittedRow) => ({ answersJson: answersJsonText(r.json, r.row), externalId: r.externalId, neighbourhoodId: r.neighbourhoodId });

/** What the import stored before (an answers record per row, then JSON.stringify): the text must not change. */
function expected(definition: ReturnType<typeof parseQuestionnaire>, csv: string) {
  const { table, errors } = readResponsesCsv(definition, csv);
  expect(errors).toEqual([]);
  const read = answersReader(table);
  const rows = Array.from({ length: table.size }, (_, r) => {
    const answers = read(r);
    return { answersJson: JSON.stringify(answers), externalId: table.ids[r] ?? null, neighbourhoodId: neighbourhoodIdOf(town, definition, answers) };
  });
  return { table, rows };
}

it('writes the Amiens answers as the same JSON text and neighbourhoods as an answers record would give', () => {
  const definition = parseQuestionnaire(JSON.parse(fs.readFileSync(path.join(demo, 'amiens-questionnaire.json'), 'utf8')));
  const { table, rows } = expected(definition, fs.readFileSync(path.join(demo, 'amiens-responses.csv'), 'utf8'));
  expect(table.size).toBe(86);
  expect([...submittedRows(town, definition, table)].map(stored)).toEqual(rows);
  expect(rows.some((r) => r.neighbourhoodId !== null)).toBe(true);
});

it('writes every kind of answer (choices, multiple choices, scales, decimals, quoted text, unanswered) exactly', () => {
  const definition = parseQuestionnaire({
    title: 'Toutes les sortes',
    questions: [
      { id: 'quartier', type: 'neighbourhood', label: 'Quartier', options: ['Nord', 'Étouvie', 'Ailleurs'] },
      { id: 'choix', type: 'single', label: 'Choix', options: ['Oui', 'Non « franc »'] },
      { id: 'multi', type: 'multi', label: 'Multi', options: ['Coût', 'Bruit', 'Autre \\ barre'] },
      { id: 'echelle', type: 'scale', label: 'Échelle' },
      { id: 'loyer', type: 'number', label: 'Loyer', min: -1000 },
      { id: 'avis', type: 'text', label: 'Avis' },
    ],
  });
  const csv = [
    'id,quartier,choix,multi,echelle,loyer,avis',
    'a,Nord,Oui,Coût|Autre \\ barre,3,"1 234,50","des horaires ""souples""\net un retour à la ligne\ttab"',
    'b,ailleurs,Non « franc »,,10,-0,',
    'c,,,Bruit|Coût,,0,😀 é',
    'd,Étouvie,,,,,',
    ',,,,,,\\N',
  ].join('\n');
  const { table, rows } = expected(definition, csv);
  expect(table.size).toBe(5);
  const written = [...submittedRows(town, definition, table)].map(stored);
  expect(written).toEqual(rows);
  expect(written[0]!.answersJson).toBe(
    '{"quartier":"Nord","choix":"Oui","multi":["Coût","Autre \\\\ barre"],"echelle":3,"loyer":1234.5,"avis":"des horaires \\"souples\\"\\net un retour à la ligne\\ttab"}',
  );
  expect(written[2]!.answersJson).toBe('{"multi":["Coût","Bruit"],"loyer":0,"avis":"😀 é"}');
  expect(written[4]).toEqual({ answersJson: '{"avis":"\\\\N"}', externalId: null, neighbourhoodId: null });
  expect(written[0]!.neighbourhoodId).not.toBeNull();
});

it('writes random answers as JSON.stringify would: large, small and negative numbers, any character', () => {
  const definition = parseQuestionnaire({
    title: 'Au hasard',
    questions: [
      { id: 'n', type: 'number', label: 'Nombre', min: -1e12 },
      { id: 'choix', type: 'single', label: 'Choix', options: ['a', 'ü\u0001', '😀'] },
      { id: 't', type: 'text', label: 'Texte' },
    ],
  });
  let seed = 11;
  const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const numbers = ['0', '9999', '10000', '-3', '-0,5', '0,0000001', '0,000001', '123456789012', '3,14159', '1 234 567,25', ''];
  const chars = ['a', 'é', '😀', '"', '\\', '\u0001', '\u001f', '\u2028', '\t', '\n', '\u00a0', 'ß'];
  const lines = ['n,choix,t'];
  for (let i = 0; i < 300; i++) {
    const text = Array.from({ length: Math.floor(rnd() * 12) }, () => chars[Math.floor(rnd() * chars.length)]).join('');
    const option = ['a', 'ü\u0001', '😀', ''][Math.floor(rnd() * 4)];
    lines.push(`"${numbers[Math.floor(rnd() * numbers.length)]}",${option},"${text.replace(/"/g, '""')}"`);
  }
  const { table, rows } = expected(definition, lines.join('\n'));
  expect(table.size).toBeGreaterThan(250);
  expect([...submittedRows(town, definition, table)].map(stored)).toEqual(rows);
});
