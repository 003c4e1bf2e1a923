import { Observable } from 'rxjs';

/**
 * A promise-returning core call as an Observable whose teardown aborts it. Grafana unsubscribes
 * when a query is cancelled or superseded; that abort reaches the transport and cancels the HTTP
 * request, so nothing keeps running for a panel that no longer wants the answer.
 */
export function fromAbortable<T>(run: (signal: AbortSignal) => Promise<T>): Observable<T> {
  return new Observable<T>((subscriber) => {
    const controller = new AbortController();
    let done = false;
    run(controller.signal).then(
      (value) => {
        done = true;
        subscriber.next(value);
        subscriber.complete();
      },
      (err: unknown) => {
        done = true;
        subscriber.error(err);
      }
    );
    return () => {
      if (!done) {
        controller.abort();
      }
    };
  });
}
