/** The starting word list, from rules/groupes/mots-vigilance.yaml (moderators edit it in the database afterwards). */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { VIGILANCE_CATEGORIES, type WordRule } from './vigilance';

export const RULES_FILE = path.resolve(import.meta.dirname, '../../../rules/groupes/mots-vigilance.yaml');

const fileSchema = z.object({
  terms: z.record(z.enum(VIGILANCE_CATEGORIES as [string, ...string[]]), z.array(z.string().min(2).max(120))),
  whitelist: z.array(z.string().min(2).max(120)).default([]),
});

export function rulesFromYaml(doc: unknown): WordRule[] {
  const f = fileSchema.parse(doc);
  const out: WordRule[] = [];
  for (const [category, patterns] of Object.entries(f.terms)) {
    for (const pattern of patterns ?? []) out.push({ kind: 'term', category: category as WordRule['category'], pattern });
  }
  for (const pattern of f.whitelist) out.push({ kind: 'whitelist', pattern });
  return out;
}

export function loadRulesFile(file = RULES_FILE): WordRule[] {
  return rulesFromYaml(parse(fs.readFileSync(file, 'utf8')));
}
