/**
 * Service logs as JSON lines carrying trace_id and span_id of the active span: the tracing guide's log
 * correlation practice, so a log line leads to its trace and back.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { trace } from '@opentelemetry/api';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  log(level: LogLevel, msg: string, fields?: LogFields): void;
  close(): Promise<void>;
}

export function createLogger(service: string, file: string): Logger {
  mkdirSync(dirname(file), { recursive: true });
  const out: WriteStream = createWriteStream(file, { flags: 'a' });
  return {
    log(level, msg, fields = {}) {
      const ctx = trace.getActiveSpan()?.spanContext();
      const line = {
        time: new Date().toISOString(),
        level,
        service,
        msg,
        trace_id: ctx?.traceId,
        span_id: ctx?.spanId,
        trace_sampled: ctx ? (ctx.traceFlags & 1) === 1 : undefined,
        ...fields,
      };
      out.write(JSON.stringify(line) + '\n');
    },
    close: () => new Promise<void>((resolve) => out.end(() => resolve())),
  };
}
