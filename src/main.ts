/** Starts the process: `serve`, or a CLI command. */
import { buildCli } from './cli/index';

buildCli()
  .parseAsync(process.argv)
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
