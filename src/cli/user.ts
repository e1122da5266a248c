import type { Command } from 'commander';
import type { Runtime } from '../platform/runtime';
import { insertUser } from '../platform/auth/auth.service';
import { ROLES, type Role } from '../platform/roles';
import { audit } from '../platform/audit';
import { tx } from '../platform/db/pool';
import { AppError } from '../platform/errors';
import { assertStructureExists } from '../platform/structures';
import { passwordFromEnv } from '../config';

export function registerUser(program: Command, boot: () => Promise<Runtime>) {
  const user = program.command('user').description('Gestion des comptes');
  user
    .command('create')
    .description('Crée un compte (agent, partenaire, coordination, administration ou parent)')
    .requiredOption('--identifier <email|téléphone>', 'adresse e-mail ou numéro de téléphone')
    .requiredOption('--role <role>', `rôle : ${ROLES.join(', ')}`)
    .requiredOption('--name <nom>', 'nom affiché')
    .option('--password <mot de passe>', 'mot de passe (sinon lu dans RELAIS_PASSWORD)')
    .option('--structure <uuid>', 'structure de l’annuaire (compte partenaire)')
    .action(async (o) => {
      if (!ROLES.includes(o.role)) {
        console.error(`Rôle inconnu : ${o.role}. Rôles : ${ROLES.join(', ')}`);
        process.exitCode = 2;
        return;
      }
      const password = o.password ?? passwordFromEnv();
      if (!password) {
        console.error('Indiquez --password ou la variable RELAIS_PASSWORD.');
        process.exitCode = 2;
        return;
      }
      const rt = await boot();
      try {
        const ctx = rt.systemCtx();
        const u = await tx(rt.deps.db, async (t) => {
          await assertStructureExists(t, o.structure);
          const created = await insertUser(t, { identifier: o.identifier, password, displayName: o.name, role: o.role as Role, structureId: o.structure });
          await audit(t, ctx, 'auth/account-created', { subjectType: 'user', subjectId: created.id, details: { role: o.role, via: 'cli' } });
          return created;
        });
        console.log(`Compte créé : ${u.id} (${u.role})`);
      } catch (err) {
        if (err instanceof AppError) {
          console.error(`${err.message}${err.fields ? ' ' + err.fields.map((f) => `${f.path}: ${f.message}`).join('; ') : ''}`);
          process.exitCode = 2;
        } else throw err;
      } finally {
        await rt.close();
      }
    });
}
