import { TraceLensError } from '../errors';

/**
 * How big one backend answer may be, compressed as it arrives and again once inflated. A search of
 * a few hundred large traces is tens of MB; a string past ~512 MB cannot even be held by V8. The
 * limit is what turns a hostile or broken backend (or a gzip bomb) into a clear error instead of an
 * out-of-memory crash, and it is checked while the body streams in, never after.
 */
export const DEFAULT_MAX_RESPONSE_MB = 256;
export const MAX_RESPONSE_MB_CEILING = 512;

const MB = 1024 * 1024;

export function megabytes(mb: number): number {
  return Math.floor(mb * MB);
}

/** "256 MB", "0.5 MB": how limits are written in every message. */
export function formatLimit(bytes: number): string {
  const mb = bytes / MB;
  return `${Number.isInteger(mb) ? mb : Number(mb.toPrecision(3))} MB`;
}

/**
 * The error for an answer over the limit. `stage` says which count crossed it, so a gzip bomb reads
 * differently from a plain oversized body.
 */
export function responseTooLarge(
  url: string,
  limitBytes: number,
  stage: 'declared' | 'received' | 'inflated'
): TraceLensError {
  const how =
    stage === 'declared'
      ? ' (its Content-Length says so; nothing was read)'
      : stage === 'inflated'
        ? ' once decompressed (a compressed body that inflates this far is refused while it streams)'
        : '';
  return new TraceLensError('too-large', `response from ${url} exceeds ${formatLimit(limitBytes)}${how}`);
}

/**
 * Counts bytes against a limit as chunks arrive. `add` returns false the moment the total passes
 * the limit, so the caller can stop reading at once.
 */
export class ByteBudget {
  private total = 0;

  constructor(readonly limit: number) {}

  add(n: number): boolean {
    this.total += n;
    return this.total <= this.limit;
  }

  get bytes(): number {
    return this.total;
  }
}
