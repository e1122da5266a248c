import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { readYamlFile, yamlCache } from './yaml-files';

const legislation = path.resolve('rules/legislation');

it('caches every legislation file as JSON that reads back to the very value the YAML parser gives', () => {
  const files = fs
    .readdirSync(legislation)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(legislation, f));
  expect(files.length).toBeGreaterThan(5);
  const cache = yamlCache(files);
  expect(Object.keys(cache)).toHaveLength(files.length);
  for (const file of files) {
    const value = parse(fs.readFileSync(file, 'utf8'));
    expect(Object.values(cache).map((json) => JSON.parse(json))).toContainEqual(value);
    expect(readYamlFile(file)).toEqual(value);
  }
});

it('leaves out a file whose value JSON cannot carry exactly, and keys each file by its text', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-yaml-'));
  try {
    const plain = path.join(dir, 'plain.yaml');
    const odd = path.join(dir, 'odd.yaml');
    fs.writeFileSync(plain, 'taux: 0.5\nmontants: [1, 2]\n');
    fs.writeFileSync(odd, 'plafond: .inf\n');
    const cache = yamlCache([plain, odd]);
    expect(Object.values(cache)).toEqual(['{"taux":0.5,"montants":[1,2]}']);
    fs.writeFileSync(plain, 'taux: 0.6\nmontants: [1, 2]\n');
    expect(Object.keys(yamlCache([plain]))).not.toEqual(Object.keys(cache));
    expect(readYamlFile(odd)).toEqual({ plafond: Infinity });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
