import path from 'node:path';
import type { Command } from 'commander';
import type { Runtime } from '../platform/runtime';
import { dumpDatabase, restoreDatabase } from '../platform/db/backup';

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
    .action(async (file: string) => {
      const rt = await boot();
      try {
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
