/**
 * Errors are values at the core's boundaries. Every failure that can reach a user carries a kind
 * (so shells can choose how to show it) and a message that names the cause.
 */
export type TraceLensErrorKind =
  | 'parse' // the TraceQL text is malformed; line and column are in the message
  | 'validate' // the query parses but cannot run (types, unsupported combination)
  | 'unsupported' // a construct this backend and the engine cannot answer
  | 'unreachable' // the backend could not be contacted (DNS, refused, reset before an answer)
  | 'interrupted' // the backend started answering, then the connection broke before the body ended
  | 'too-large' // the answer is bigger than the configured response limit (compressed or inflated)
  | 'http' // the backend answered with a non-2xx status (or a redirect TraceLens will not follow)
  | 'malformed' // the backend answered with a body we cannot decode
  | 'timeout' // the backend did not answer in time
  | 'cancelled' // the caller aborted the request
  | 'forbidden-path' // a request path not in the allow-list (path traversal guard)
  | 'input'; // bad user input other than a query (a trace id that is not hex, a bad file)

export class TraceLensError extends Error {
  readonly kind: TraceLensErrorKind;
  /** HTTP status where the cause is an HTTP answer. */
  readonly status?: number;

  constructor(kind: TraceLensErrorKind, message: string, options?: { status?: number; cause?: unknown }) {
    super(message);
    this.name = 'TraceLensError';
    this.kind = kind;
    this.status = options?.status;
    if (options?.cause !== undefined) {
      (this as { cause?: unknown }).cause = options.cause;
    }
  }
}

export function isTraceLensError(e: unknown): e is TraceLensError {
  return e instanceof TraceLensError;
}

/** A readable message from anything thrown, for the few places that must catch everything. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) {
    return e.message;
  }
  if (typeof e === 'string') {
    return e;
  }
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}
