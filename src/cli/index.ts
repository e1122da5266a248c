/** The `relais` command: one file per verb group, thin; modules add theirs. */
import { Command } from 'commander';
import { loadConfig } from '../config';
import { boot } from '../platform/runtime';
import { wireModules } from '../platform/wiring';
import { modules } from '../modules/registry';
import { registerServe } from './serve';
import { registerDb } from './db';
import { registerUser } from './user';

export function buildCli(): Command {
  // Commands that never start the database still throw AppErrors: their messages need the catalogue.
  wireModules(modules);
  const program = new Command('relais')
    .description('Relais — plateforme pour les familles monoparentales (ville, CCAS, partenaires)')
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true });
  const bootCli = () => boot(loadConfig(), { modules, jobs: 'send' });
  registerServe(program);
  registerDb(program, bootCli);
  registerUser(program, bootCli);
  for (const m of modules) m.cli?.(program, bootCli);
  return program;
}
