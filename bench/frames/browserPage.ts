/**
 * The page side of browserFrames.bench.ts, bundled for Chromium: the same inputs and the same data
 * source path as the Node rows (frames.bench.ts), timed in the browser where the data source
 * really runs. Node's jsdom globals are not needed here (the page has a real DOM), so the bundler
 * replaces ./nodeGlobals with an empty module.
 */
import { dataSourcePath } from './dataSourcePath';
import { checkFloor, floorPath } from './floor';
import { jaegerSearchInput, tempoSearchInput, traceByIdInput, type FrameInput } from './inputs';

export type BrowserRow = 'v1' | 'api_v3' | 'tempo' | 'search-v1' | 'search-api_v3' | 'search-tempo';

export interface BrowserTiming {
  readonly label: string;
  readonly megabytes: number;
  readonly parseMs: number;
  /** The row's floor (floor.ts): JSON.parse plus the least any decoder must do. */
  readonly floorMs: number;
  readonly framesMs: number;
}

function inputOf(row: BrowserRow): FrameInput {
  switch (row) {
    case 'v1':
      return traceByIdInput('jaeger-v1', 10_000);
    case 'api_v3':
      return traceByIdInput('jaeger-api-v3', 10_000);
    case 'tempo':
      return traceByIdInput('tempo', 10_000);
    case 'search-v1':
      return jaegerSearchInput('jaeger-v1');
    case 'search-api_v3':
      return jaegerSearchInput('jaeger-api-v3');
    case 'search-tempo':
      return tempoSearchInput();
  }
}

/** Lets the page idle between runs, as it does between a user's queries. */
function idle(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/**
 * JSON.parse of the body, the row's floor and the bytes → frames path, interleaved, `warmup`
 * untimed rounds first; medians of wall time (the page has no CPU clock). Every variant gets the
 * same idle time after each run, so the browser's concurrent collector works outside any timed
 * region alike.
 */
async function run(row: BrowserRow, rounds: number, warmup: number): Promise<BrowserTiming> {
  const input = inputOf(row);
  const path = dataSourcePath(input);
  const floor = floorPath(input);
  const text = input.body;
  await checkFloor(input, floor, path);
  const parse: number[] = [];
  const floors: number[] = [];
  const frames: number[] = [];
  let kept = 0;
  for (let r = 0; r < warmup + rounds; r++) {
    let t = performance.now();
    kept += JSON.parse(text) === null ? 0 : 1;
    const p = performance.now() - t;
    await idle(50);
    t = performance.now();
    kept += floor();
    const l = performance.now() - t;
    await idle(50);
    t = performance.now();
    kept += (await path()).data.length;
    const f = performance.now() - t;
    await idle(50);
    if (r >= warmup) {
      parse.push(p);
      floors.push(l);
      frames.push(f);
    }
  }
  if (kept === 0) {
    throw new Error(`${input.label}: nothing was produced`);
  }
  return {
    label: input.label,
    megabytes: text.length / 1e6,
    parseMs: median(parse),
    floorMs: median(floors),
    framesMs: median(frames),
  };
}

(globalThis as unknown as { tracelensBench: { run: typeof run } }).tracelensBench = { run };
