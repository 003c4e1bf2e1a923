import { TraceLensError } from '../errors';

/**
 * Runs `fn` over `items` with at most `limit` in flight. The first failure (or the caller's abort)
 * aborts every other in-flight call through the signal handed to `fn`, and is what rejects.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, signal: AbortSignal) => Promise<R>,
  signal?: AbortSignal
): Promise<R[]> {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  if (signal?.aborted) {
    throw new TraceLensError('cancelled', 'the request was cancelled');
  }
  signal?.addEventListener('abort', onAbort, { once: true });
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i], controller.signal);
      } catch (e) {
        if (failure === undefined) {
          failure = { error: e };
          controller.abort();
        }
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (signal?.aborted) {
    throw new TraceLensError('cancelled', 'the request was cancelled');
  }
  if (failure !== undefined) {
    throw failure.error;
  }
  return results;
}
