/** `relais pilotage indicateurs|calculer` — thin: parse, call, print. */
import type { Command } from 'commander';
import type { Runtime } from '../../platform/runtime';
import { evaluateRegistry, snapshot } from './compute';
import { addMonths, isPeriod, periodOf, periodRange } from './periods';

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
}
