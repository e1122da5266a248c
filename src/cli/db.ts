import path from 'node:path';
import type { Command } from 'commander';
import type { Runtime } from '../platform/runtime';
import { dumpDatabase, restoreDatabase } from '../platform/db/backup';
import { currentOwner, isAlive } from '../platform/db/embedded';
import { loadConfig } from '../config';

/**
 * Is the embedded cluster free of any other Relais process? With `stop`, ask its owner
 * (a server) to stop (SIGTERM: it closes HTTP, the queue, then PostgreSQL) and wait.
 */
async function freeEmbeddedCluster(stop: boolean): Promise<boolean> {
  const config = loadConfig();
  if (config.DATABASE_URL) return true;
  const owner = currentOwner(path.join(config.dataDir, 'pg'));
  if (!owner || owner.pid === process.pid) return true;
  if (!stop) {
    console.error(
      `Restauration refusée : le processus Relais ${owner.pid} (un serveur \`relais serve\` ?) utilise PostgreSQL embarqué de ${config.dataDir}. ` +
        `Arrêtez-le, ou relancez avec --stop-server pour qu'il soit arrêté d'abord.`,
    );
    return false;
  }
  console.error(`Arrêt du processus Relais ${owner.pid}…`);
  try {
    process.kill(owner.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  const deadline = performance.now() + 60_000;
  while (isAlive(owner)) {
    if (performance.now() > deadline) {
      console.error(`Restauration refusée : le processus ${owner.pid} ne s'est pas arrêté en 60 s.`);
      return false;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return true;
}

export function registerDb(program: Command, boot: () => Promise<Runtime>) {
  const db = program.command('db').description('Sauvegarde et restauration de la base');
  db.command('dump')
    .description('Sauvegarde complète de la base dans FICHIER')
    .argument('<fichier>', 'fichier de sauvegarde à écrire')
    .action(async (file: string) => {
      const rt = await boot();
      try {
        const kind = await dumpDatabase(rt.deps.db, rt.databaseUrl, path.resolve(file), (m) => console.error(m));
        console.log(`Sauvegarde écrite : ${file} (format ${kind === 'pg_dump' ? 'pg_dump custom' : 'Relais JSON gzip'})`);
      } finally {
        await rt.close();
      }
    });
  db.command('restore')
    .description('Restaure FICHIER dans une base vide (migrée à la même version)')
    .argument('<fichier>', 'sauvegarde produite par `relais db dump`')
    .option('--stop-server', "arrête d'abord le processus Relais (serveur) qui utilise PostgreSQL embarqué")
    .action(async (file: string, opts: { stopServer?: boolean }) => {
      // A restore replaces what a running server reads and writes: never under its feet.
      if (!(await freeEmbeddedCluster(Boolean(opts.stopServer)))) {
        process.exitCode = 2;
        return;
      }
      const rt = await boot();
      try {
        if (rt.embedded && rt.embedded.role !== 'owner') {
          throw new Error("un autre processus Relais a repris PostgreSQL embarqué entre-temps : arrêtez-le d'abord");
        }
        await restoreDatabase(rt.deps.db, rt.databaseUrl, path.resolve(file), (m) => console.error(m));
        console.log('Restauration terminée.');
      } catch (err) {
        console.error(`Restauration impossible : ${(err as Error).message}`);
        process.exitCode = 2;
      } finally {
        await rt.close();
      }
    });
}
