import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { demoDirectory } from './demo-data';
import { exportDirectory } from './export-directory';
import { importDirectory } from './import-directory';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

let env: TestEnv;
beforeAll(async () => {
  // A Wednesday, 10:00 in Paris.
  env = await createTestEnv({ now: '2026-11-25T10:00:00+01:00' });
  await env.seedDemo();
});
afterAll(() => env?.close());

const search = async (qs: string) => {
  const res = await env.client().get(`/api/annuaire/services?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    total: number;
    mots: string[];
    services: { nom: string; distance_m: number | null; quartier: string; horaires: { ouvert_maintenant: boolean } | null; demo: boolean }[];
  };
};

describe('import', () => {
  it('imports structures then services, and re-import updates instead of duplicating', async () => {
    const ctx = env.rt.systemCtx();
    const mark = await env.auditMark();
    const first = await importDirectory(ctx, fixture('structures.json'));
    expect(first.errors).toEqual([]);
    expect((await env.expectAudit('annuaire/imported', null, { after: mark })).details).toMatchObject({ structures: { inserted: 2, updated: 0 } });
    expect(first.structures).toEqual({ inserted: 2, updated: 0 });
    const svc = await importDirectory(ctx, fixture('services.json'));
    expect(svc.services).toEqual({ inserted: 1, updated: 0 });
    const again = await importDirectory(ctx, fixture('structures.json'));
    expect(again.structures).toEqual({ inserted: 0, updated: 2 });
    const { rows } = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM annuaire_structures WHERE source IN ('dora', 'soliguide')`);
    expect(rows[0].n).toBe(2);
  });

  it('lands nothing when one row is invalid, and reports line and field', async () => {
    const ctx = env.rt.systemCtx();
    const bad = JSON.stringify(
      [
        { source: 'x', id: 'x--1', nom: 'Structure valable', date_maj: '2026-01-01' },
        { source: 'x', id: 'x--2', nom: 'Autre', date_maj: '2026-13-01', siret: '12' },
      ],
      null,
      1,
    );
    const r = await importDirectory(ctx, bad);
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([
      [8, 'date_maj'],
      [8, 'siret'],
    ]);
    const { rows } = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM annuaire_structures WHERE source = 'x'`);
    expect(rows[0].n).toBe(0);
  });

  it('round-trips the data·inclusion file through the export without loss', async () => {
    const ctx = env.rt.systemCtx();
    const exported = JSON.parse(await exportDirectory(ctx, 'json', 'structures')) as Record<string, unknown>[];
    const original = JSON.parse(fixture('structures.json')) as Record<string, unknown>[];
    for (const rec of original) expect(exported.find((e) => e.id === rec.id)).toEqual(rec);
    const services = JSON.parse(await exportDirectory(ctx, 'json', 'services')) as Record<string, unknown>[];
    const svc = JSON.parse(fixture('services.json'))[0];
    expect(services.find((e) => e.id === svc.id)).toEqual(svc);
  });

  it('exports in the order of the imported file, though rows are written area by area', async () => {
    const exported = (JSON.parse(await exportDirectory(env.rt.systemCtx(), 'json', 'services')) as { id: string }[]).map((s) => s.id);
    const demoIds = demoDirectory(new Date('2026-11-25T10:00:00+01:00')).services.map((s) => s.id as string);
    expect(exported.filter((id) => demoIds.includes(id))).toEqual(demoIds);
  });

  it('re-imports its own combined export (JSON and CSV) as pure updates', async () => {
    const ctx = env.rt.systemCtx();
    const dump = await exportDirectory(ctx, 'json', 'all');
    const r = await importDirectory(ctx, dump);
    expect(r.errors).toEqual([]);
    expect(r.structures.inserted + r.services.inserted).toBe(0);
    expect(r.services.updated).toBeGreaterThan(30);
    expect(await exportDirectory(ctx, 'json', 'all')).toBe(dump);
    const csv = await exportDirectory(ctx, 'csv', 'services');
    const again = await importDirectory(ctx, csv);
    expect(again.errors).toEqual([]);
    expect(await exportDirectory(ctx, 'csv', 'services')).toBe(csv);
  });

  it('refuses import over HTTP to a parent, accepts it from an agent', async () => {
    const parent = await env.as('parent');
    expect((await parent.post('/api/annuaire/import', { content: '[]' })).statusCode).toBe(403);
    const agent = await env.as('agent');
    const res = await agent.post('/api/annuaire/import', { content: 'source,id,nom,date_maj\nx,x--9,Nom,pas-une-date\n' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0]).toEqual({ path: 'ligne 2 · date_maj', message: 'Date invalide (attendue au format AAAA-MM-JJ).' });
  });
});

describe('search', () => {
  it('ignores accents and plurals', async () => {
    const a = await search('q=epicerie');
    const b = await search('q=%C3%A9piceries');
    expect(a.total).toBeGreaterThan(0);
    expect(b.services.map((s) => s.nom)).toEqual(a.services.map((s) => s.nom));
  });

  it('tolerates typos', async () => {
    const r = await search('q=dentsite');
    expect(r.mots).toEqual(['dentiste']);
    expect(r.services.some((s) => /dentaire|Dentiste/i.test(s.nom))).toBe(true);
  });

  it('finds dentists open on Saturday morning, nearest to Étouvie first', async () => {
    const r = await search('q=dentiste&ouvert=samedi-matin&pres_de=etouvie');
    expect(r.services.length).toBeGreaterThanOrEqual(2);
    expect(r.services[0].nom).toMatch(/Étouvie|Soins dentaires/);
    expect(r.services[0].quartier).toBe('etouvie');
    const d = r.services.map((s) => s.distance_m!);
    expect([...d].sort((x, y) => x - y)).toEqual(d);
    expect(r.services.some((s) => /Nord/.test(s.nom))).toBe(false); // the Nord dentist has no Saturday hours
  });

  it('filters by need, open now, after 18 h, Pass and label', async () => {
    const garde = await search('besoin=garde');
    expect(garde.total).toBeGreaterThanOrEqual(3);
    const now = await search('besoin=garde&ouvert=maintenant');
    expect(now.services.every((s) => s.horaires?.ouvert_maintenant)).toBe(true);
    const evening = await search('besoin=repit&ouvert=apres-18h');
    expect(evening.services.map((s) => s.nom).join()).toMatch(/écoute du soir/);
    const pass = await search('pass=true&par_page=100');
    const all = await search('par_page=100');
    expect(pass.total).toBeGreaterThan(0);
    expect(pass.total).toBeLessThan(all.total);
    const label = await search('label=true&besoin=sante');
    expect(label.total).toBeGreaterThan(0);
  });

  it('completes the last word as a prefix (search as you type)', async () => {
    const r = await search('q=epic');
    expect(r.services.map((s) => s.nom).join()).toMatch(/Épicerie solidaire/);
  });

  it('keeps only services within a radius, with or without words', async () => {
    const near = await search('lat=49.9115&lon=2.2535&rayon_km=1&par_page=100');
    expect(near.total).toBeGreaterThan(2);
    expect(near.services.every((s) => s.quartier === 'etouvie' && s.distance_m! <= 1000)).toBe(true);
    const words = await search('q=epicerie&lat=49.9115&lon=2.2535&rayon_km=1');
    expect(words.services.map((s) => s.nom)).toEqual(['Épicerie solidaire (démo)']);
    const far = await search('q=epicerie&lat=48.85&lon=2.35&rayon_km=20');
    expect(far.total).toBe(0);
  });

  it('lists under a need the services of other categories tagged with its thématiques', async () => {
    const repit = await search('besoin=repit&par_page=100');
    const names = repit.services.map((s) => s.nom).join();
    expect(names).toMatch(/Espace de répit/);
    expect(names).toMatch(/PMI/); // santé first, but also soutien à la parentalité
  });

  it('pages through services nearest first', async () => {
    const p1 = await search('pres_de=nord&par_page=5&page=1');
    const p2 = await search('pres_de=nord&par_page=5&page=2');
    const d = [...p1.services, ...p2.services].map((s) => s.distance_m!);
    expect(d).toHaveLength(10);
    expect([...d].sort((x, y) => x - y)).toEqual(d);
    expect(p1.total).toBe(p2.total);
    expect(p1.total).toBeGreaterThan(30);
  });

  it('combines every criterion when walking nearest first', async () => {
    const r = await search('pres_de=etouvie&rayon_km=5&ouvert=samedi-matin&ouvert=maintenant&ouvert=apres-18h&thematique=sante--acces-aux-soins&q=dentaire');
    expect(r.services[0]?.nom).toBe('Soins dentaires enfants et adultes (démo)');
    const r2 = await search('pres_de=etouvie&ouvert=samedi-matin&besoin=sante&pass=true');
    expect(r2.services[0].nom).toBe('Soins dentaires enfants et adultes (démo)');
    expect(r2.services.map((s) => s.nom)).toContain('Médecins généralistes (démo)');
    expect(r2.services.map((s) => s.nom)).not.toContain('Dentiste du quartier Nord (démo)');
  });

  it('paginates', async () => {
    const p1 = await search('par_page=5&page=1');
    const p2 = await search('par_page=5&page=2');
    expect(p1.services).toHaveLength(5);
    expect(p2.services[0].nom).not.toBe(p1.services[0].nom);
    expect(p1.total).toBe(p2.total);
  });

  it('rejects bad query parameters with a 400 and an unknown neighbourhood with a 422', async () => {
    expect((await env.client().get('/api/annuaire/services?ouvert=demain')).statusCode).toBe(400);
    expect((await env.client().get('/api/annuaire/services?pres_de=atlantide')).statusCode).toBe(422);
  });
});

describe('partner listing', () => {
  it('lets a partner edit only their own structure, and confirms it as checked', async () => {
    const { rows } = await env.rt.deps.db.query(`SELECT id FROM annuaire_structures WHERE di_id = 'relais-demo--epicerie-etouvie'`);
    const own = rows[0].id as string;
    const { rows: other } = await env.rt.deps.db.query(`SELECT id FROM annuaire_structures WHERE di_id = 'relais-demo--ccas'`);
    const partner = await env.as('partner', { structureId: own });
    const res = await partner.patch(`/api/annuaire/structures/${own}`, {
      telephone: '03 22 00 11 22',
      pass_famille_solo: true,
      horaires_accueil: 'Tu,Th 14:00-19:00',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().date_verification).toBe('2026-11-25');
    await env.expectAudit('annuaire/listing-updated', own, { actorId: partner.user.id });
    expect((await partner.patch(`/api/annuaire/structures/${other[0].id}`, { telephone: '0' })).statusCode).toBe(403);
    expect((await partner.patch(`/api/annuaire/structures/${own}`, { label_ville_solidaire: true })).statusCode).toBe(403);
    const bad = await partner.patch(`/api/annuaire/structures/${own}`, { horaires_accueil: 'quand on peut' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].path).toBe('horaires_accueil');
    // The services inherit the new hours: open Thursday 18:30 now.
    const evening = await search('q=epicerie&ouvert=apres-18h');
    expect(evening.total).toBe(1);
    // The export carries the edit.
    const exported = JSON.parse(await exportDirectory(env.rt.systemCtx(), 'json', 'structures')) as Record<string, unknown>[];
    expect(exported.find((s) => s.id === 'relais-demo--epicerie-etouvie')?.telephone).toBe('03 22 00 11 22');
  });

  it('lets a partner correct one of its services and confirm its listing, each audited', async () => {
    const { rows } = await env.rt.deps.db.query(
      `SELECT s.id AS structure, v.id AS service FROM annuaire_structures s JOIN annuaire_services v ON v.structure_id = s.id WHERE s.di_id = 'relais-demo--epicerie-etouvie' LIMIT 1`,
    );
    const { structure, service } = rows[0];
    const partner = await env.as('partner', { structureId: structure });
    const upd = await partner.patch(`/api/annuaire/services/${service}`, { telephone: '03 22 99 88 77' });
    expect(upd.statusCode, upd.body).toBe(200);
    expect((await env.expectAudit('annuaire/service-updated', service, { actorId: partner.user.id })).details).toEqual({ fields: ['telephone'] });
    const confirm = await partner.post(`/api/annuaire/structures/${structure}/verification`);
    expect(confirm.statusCode, confirm.body).toBe(200);
    await env.expectAudit('annuaire/listing-confirmed', structure, { actorId: partner.user.id });
  });

  it('flags a listing unchecked for six months and reminds its partner once', async () => {
    const { rows } = await env.rt.deps.db.query(`SELECT id FROM annuaire_structures WHERE di_id = 'relais-demo--cs-etouvie'`);
    const id = rows[0].id as string;
    await env.as('partner', { structureId: id, identifier: 'partenaire-etouvie@test.relais.fr' });
    const detail = await env.client().get(`/api/annuaire/structures/${id}`);
    expect(detail.json().stale).toBe(true);
    await env.rt.deps.jobs.runNow('annuaire.remind-stale', {});
    await env.rt.deps.jobs.runNow('annuaire.remind-stale', {});
    const { rows: sent } = await env.rt.deps.db.query(
      `SELECT recipient, subject, body FROM notifications WHERE template = 'annuaire.stale-listing' AND recipient = 'partenaire-etouvie@test.relais.fr'`,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toMatch(/Centre social d'Étouvie/);
    expect(sent[0].subject).toMatch(/^Votre fiche « .+ » dans l'annuaire est-elle à jour \?$/);
    expect(sent[0].body).toMatch(/a été vérifiée pour la dernière fois le \d{2}\/\d{2}\/\d{4}\.\n/);
    await env.expectAudit('annuaire/stale-reminded', id, { actorId: null });
  });

  it('reminds a partner who reads English in English', async () => {
    const { rows } = await env.rt.deps.db.query(`SELECT id FROM annuaire_structures WHERE di_id = 'relais-demo--epicerie-etouvie'`);
    const partner = await env.as('partner', { structureId: rows[0].id, identifier: 'partner-en@test.relais.fr' });
    await env.rt.deps.db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [partner.user.id]);
    await env.rt.deps.db.query(`UPDATE annuaire_structures SET date_verification = '2025-06-02', stale_reminded_at = NULL WHERE id = $1`, [rows[0].id]);
    await env.rt.deps.jobs.runNow('annuaire.remind-stale', {});
    const { rows: sent } = await env.rt.deps.db.query(
      `SELECT subject, body, locale FROM notifications WHERE template = 'annuaire.stale-listing' AND user_id = $1`,
      [partner.user.id],
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ locale: 'en' });
    expect(sent[0].subject).toMatch(/^Is your listing “.+” in the directory up to date\?$/);
    expect(sent[0].body).toMatch(/was last checked on 2 June 2025\.\nFamilies rely on exact opening hours/);
    expect(sent[0].body).toContain('/annuaire/ma-fiche');
  });
});

describe('seasonal hours', () => {
  it('recomputes the typical week of seasonal hours every night', async () => {
    const ctx = env.rt.systemCtx();
    const dump = JSON.stringify([
      {
        source: 'saison',
        structure_id: 'dora--cs-tournesol',
        id: 'saison--1',
        nom: 'Accueil de loisirs',
        description: 'Ouvert en été seulement.',
        date_maj: '2026-01-01',
        horaires_accueil: 'Jul-Aug Mo-Fr 09:00-17:00',
      },
    ]);
    // The structure belongs to source dora: reference it from the same source.
    const r = await importDirectory(ctx, dump.replace('"source":"saison"', '"source":"dora"').replace('saison--1', 'dora--saison-1'));
    expect(r.errors).toEqual([]);
    const week = async () => (await env.rt.deps.db.query(`SELECT week_open::text AS w FROM annuaire_services WHERE di_id = 'dora--saison-1'`)).rows[0].w;
    expect(await week()).toBe('{}');
    env.clock.set('2027-07-07T10:00:00+02:00');
    await env.rt.deps.jobs.runNow('annuaire.refresh-hours', {});
    expect(await week()).toBe('{[540,1020),[1980,2460),[3420,3900),[4860,5340),[6300,6780)}');
    env.clock.set('2026-11-25T10:00:00+01:00');
  });
});

describe('territory', () => {
  it('gives the demo indicators and ratios per 1,000 single-parent families', async () => {
    const res = await env.client().get('/api/annuaire/territoire');
    expect(res.statusCode).toBe(200);
    const t = res.json();
    expect(t.demo).toBe(true);
    const town = t.rows.find((r: { id: string }) => r.id === 'amiens');
    expect(town.indicators.familles_monoparentales).toBe(6613);
    const etouvie = t.rows.find((r: { id: string }) => r.id === 'etouvie');
    expect(etouvie.ratios.dentiste.count).toBe(1);
    expect(etouvie.ratios.dentiste.per1000).toBeCloseTo(1000 / 980, 1);
  });

  it('a coordinator enters neighbourhood indicators, audited', async () => {
    const coord = await env.as('coordinator');
    const mark = await env.auditMark();
    const res = await coord.put('/api/annuaire/territoire/indicateurs', {
      year: 2025,
      source: 'INSEE',
      values: [{ neighbourhood: 'etouvie', indicator: 'familles_monoparentales', value: 990 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await env.expectAudit('annuaire/indicators-saved', null, { after: mark, actorId: coord.user.id })).details).toEqual({ year: 2025, count: 1 });
  });
});
