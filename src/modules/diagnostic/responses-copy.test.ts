import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadTown } from '../../platform/town';
import { neighbourhoodIdOf } from './answering.service';
import { parseQuestionnaire } from './questionnaire';
import { answersReader } from './response-table';
import { readResponsesCsv } from './responses-csv';
import { submittedRows } from './responses-copy';

const town = loadTown('rules/town/amiens.json');
const demo = path.resolve(import.meta.dirname, 'demo');

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
  expect([...submittedRows(town, definition, table)]).toEqual(rows);
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
  const written = [...submittedRows(town, definition, table)];
  expect(written).toEqual(rows);
  expect(written[0]!.answersJson).toBe(
    '{"quartier":"Nord","choix":"Oui","multi":["Coût","Autre \\\\ barre"],"echelle":3,"loyer":1234.5,"avis":"des horaires \\"souples\\"\\net un retour à la ligne\\ttab"}',
  );
  expect(written[2]!.answersJson).toBe('{"multi":["Coût","Bruit"],"loyer":0,"avis":"😀 é"}');
  expect(written[4]).toEqual({ answersJson: '{"avis":"\\\\N"}', externalId: null, neighbourhoodId: null });
  expect(written[0]!.neighbourhoodId).not.toBeNull();
});
