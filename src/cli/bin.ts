import { main } from './main';
import { nodeIO } from './nodeIO';

/**
 * The process entry that bin/tracelens.js loads. It sets exitCode instead of calling process.exit so
 * large outputs written to a pipe are flushed before Node exits.
 */
export async function runFromProcess(): Promise<void> {
  const { io, dispose } = nodeIO();
  try {
    process.exitCode = await main(process.argv.slice(2), io);
  } finally {
    dispose();
  }
}
