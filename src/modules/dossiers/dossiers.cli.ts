/** `relais dossiers renewals|purge-retention|retention|renewal-date` — thin: call the use case, print. */
import type { Command } from 'commander';
import type { Runtime } from '../../platform/runtime';
import { getRenewalDate } from './renewal.service';
import { isValidRenewalDate } from './renewal';
import { openDueRenewals } from './renewal.service';
import { purgeExpiredRetention } from './rights.service';
import { retentionCounts } from './dossiers.store';
import { saveRenewalDate } from './renewal.store';

async function withRuntime(boot: () => Promise<Runtime>, fn: (rt: Runtime) => Promise<void>) {
  const rt = await boot();
  try {
    await fn(rt);
  } finally {
    await rt.close();
  }
}

export function registerDossiersCli(program: Command, boot: () => Promise<Runtime>) {
  const g = program.command('dossiers').description('Dossier unique des familles');

  g.command('renewals')
    .description("Ouvrir les renouvellements annuels dus aujourd'hui (comme la tâche quotidienne)")
    .action(() =>
      withRuntime(boot, async (rt) => {
        const { opened } = await openDueRenewals(rt.deps);
        console.log(`${opened} renouvellement(s) ouvert(s).`);
      }),
    );

  g.command('purge-retention')
    .description('Effacer ce qui était conservé après effacement et dont la date est passée')
    .action(() =>
      withRuntime(boot, async (rt) => {
        const { purged } = await purgeExpiredRetention(rt.deps);
        console.log(`${purged} élément(s) effacé(s).`);
      }),
    );

  g.command('retention')
    .description('Calendrier de conservation (sans données personnelles)')
    .option('--json', 'sortie JSON')
    .action((opts: { json?: boolean }) =>
      withRuntime(boot, async (rt) => {
        const rows = await retentionCounts(rt.deps.db);
        if (opts.json) console.log(JSON.stringify(rows));
        else if (!rows.length) console.log('Rien n’est conservé.');
        else for (const r of rows) console.log(`${r.retainUntil}  ${r.category}  ${r.count}`);
      }),
    );

  g.command('renewal-date')
    .description('Afficher ou fixer la date annuelle de renouvellement (JJ/MM)')
    .argument('[date]', 'par exemple 01/09')
    .action((date: string | undefined) =>
      withRuntime(boot, async (rt) => {
        if (!date) {
          const d = await getRenewalDate(rt.deps.db);
          console.log(`${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}`);
          return;
        }
        const m = /^(\d{1,2})\/(\d{1,2})$/.exec(date);
        const d = m ? { day: Number(m[1]), month: Number(m[2]) } : null;
        if (!d || !isValidRenewalDate(d)) {
          console.error('Date impossible : écrivez JJ/MM, par exemple 01/09.');
          process.exitCode = 2;
          return;
        }
        await saveRenewalDate(rt.deps.db, d, rt.systemCtx().now());
        console.log(`Renouvellement annuel fixé au ${date}.`);
      }),
    );
}
