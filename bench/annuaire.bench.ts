/**
 * Directory figures, on a national-scale generated directory (10,000 structures,
 * 100,000 services scattered over mainland France, data·inclusion JSON):
 * - annuaire_import_rows_per_s: `importDirectory` of both files (validation, normalisation,
 *   weekly intervals, one transaction each), structures + services rows per second;
 * - annuaire_import_100k_services_s: the second file alone, 100,000 new services (issue 20's
 *   "100,000 directory records ≤ 10 s"), with the load average beside it; then its phases —
 *   annuaire_import_100k_checked_s (the file read and every record checked, before anything is
 *   written), annuaire_import_100k_copy_s (the COPY, rows built as the server takes them),
 *   annuaire_import_100k_finish_s (text index merge, typo lexicon, audit, commit) — and the CPU
 *   each side spent (annuaire_import_100k_app_cpu_s, annuaire_import_100k_db_cpu_s), which
 *   hold on a shared machine where wall times follow the load;
 * - annuaire_search_p50_ms / annuaire_search_p95_ms: GET /api/annuaire/services with
 *   French text + distance from a town (30 km, sorted by distance), sequential, over loopback.
 */
import os from 'node:os';
import { importDirectory } from '../src/modules/annuaire/import-directory';
import { percentile, startBenchApp, type Report } from './harness';
import { serverCpu } from './lib/server-cpu';

const STRUCTURES = 10_000;
const SERVICES = 100_000;
const SEARCHES = 400;

// A deterministic pseudo-random generator: the same directory every run.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TOWNS: [string, number, number, string][] = [
  ['Amiens', 49.894, 2.296, '80021'],
  ['Lille', 50.629, 3.057, '59350'],
  ['Paris', 48.857, 2.352, '75056'],
  ['Lyon', 45.764, 4.836, '69123'],
  ['Marseille', 43.296, 5.37, '13055'],
  ['Toulouse', 43.605, 1.444, '31555'],
  ['Nantes', 47.218, -1.554, '44109'],
  ['Strasbourg', 48.573, 7.752, '67482'],
  ['Bordeaux', 44.838, -0.579, '33063'],
  ['Rennes', 48.117, -1.678, '35238'],
  ['Dijon', 47.322, 5.041, '21231'],
  ['Rouen', 49.443, 1.1, '76540'],
];
const KINDS: [string, string, string[]][] = [
  ['Cabinet dentaire', 'Soins dentaires, urgences et suivi des enfants', ['sante--acces-aux-soins']],
  ['Maison de santé', 'Médecins généralistes et infirmiers, consultations sans rendez-vous', ['sante--acces-aux-soins']],
  ['Épicerie solidaire', 'Aide alimentaire et produits pour bébés à petits prix', ['equipement-et-alimentation--alimentation']],
  ['Crèche', 'Accueil des jeunes enfants, places en accueil occasionnel', ['famille--garde-denfants']],
  [
    'Centre social',
    'Soutien à la parentalité, ateliers et sorties familles',
    ['famille--soutien-a-la-parentalite-et-a-leducation', 'remobilisation--lien-social'],
  ],
  ['Mission locale', 'Accompagnement vers l’emploi et la formation des jeunes', ['trouver-un-emploi--repondre-a-des-offres-demploi']],
  [
    'Point info logement',
    'Hébergement d’urgence, maintien dans le logement, impayés de loyer',
    ['logement-hebergement--rechercher-une-solution-dhebergement-temporaire'],
  ],
  [
    'France services',
    'Accès aux droits et aide aux démarches administratives en ligne',
    ['difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives'],
  ],
  ['Club sportif', 'Sport et activités culturelles pour les enfants et les parents', ['remobilisation--activites-sportives-et-culturelles']],
];
const HOURS = [
  'Mo-Fr 08:30-12:00,13:30-17:00; PH off',
  'Mo-Fr 09:00-18:00; Sa 09:00-12:00',
  'Mo-Sa 08:00-19:30',
  'Tu,Th 14:00-18:30; Sa 09:00-12:00',
  'Mo-Fr 07:00-19:00',
  'We 09:00-12:00,14:00-18:00',
  'Mo-Fr 17:00-21:00; Sa 10:00-18:00',
  '24/7',
  'Mo,We,Fr 09:00-11:30',
  'Mo-Fr 08:30-12:00,14:00-19:00; Sa 08:30-12:00; PH off',
];
const QUERIES = [
  'dentiste',
  'aide alimentaire',
  'creche',
  'emploi jeunes',
  'hebergement urgence',
  'soutien parentalite',
  'medecin',
  'demarches administratives',
  'sport enfants',
  'epiceries solidaires',
  'logement',
  'garde enfant',
];

