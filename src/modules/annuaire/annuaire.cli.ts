/** `relais annuaire import|export|search` — thin: parse, call the use case, print. */
import fs from 'node:fs';
import { Option, type Command } from 'commander';
import { AppError } from '../../platform/errors';
import type { Runtime } from '../../platform/runtime';
import { formatRowError } from './data-inclusion';
import { exportDirectoryChunks, type ExportKind } from './export-directory';
import { importDirectory } from './import-directory';
import { parseIndicatorsCsv } from './indicators-csv';
import { searchDirectory, searchQuerySchema } from './search-services';
import { saveIndicators } from './territory';

const MAX_PRINTED_ERRORS = 200;

/** Keep the exit code even if something later calls process.exit(0). */
function exitWith(code: number): void {
  process.exitCode = code;
  process.once('exit', () => {
    process.exitCode = code;
  });
}

async function withRuntime(boot: () => Promise<Runtime>, fn: (rt: Runtime) => Promise<void>) {
  const rt = await boot();
  try {
    await fn(rt);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    console.error(err.message);
    for (const f of err.fields ?? []) console.error(`  - ${f.path} : ${f.message}`);
    exitWith(2);
  } finally {
    await rt.close();
  }
}

/** The file's text, or null after saying why (exit code 2). */
function readInput(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    console.error(`Impossible de lire le fichier : ${file}`);
    exitWith(2);
    return null;
  }
}

