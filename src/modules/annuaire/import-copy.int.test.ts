/**
 * The import at scale: new records go in by COPY and known ones by upsert in the same
 * transaction; the typo lexicon gets the words of the whole texts from their pieces; imports
 * wait for one another instead of colliding on the same new keys.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { exportDirectory } from './export-directory';
import { importDirectory } from './import-directory';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-11-25T10:00:00+01:00' });
});
afterAll(() => env?.close());

const structure = (id: string, nom: string, extra: Record<string, unknown> = {}) => ({
  source: 'copie',
  id: `copie--${id}`,
  nom,
  date_maj: '2026-06-01',
  commune: 'Amiens',
  latitude: 49.9,
  longitude: 2.3,
  horaires_accueil: 'Mo-Fr 09:00-12:00',
  ...extra,
});
const service = (id: string, structureId: string, nom: string, description: string, extra: Record<string, unknown> = {}) => ({
  source: 'copie',
  structure_id: `copie--${structureId}`,
  id: `copie--${id}`,
  nom,
  description,
  date_maj: '2026-06-01',
  thematiques: ['famille--garde-denfants'],
  publics: ['familles'],
  ...extra,
});

it('writes new records and updates known ones in one import, counted and audited, exported in file order', async () => {
  const ctx = env.rt.systemCtx();
  await importDirectory(ctx, JSON.stringify([structure('a', 'Maison des familles')]));
  const mark = await env.auditMark();
  const out = await importDirectory(
    ctx,
    JSON.stringify([
      structure('b', 'Centre « Œuvre » \\ tab\tet "guillemets"', { latitude: 43.3, longitude: 5.4 }),
      structure('a', 'Maison des familles (renommée)'),
    ]),
  );
  expect(out.errors).toEqual([]);
  expect(out.structures).toEqual({ inserted: 1, updated: 1 });
  expect((await env.expectAudit('annuaire/imported', null, { after: mark })).details).toMatchObject({ structures: { inserted: 1, updated: 1 } });

  await importDirectory(ctx, JSON.stringify([service('s2', 'b', 'Halte-garderie', 'Déjà là')]));
  const services = [
    service('s1', 'b', 'Crèche', 'Accueil occasionnel', { modes_accueil: ['en-presentiel', 'a-distance'] }),
    service('s2', 'b', 'Halte-garderie', 'Garde le mercredi'),
    service('s3', 'a', 'Ludothèque', 'Jeux de société'),
  ];
  const svc = await importDirectory(ctx, JSON.stringify(services));
  expect(svc.errors).toEqual([]);
  expect(svc.services).toEqual({ inserted: 2, updated: 1 });

  const { rows } = await env.rt.deps.db.query(
    `SELECT s.nom, s.commune, s.modes_accueil, s.latitude, s.week_open::text AS week, s.search_extra, st.nom AS structure
     FROM annuaire_services s JOIN annuaire_structures st ON st.id = s.structure_id WHERE s.source = 'copie' ORDER BY s.di_id`,
  );
  expect(rows.map((r) => [r.nom, r.structure, r.modes_accueil, r.latitude])).toEqual([
    ['Crèche', 'Centre « Œuvre » \\ tab\tet "guillemets"', ['en-presentiel', 'a-distance'], 43.3],
    ['Halte-garderie', 'Centre « Œuvre » \\ tab\tet "guillemets"', [], 43.3],
    ['Ludothèque', 'Maison des familles (renommée)', [], 49.9],
  ]);
  // Inherited from the structure, as the upsert computes them.
  expect(rows[0].commune).toBe('Amiens');
  expect(rows[0].week).not.toBe('{}');
  expect(rows[0].search_extra).toContain('Centre « Œuvre »');
  // The export follows the files: s2 keeps its place from its first import, the new ones follow in file order.
  const exported = JSON.parse(await exportDirectory(ctx, 'json', 'services')) as { id: string }[];
  expect(exported.map((s) => s.id).filter((id) => id.startsWith('copie--'))).toEqual(['copie--s2', 'copie--s1', 'copie--s3']);
});

it('gives the typo lexicon every word of the imported texts, accents, ligatures and punctuation included', async () => {
  const ctx = env.rt.systemCtx();
  await importDirectory(ctx, JSON.stringify([structure('c', 'Cœur-à-cœur')]));
  const out = await importDirectory(
    ctx,
    JSON.stringify([
      service('w1', 'c', 'Œuvre d’entraide', 'L’ÉTÉ : sorties ½ journée, naïveté & EMMAÜS; Straße… «ateliers»', { publics_precisions: 'Mères/pères' }),
      service('w2', 'c', 'Crèche', 'Accueil à l’heure, 7j/7'),
    ]),
  );
  expect(out.errors).toEqual([]);
  // The words the whole texts give, as the lexicon was built before (one pass over each text).
  const { rows } = await env.rt.deps.db.query(
    `SELECT DISTINCT w FROM annuaire_services s,
       regexp_split_to_table(lower(immutable_unaccent(s.nom || ' ' || s.search_extra || ' ' || s.description)), '[^a-z0-9]+') AS w
     WHERE s.source = 'copie' AND s.di_id IN ('copie--w1', 'copie--w2') AND length(w) BETWEEN 3 AND 40 AND w !~ '^geo[0-9]' AND w !~ '^[0-9]+$'
     EXCEPT SELECT word FROM annuaire_words`,
  );
  expect(rows).toEqual([]);
  const { rows: words } = await env.rt.deps.db.query(`SELECT word FROM annuaire_words WHERE word = ANY($1::text[]) ORDER BY word`, [
    ['oeuvre', 'coeur', 'naivete', 'emmaus', 'strasse', 'journee', 'meres', 'peres', 'ete'],
  ]);
  expect(words.map((w) => w.word)).toEqual(['coeur', 'emmaus', 'ete', 'journee', 'meres', 'naivete', 'oeuvre', 'peres', 'strasse']);
});

it('keeps numbers out of the typo lexicon and searches a number as typed, never corrected to another', async () => {
  const ctx = env.rt.systemCtx();
  await importDirectory(ctx, JSON.stringify([structure('n', 'Maison des nombres')]));
  const out = await importDirectory(
    ctx,
    JSON.stringify([service('n1', 'n', 'Permanence 80021', 'Bureau 4712, ouvert en 2026'), service('n2', 'n', 'Permanence 80022', 'Bureau 4713')]),
  );
  expect(out.errors).toEqual([]);
  const { rows } = await env.rt.deps.db.query(`SELECT word FROM annuaire_words WHERE word = ANY($1::text[]) ORDER BY word`, [
    ['80021', '80022', '4712', '4713', '2026', 'permanence', 'bureau'],
  ]);
  expect(rows.map((r) => r.word)).toEqual(['bureau', 'permanence']);
  // 80023 is one keystroke from 80021 and 80022: it stays 80023 (nothing found), and a number
  // that is there is found as typed, last word or not.
  const wrong = await env.app.inject({ method: 'GET', url: '/api/annuaire/services?q=permanence%2080023' });
  expect(wrong.json()).toMatchObject({ mots: ['permanence', '80023'], total: 0 });
  const right = await env.app.inject({ method: 'GET', url: '/api/annuaire/services?q=80022%20bureau' });
  expect(right.json().mots).toEqual(['80022', 'bureau']);
  expect(right.json().services.map((s: { nom: string }) => s.nom)).toEqual(['Permanence 80022']);
});

it('two imports of the same new records at once: one writes them, the other waits and updates them', async () => {
  const ctx = env.rt.systemCtx();
  const file = JSON.stringify([structure('d1', 'Relais petite enfance'), structure('d2', 'Épicerie sociale')]);
  const [a, b] = await Promise.all([importDirectory(ctx, file), importDirectory(ctx, file)]);
  expect([a.structures, b.structures]).toContainEqual({ inserted: 2, updated: 0 });
  expect([a.structures, b.structures]).toContainEqual({ inserted: 0, updated: 2 });
  const { rows } = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM annuaire_structures WHERE di_id IN ('copie--d1', 'copie--d2')`);
  expect(rows[0].n).toBe(2);
});

it('refuses the import to a parent, over HTTP', async () => {
  const parent = await env.as('parent');
  expect((await parent.post('/api/annuaire/import', { content: JSON.stringify([structure('p', 'Non')]) })).statusCode).toBe(403);
  const { rows } = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM annuaire_structures WHERE di_id = 'copie--p'`);
  expect(rows[0].n).toBe(0);
});

it('12,000 services, some known: a bad first and last record are both reported and nothing is written; the clean file updates the known ones and copies the rest', async () => {
  const ctx = env.rt.systemCtx();
  await importDirectory(ctx, JSON.stringify([structure('grand', 'Grande structure')]));
  await importDirectory(ctx, JSON.stringify([service('g5', 'grand', 'Connu', 'Avant'), service('g11999', 'grand', 'Connu aussi', 'Avant')]));
  const list = Array.from({ length: 12_000 }, (_, i) => service(`g${i}`, 'grand', `Service ${i}`, 'Garde'));
  const bad = list.map((s, i) => (i === 0 || i === 11_999 ? { ...s, date_maj: '2026-13-01' } : s));
  const refused = await importDirectory(ctx, JSON.stringify(bad));
  expect(refused.errors.map((e) => [e.id, e.field])).toEqual([
    ['copie--g0', 'date_maj'],
    ['copie--g11999', 'date_maj'],
  ]);
  const stored = async () =>
    (
      await env.rt.deps.db.query(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE description = 'Avant')::int AS before FROM annuaire_services WHERE di_id LIKE 'copie--g%'`,
      )
    ).rows[0];
  expect(await stored()).toEqual({ n: 2, before: 2 });
  const out = await importDirectory(ctx, JSON.stringify(list));
  expect(out.errors).toEqual([]);
  expect(out.services).toEqual({ inserted: 11_998, updated: 2 });
  expect(await stored()).toEqual({ n: 12_000, before: 0 });
});

it('new services checked while they are written: a duplicate id and an unknown structure late in the file are both reported and nothing is written', async () => {
  const ctx = env.rt.systemCtx();
  await importDirectory(ctx, JSON.stringify([structure('tard', 'Structure du test tardif')]));
  const list = Array.from({ length: 3_000 }, (_, i) => service(`t${i}`, 'tard', `Service ${i}`, 'Garde'));
  list[2_500] = service('t10', 'tard', 'Le même identifiant', 'Garde');
  list[2_900] = service('t2900', 'inconnue', 'Sans structure', 'Garde');
  const mark = await env.auditMark();
  const refused = await importDirectory(ctx, JSON.stringify(list));
  expect(refused.services).toEqual({ inserted: 0, updated: 0 });
  // (A JSON file written on one line: every record is on line 1.)
  expect(refused.errors.map((e) => [e.id, e.field, e.message])).toEqual([
    ['copie--t10', 'id', 'Identifiant en double (déjà présent ligne 1).'],
    ['copie--t2900', 'structure_id', 'Structure « copie--inconnue » inconnue : importez d’abord ses structures.'],
  ]);
  const { rows } = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM annuaire_services WHERE di_id LIKE 'copie--t%'`);
  expect(rows[0]).toEqual({ n: 0 });
  const { rows: audited } = await env.rt.deps.db.query(`SELECT 1 FROM audit_log WHERE action = 'annuaire/imported' AND id > $1`, [mark]);
  expect(audited).toEqual([]);
});
