/** `relais pilotage indicateurs|calculer` — thin: parse, call, print. */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../platform/errors';
import type { Runtime } from '../../platform/runtime';
import { evaluateRegistry, snapshot } from './compute';
import { addMonths, isPeriod, periodOf, periodRange } from './periods';
import { importFigures } from './territory.service';

export function registerPilotageCli(program: Command, boot: () => Promise<Runtime>) {
  const g = program.command('pilotage').description("Pilotage du plan d'action");

  g.command('indicateurs')
    .description('Évaluer tous les indicateurs de Relais pour un mois, par quartier')
    .option('--mois <AAAA-MM>', 'mois (par défaut : le mois en cours)')
    .option('--json', 'sortie JSON')
    .action(async (opts: { mois?: string; json?: boolean }) => {
      if (opts.mois && !isPeriod(opts.mois)) {
        console.error('Mois attendu au format AAAA-MM.');
        process.exitCode = 2;
        return;
      }
      const rt = await boot();
      try {
        const ctx = rt.systemCtx();
        const period = opts.mois ?? periodOf(ctx.now());
        const list = await evaluateRegistry(ctx.db, ctx.town, period);
        if (opts.json) console.log(JSON.stringify({ period, indicators: list }, null, 2));
        else for (const i of list) console.log(`${i.id}\t${i.label}\t${i.values.map((v) => `${v.neighbourhood}=${v.value}`).join(' ')}`);
      } finally {
        await rt.close();
      }
    });

  g.command('calculer')
    .description('Relever maintenant les indicateurs calculés de tous les plans')
    .option('--depuis <AAAA-MM>', 'premier mois (par défaut : 5 mois avant le mois en cours)')
    .option('--jusqu-a <AAAA-MM>', 'dernier mois (par défaut : le mois en cours)')
    .action(async (opts: { depuis?: string; jusquA?: string }) => {
      for (const p of [opts.depuis, opts.jusquA]) {
        if (p && !isPeriod(p)) {
          console.error('Mois attendu au format AAAA-MM.');
          process.exitCode = 2;
          return;
        }
      }
      const rt = await boot();
      try {
        const ctx = rt.systemCtx();
        const to = opts.jusquA ?? periodOf(ctx.now());
        const r = await snapshot(ctx.db, ctx.town, { periods: periodRange(opts.depuis ?? addMonths(to, -5), to, 24), now: ctx.now() });
        console.log(
          `${r.indicators} indicateur(s), ${r.values} valeur(s) enregistrée(s)${r.unavailable.length ? `, ${r.unavailable.length} indisponible(s)` : ''}.`,
        );
      } finally {
        await rt.close();
      }
    });

  const territoire = g.command('territoire').description('Chiffres du territoire (INSEE, observatoire…) par quartier ou IRIS');
  territoire
    .command('import')
    .description("Importer les chiffres d'une année depuis un CSV (zone ; familles ; familles_monoparentales ; …), tout ou rien")
    .argument('<fichier>', 'fichier CSV (séparateur , ; ou tabulation)')
    .requiredOption('--source <texte>', 'source des chiffres, affichée avec eux (ex. « INSEE, RP 2021 »)')
    .requiredOption('--year <AAAA>', 'année des chiffres')
    .action(async (file: string, opts: { source: string; year: string }) => {
      const year = Number(opts.year);
      if (!/^\d{4}$/.test(opts.year) || year < 1990 || year > 2100) {
        console.error('Année attendue sur 4 chiffres, entre 1990 et 2100 (--year 2021).');
        process.exitCode = 2;
        return;
      }
      if (opts.source.trim().length < 3) {
        console.error('Indiquez la source des chiffres (--source « INSEE, RP 2021 »).');
        process.exitCode = 2;
        return;
      }
      let csv: string;
      try {
        csv = fs.readFileSync(file, 'utf8');
      } catch {
        console.error(`Fichier illisible : ${file}`);
        process.exitCode = 2;
        return;
      }
      const rt = await boot();
      try {
        const r = await importFigures(rt.systemCtx(), { csv, year, source: opts.source, fileName: path.basename(file) }, { system: true });
        console.log(`${r.values} chiffre(s) importé(s) pour ${r.areas} territoire(s), année ${r.year}.`);
        if (r.ignored.length) console.log(`Colonnes laissées de côté : ${r.ignored.join(', ')}.`);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        console.error(err.message);
        for (const f of err.fields ?? []) console.error(`  ${f.message}`);
        process.exitCode = 2;
      } finally {
        await rt.close();
      }
    });
}
