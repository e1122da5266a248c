/** Demo: the Amiens "Parents solo" questionnaire (published) and its 86 reference answers. */
import fs from 'node:fs';
import path from 'node:path';
import type { SeedDef } from '../../../platform/seeds';
import * as store from '../diagnostic.store';
import { parseQuestionnaire } from '../questionnaire';
import { readResponsesCsv } from '../responses-csv';
import { rowsOf } from '../results.service';
import { AMIENS_SOURCE, withAmiensThemes } from './amiens-themes';

const here = import.meta.dirname;

export function amiensQuestionnaire() {
  const raw = JSON.parse(fs.readFileSync(path.join(here, 'amiens-questionnaire.json'), 'utf8'));
  const base = parseQuestionnaire(raw);
  const withQuartier = {
    ...base,
    questions: base.questions.map((q) => (q.id === 'quartier' && q.type === 'single' ? { ...q, type: 'neighbourhood' as const } : q)),
  };
  // The reference file's note, in the language of the reports.
  const note = 'Questions et effectifs reconstitués à partir du diagnostic publié ; les croisements entre questions sont synthétiques.';
  return withAmiensThemes({ ...withQuartier, note });
}

export const diagnosticDemoSeed: SeedDef = {
  name: 'diagnostic.demo',
  async run(ctx, t) {
    const definition = amiensQuestionnaire();
    const now = ctx.now();
    const id = await store.insertQuestionnaire(t, {
      title: definition.title,
      access: 'links',
      definition,
      publish: true,
      source: AMIENS_SOURCE,
      createdBy: null,
      now,
      isDemo: true,
    });
    const { table, errors } = readResponsesCsv(definition, fs.readFileSync(path.join(here, 'amiens-responses.csv'), 'utf8'));
    if (errors.length) throw new Error(`Amiens reference answers do not fit the questionnaire: ${errors[0]!.message}`);
    await store.insertSubmitted(t, { questionnaireId: id, version: 1, channel: 'demo', importId: null, now, isDemo: true }, rowsOf(ctx, definition, table));
  },
};
