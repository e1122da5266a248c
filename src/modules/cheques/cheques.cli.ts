/**
 * `relais cheques …` — what the town's finance agent does outside the pages: credit a list
 * of families from a spreadsheet, export the month's reimbursements per partner, run the
 * yearly allowance now. Thin: parse, call a use case, print in French. Exit 2 on bad input.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { parisDate } from '../../platform/clock';
import type { Runtime } from '../../platform/runtime';
import { grantYearlyAllowances } from './allowance.service';
import { parseBulkCredits } from './bulk-credit';
import { euros } from './kinds';
import { creditList } from './ledger.service';
import { reimbursementsCsv } from './settlement.service';

async function withRuntime(boot: () => Promise<Runtime>, fn: (rt: Runtime) => Promise<void>) {
  const rt = await boot();
  try {
    await fn(rt);
  } finally {
    await rt.close();
  }
}

function fail(message: string) {
  console.error(message);
  process.exitCode = 2;
}

export function registerChequesCli(program: Command, boot: () => Promise<Runtime>) {
  const g = program.command('cheques').description('Chèques, carte alimentaire et Pass Famille Solo');

  g.command('crediter')
    .description('Créditer une liste de familles depuis un fichier CSV (colonnes : dossier ; type ; montant ; valable jusqu’au, facultative). Tout ou rien.')
    .argument('<fichier>', 'fichier CSV (séparateur « ; », « , » ou tabulation)')
    .requiredOption('--motif <texte>', 'motif du crédit, inscrit au journal (par exemple : commission du 12 mars)')
    .option('--rechargement', 'inscrire les crédits comme rechargements (carte alimentaire)')
    .option('--essai', 'vérifier le fichier sans rien créditer')
    .action(async (file: string, opts: { motif: string; rechargement?: boolean; essai?: boolean }) => {
      const reason = opts.motif.trim();
      if (reason.length < 3 || reason.length > 500) return fail('Le motif doit faire entre 3 et 500 caractères.');
      if (!fs.existsSync(file)) return fail(`Fichier introuvable : ${file}`);
      if (fs.statSync(file).size > 5_000_000) return fail('Fichier trop gros (5 Mo au plus).');
      await withRuntime(boot, async (rt) => {
        const ctx = rt.systemCtx();
        const { lines, problems } = parseBulkCredits(fs.readFileSync(file, 'utf8'), parisDate(ctx.now()));
        if (problems.length) {
          fail(
            [
              `${problems.length} problème(s) dans le fichier, rien n’a été crédité :`,
              ...problems.map((p) => `  ligne ${p.line}${p.column ? `, ${p.column}` : ''} : ${p.message}`),
            ].join('\n'),
          );
          return;
        }
        const total = lines.reduce((s, l) => s + l.amountCents, 0);
        if (opts.essai) {
          console.log(`Fichier correct : ${lines.length} crédit(s), ${euros(total)} au total. Rien n’a été crédité (essai).`);
          return;
        }
        const r = await creditList(ctx, lines, { reason, topUp: opts.rechargement });
        if (!r.ok) {
          fail([`${r.problems.length} ligne(s) refusée(s), rien n’a été crédité :`, ...r.problems.map((p) => `  ligne ${p.line} : ${p.message}`)].join('\n'));
          return;
        }
        console.log(`${r.credited} crédit(s) inscrit(s), ${euros(r.totalCents)} au total.`);
      });
    });

  g.command('remboursements')
    .description('Exporter les remboursements d’un mois par partenaire (CSV « ; », montants en euros)')
    .requiredOption('--mois <AAAA-MM>', 'le mois (terminé) à rembourser')
    .option('--etablir', 'établir d’abord les relevés des partenaires qui n’en ont pas encore')
    .option('--sortie <fichier>', 'écrire le CSV dans ce fichier (sinon : à l’écran)')
    .action(async (opts: { mois: string; etablir?: boolean; sortie?: string }) => {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.mois)) return fail('Mois attendu au format AAAA-MM (par exemple 2026-03).');
      await withRuntime(boot, async (rt) => {
        const ctx = rt.systemCtx();
        if (opts.etablir && opts.mois >= parisDate(ctx.now()).slice(0, 7))
          return fail('Ce mois n’est pas encore terminé : ses relevés ne peuvent pas être établis.');
        const r = await reimbursementsCsv(ctx, opts.mois, { settle: opts.etablir });
        if (opts.sortie) {
          fs.writeFileSync(opts.sortie, r.csv);
          console.log(`${r.partners} partenaire(s) dans ${opts.sortie}${opts.etablir ? `, ${r.settled} relevé(s) établi(s)` : ''}.`);
        } else process.stdout.write(r.csv);
      });
    });

  g.command('dotation')
    .description('Verser maintenant la dotation annuelle aux familles qui y ont droit (une fois par année civile ; la tâche de nuit le fait aussi)')
    .option('--essai', 'compter sans rien verser')
    .action(async (opts: { essai?: boolean }) => {
      await withRuntime(boot, async (rt) => {
        const r = await grantYearlyAllowances(rt.deps, { dryRun: opts.essai });
        console.log(
          `Dotation ${r.year}${opts.essai ? ' (essai, rien n’est versé)' : ''} : ${r.credited} famille(s)${opts.essai ? ' à créditer' : ' créditée(s)'}, ${euros(r.totalCents)} ; ${r.already} déjà servie(s) ; ${r.notEligible} hors conditions.`,
        );
      });
    });
}
