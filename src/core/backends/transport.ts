/**
 * Backends never call fetch themselves: they take a Transport. Behind Grafana it is
 * `getBackendSrv().fetch` through the data proxy; in the CLI, tests and benchmarks it is Node's fetch.
 * That keeps URL building, decoding and error handling in one place and testable without Grafana.
 */
export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  /**
   * Path relative to the backend's base URL, starting with '/', built only with `buildPath` so
   * every user value is encoded and the path is in the allow-list.
   */
  readonly path: string;
  /** Query parameters; array values repeat the key. Encoded by the transport. */
  readonly query?: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Aborting rejects the request with a TraceLensError of kind 'cancelled'. */
  readonly signal?: AbortSignal;
  /** Per-request timeout; the transport rejects with kind 'timeout' when it passes. */
  readonly timeoutMs?: number;
}

export interface HttpResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The raw body; decoders parse it, and byte counts for pushdown/sampling come from it. */
  readonly body: string;
  /**
   * The body's size in UTF-8 bytes when the transport received it as bytes (both built-in
   * transports do), so metering does not scan every response a second time; absent, it is counted.
   */
  readonly bytes?: number;
}

/**
 * Resolves with any HTTP status (the backend client turns non-2xx into errors with the server's
 * message); rejects only with a TraceLensError: 'unreachable', 'interrupted' (the body broke off),
 * 'too-large' (over the response limit), 'timeout', 'cancelled', 'http' for a redirect to another
 * origin, 'malformed' for a body encoding it cannot decode. Node's is `core/transport/nodeTransport`;
 * the shared pieces (limits, redaction, credentials) are in `core/transport`.
 */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;
