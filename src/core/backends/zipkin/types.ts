/**
 * Zipkin's API v2 JSON, as zipkin-server 3.5.1 writes and reads it (zipkin-api's zipkin2-api.yaml).
 * Only this folder reads these shapes; everything else sees the one trace model.
 */

export type ZipkinKind = 'CLIENT' | 'SERVER' | 'PRODUCER' | 'CONSUMER';

export interface ZipkinEndpoint {
  /** Lower-cased by the server on the way in. */
  serviceName?: string;
  ipv4?: string;
  ipv6?: string;
  port?: number;
}

export interface ZipkinAnnotation {
  /** Microseconds since the epoch. */
  timestamp: number;
  value: string;
}

export interface ZipkinSpan {
  /** 16 or 32 lowercase hex digits. */
  traceId: string;
  /** 16 lowercase hex digits. */
  id: string;
  parentId?: string;
  /** Lower-cased by the server on the way in. */
  name?: string;
  /** Absent for a span inside one process (OpenTelemetry's INTERNAL). */
  kind?: ZipkinKind;
  /** Microseconds since the epoch. */
  timestamp?: number;
  /** Microseconds. */
  duration?: number;
  localEndpoint?: ZipkinEndpoint;
  remoteEndpoint?: ZipkinEndpoint;
  annotations?: ZipkinAnnotation[];
  /** Values are always strings on the wire. */
  tags?: Record<string, string>;
  debug?: boolean;
  shared?: boolean;
}

/** `GET /api/v2/dependencies`. */
export interface ZipkinDependencyLink {
  parent: string;
  child: string;
  callCount: number;
  errorCount?: number;
}
