import { runFromProcess } from './bin';

/**
 * What `tracelens` runs, built (dist-cli/tracelens.js) or from source (bin/tracelens.js). A failure
 * that escapes main() is a bug: one line naming it, exit 1, never a stack dump over the output.
 */
runFromProcess().catch((e: unknown) => {
  process.stderr.write(`tracelens: unexpected failure: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
