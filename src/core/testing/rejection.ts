import { TraceLensError } from '../errors';

/**
 * The TraceLensError a promise rejects with, for tests. Fails the test when the promise resolves,
 * and rethrows anything that is not a TraceLensError (a bug, not an error the code reports).
 */
export async function rejection(p: Promise<unknown>): Promise<TraceLensError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TraceLensError) {
      return e;
    }
    throw e;
  }
  throw new Error('expected a rejection');
}
