import { Observable } from 'rxjs';

/** A partial or final value from a progressive core call. */
export interface Step<T> {
  readonly value: T;
  readonly final: boolean;
}

/** Partial results at most this often: each one rebuilds frames and the panel redraws. */
export const PROGRESS_INTERVAL_MS = 500;

/**
 * Like fromAbortable, for core calls that report partial results while they read a window: emits
 * the first partial result at once, then at most one per `intervalMs`, then the final one. The
 * teardown aborts the call, so a panel that unsubscribes stops the scan and its requests.
 */
export function fromProgressive<T>(
  run: (signal: AbortSignal, progress: (partial: T) => void) => Promise<T>,
  intervalMs = PROGRESS_INTERVAL_MS
): Observable<Step<T>> {
  return new Observable<Step<T>>((subscriber) => {
    const controller = new AbortController();
    let done = false;
    let last: number | undefined;
    const progress = (partial: T) => {
      const now = Date.now();
      if (done || (last !== undefined && now - last < intervalMs)) {
        return;
      }
      last = now;
      subscriber.next({ value: partial, final: false });
    };
    run(controller.signal, progress).then(
      (value) => {
        done = true;
        subscriber.next({ value, final: true });
        subscriber.complete();
      },
      (err: unknown) => {
        done = true;
        subscriber.error(err);
      }
    );
    return () => {
      if (!done) {
        done = true;
        controller.abort();
      }
    };
  });
}