export function registerAnnuaireCli(program: Command, boot: () => Promise<Runtime>) {
  const g = program.command('annuaire').description('Annuaire des services (format data·inclusion)');

  g.command('import')
    .description('Importer un fichier data·inclusion (structures ou services, JSON ou CSV) : tout ou rien')
    .argument('<fichier>', 'fichier .json ou .csv')
    .action(async (file: string) => {
      const text = readInput(file);
      if (text === null) return;
      await withRuntime(boot, async (rt) => {
        const started = performance.now();
        let lastPrint = 0;
        const outcome = await importDirectory(rt.systemCtx(), text, {
          // Progress for long imports, on a terminal only (not in a log or a pipe).
          onProgress: (done, total) => {
            if (process.stderr.isTTY && total >= 2000 && (performance.now() - lastPrint > 1000 || done === total)) {
              lastPrint = performance.now();
              process.stderr.write(`  ${done}/${total} lignes (${Math.round((done * 100) / total)} %)\n`);
            }
          },
        });
        if (outcome.errors.length) {
          console.error(`${outcome.errors.length} erreur(s) : rien n'a été importé.`);
          for (const e of outcome.errors.slice(0, MAX_PRINTED_ERRORS)) console.error(`  - ${formatRowError(e)}`);
          if (outcome.errors.length > MAX_PRINTED_ERRORS) console.error(`  … et ${outcome.errors.length - MAX_PRINTED_ERRORS} autres.`);
          exitWith(2);
          return;
        }
        const s = outcome.structures;
        const v = outcome.services;
        console.error(
          `Import terminé (${outcome.format.toUpperCase()}, ${((performance.now() - started) / 1000).toFixed(1)} s) : ` +
            `structures ${s.inserted} ajoutée(s), ${s.updated} mise(s) à jour ; services ${v.inserted} ajouté(s), ${v.updated} mis à jour.`,
        );
      });
    });

  g.command('export')
    .description('Exporter l’annuaire au format data·inclusion sur la sortie standard')
    .addOption(new Option('--format <format>', 'format').choices(['json', 'csv']).default('json'))
    .addOption(new Option('--type <type>', 'structures, services, ou les deux (JSON seulement)').choices(['all', 'structures', 'services']))
    .action(async (o: { format: 'json' | 'csv'; type?: ExportKind }) => {
      const kind: ExportKind = o.type ?? (o.format === 'csv' ? 'structures' : 'all');
      if (o.format === 'csv' && kind === 'all') {
        console.error('En CSV, choisissez --type structures ou --type services (un fichier par type).');
        exitWith(2);
        return;
      }
      await withRuntime(boot, async (rt) => {
        for await (const chunk of exportDirectoryChunks(rt.systemCtx(), o.format, kind)) {
          if (!process.stdout.write(chunk)) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
        }
      });
    });

  g.command('indicateurs')
    .description('Importer les indicateurs des quartiers (CSV : quartier;indicateur;annee;valeur[;source])')
    .argument('<fichier>', 'fichier .csv')
    .action(async (file: string) => {
      const text = readInput(file);
      if (text === null) return;
      await withRuntime(boot, async (rt) => {
        const ctx = rt.systemCtx();
        const { rows, errors } = parseIndicatorsCsv(text, [ctx.town.id, ...ctx.town.neighbourhoods.map((n) => n.id)]);
        if (errors.length) {
          console.error(`${errors.length} erreur(s) : rien n'a été importé.`);
          for (const e of errors) console.error(`  - ligne ${e.line} : ${e.message}`);
          exitWith(2);
          return;
        }
        const byYear = new Map<number, typeof rows>();
        for (const r of rows) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
        for (const [year, list] of byYear) {
          await saveIndicators(ctx, {
            year,
            source: list[0].source,
            values: list.map((r) => ({ neighbourhood: r.neighbourhood, indicator: r.indicator, value: r.value })),
          });
        }
        console.error(`${rows.length} valeur(s) enregistrée(s).`);
      });
    });

  g.command('search')
    .description('Chercher dans l’annuaire, comme la page « J’ai besoin de… »')
    .argument('[texte...]', 'mots cherchés (accents, pluriels et fautes tolérés)')
    .option('--besoin <besoin>', 'sante, hebergement, alimentation, emploi, garde, droits, loisirs, repit')
    .option('--thematique <liste>', 'thématiques data·inclusion, séparées par des virgules')
    .option('--public <liste>', 'publics data·inclusion')
    .option('--profession <profession>', 'generaliste, dentiste, …')
    .option('--ouvert <quand...>', 'maintenant, samedi-matin, apres-18h')
    .option('--pres-de <quartier>', 'trier par distance depuis ce quartier')
    .option('--lat <lat>')
    .option('--lon <lon>')
    .option('--rayon-km <km>')
    .option('--pass', 'accepte le Pass Famille Solo')
    .option('--label', 'label « Ville solidaire avec les parents solos »')
    .option('--enfants', 'accessible avec enfants')
    .option('--page <n>', 'page', '1')
    .option('--json', 'sortie JSON')
    .action(async (words: string[], o: Record<string, string | boolean | string[] | undefined>) => {
      const parsed = searchQuerySchema.safeParse({
        q: words.length ? words.join(' ') : undefined,
        besoin: o.besoin,
        thematique: o.thematique,
        public: o.public,
        profession: o.profession,
        ouvert: o.ouvert,
        pres_de: o.presDe,
        lat: o.lat,
        lon: o.lon,
        rayon_km: o.rayonKm,
        pass: o.pass ? true : undefined,
        label: o.label ? true : undefined,
        enfants: o.enfants ? true : undefined,
        page: o.page,
      });
      if (!parsed.success) {
        for (const i of parsed.error.issues) console.error(`  - ${i.path.join('.')} : ${i.message}`);
        exitWith(2);
        return;
      }
      await withRuntime(boot, async (rt) => {
        const r = await searchDirectory(rt.systemCtx(), parsed.data);
        if (o.json) {
          process.stdout.write(JSON.stringify(r, null, 2) + '\n');
          return;
        }
        console.log(
          `${r.total} service(s)${r.mots.length ? ` pour « ${r.mots.join(' ')} »` : ''}${r.origine?.quartier ? `, du plus proche au plus loin de ${r.origine.quartier}` : ''} :`,
        );
        for (const s of r.services) {
          const dist = s.distance_m !== null ? ` — ${(s.distance_m / 1000).toFixed(1)} km` : '';
          console.log(`• ${s.nom} (${s.structure.nom})${dist}${s.demo ? ' [démo]' : ''}`);
          const place = [s.adresse, [s.code_postal, s.commune].filter(Boolean).join(' ')].filter(Boolean).join(', ');
          if (place) console.log(`    ${place}`);
          if (s.horaires) console.log(`    ${s.horaires.statut} · ${s.horaires.osm}`);
          if (s.telephone) console.log(`    Tél. ${s.telephone}`);
        }
      });
    });
}