function generate() {
  const r = rng(42);
  const structures: Record<string, unknown>[] = [];
  const services: Record<string, unknown>[] = [];
  for (let i = 0; i < STRUCTURES; i++) {
    const [town, lat, lon, insee] = TOWNS[Math.floor(r() * TOWNS.length)];
    const [kind] = KINDS[i % KINDS.length];
    structures.push({
      source: 'bench',
      id: `bench--s${i}`,
      nom: `${kind} ${town} ${i}`,
      date_maj: '2026-06-01',
      commune: town,
      code_insee: insee,
      adresse: `${1 + (i % 120)} rue de la République`,
      latitude: Math.round((lat + (r() - 0.5) * 0.6) * 1e5) / 1e5,
      longitude: Math.round((lon + (r() - 0.5) * 0.9) * 1e5) / 1e5,
      horaires_accueil: HOURS[i % HOURS.length],
      telephone: `+3339900${String(i).padStart(4, '0')}`,
    });
  }
  for (let j = 0; j < SERVICES; j++) {
    const si = Math.floor(j / (SERVICES / STRUCTURES));
    const [kind, description, thematiques] = KINDS[(si + (j % 3)) % KINDS.length];
    services.push({
      source: 'bench',
      structure_id: `bench--s${si}`,
      id: `bench--v${j}`,
      nom: `${kind} : service ${j}`,
      description: `${description}. Service numéro ${j}.`,
      date_maj: '2026-06-01',
      thematiques,
      publics: ['familles'],
      frais: j % 2 ? 'gratuit' : 'payant',
      horaires_accueil: j % 4 === 0 ? HOURS[(j >> 2) % HOURS.length] : null,
    });
  }
  return { structures, services };
}

export default async function run(report: Report) {
  const bench = await startBenchApp();
  try {
    const { structures, services } = generate();
    const ctx = bench.rt.systemCtx();
    const structuresFile = JSON.stringify(structures);
    const servicesFile = JSON.stringify(services);
    const t0 = performance.now();
    const a = await importDirectory(ctx, structuresFile);
    const serverMs = await serverCpu(bench.rt.deps.db);
    const server0 = serverMs?.() ?? 0;
    const app0 = process.cpuUsage();
    let copyFrom = 0;
    let copyTo = 0;
    const t1 = performance.now();
    const b = await importDirectory(ctx, servicesFile, {
      batchSize: 2000,
      onProgress: (done, total) => {
        copyFrom ||= performance.now();
        if (done === total) copyTo = performance.now();
      },
    });
    const t2 = performance.now();
    const appCpu = process.cpuUsage(app0);
    const serverCpuS = serverMs ? (serverMs() - server0) / 1000 : null;
    if (a.errors.length || b.errors.length) throw new Error(`bench import refused: ${JSON.stringify([...a.errors, ...b.errors].slice(0, 3))}`);
    if (b.services.inserted !== SERVICES) throw new Error(`bench import wrote ${b.services.inserted} services`);
    report('annuaire_import_rows_per_s', Math.round((STRUCTURES + SERVICES) / ((t2 - t0) / 1000)), 'rows/s');
    report('annuaire_import_100k_services_s', (t2 - t1) / 1000, `s (aim ≤ 10 s; load ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores)`);
    report('annuaire_import_100k_checked_s', (copyFrom - t1) / 1000, 's (file read, every record checked, first 1,000 rows written)');
    report('annuaire_import_100k_copy_s', (copyTo - copyFrom) / 1000, 's (the other rows handed to the COPY)');
    report('annuaire_import_100k_finish_s', (t2 - copyTo) / 1000, 's (end of the COPY, text index merge, lexicon, audit, commit)');
    report('annuaire_import_100k_app_cpu_s', (appCpu.user + appCpu.system) / 1e6, 's of CPU (this process)');
    if (serverCpuS !== null) report('annuaire_import_100k_db_cpu_s', serverCpuS, 's of CPU (PostgreSQL server)');
    await bench.rt.deps.db.query('ANALYZE annuaire_services; ANALYZE annuaire_structures; ANALYZE annuaire_words');

    const r = rng(7);
    const query = () => {
      const [, lat, lon] = TOWNS[Math.floor(r() * TOWNS.length)];
      const q = QUERIES[Math.floor(r() * QUERIES.length)];
      return `${bench.url}/api/annuaire/services?q=${encodeURIComponent(q)}&lat=${lat}&lon=${lon}&rayon_km=30&par_page=20`;
    };
    for (let i = 0; i < 40; i++) await (await fetch(query())).arrayBuffer(); // warm-up
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < SEARCHES; i++) {
      const url = query();
      const s = performance.now();
      const res = await fetch(url);
      const body = (await res.json()) as { total: number };
      times.push(performance.now() - s);
      if (res.status !== 200) throw new Error(`search failed: ${res.status}`);
      if (body.total > 0) found++;
    }
    if (found < SEARCHES / 2) throw new Error(`searches found too little (${found}/${SEARCHES})`);
    times.sort((x, y) => x - y);
    report('annuaire_search_p50_ms', percentile(times, 50), 'ms');
    report('annuaire_search_p95_ms', percentile(times, 95), 'ms');
  } finally {
    await bench.close();
  }
}
