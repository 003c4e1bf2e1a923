/**
 * The backend interface. Every tracing backend (Jaeger, Tempo, ...) is one folder under
 * core/backends holding its wire types, client, pushdown and planner, and an object implementing
 * `BackendModule`; `registry.ts` lists them. Everything outside a backend's folder works through
 * these types and never asks which backend it has.
 */
import type { Trace } from '../model/types';
import type { PlanExplanation, QueryPlan, TimeWindow } from '../plan';
import type {
  FetchOutcome,
  InstantMetricsOutcome,
  MetricsOptions,
  MetricsOutcome,
  Notice,
  SearchOptions,
  SearchOutcome,
  Window,
} from '../query/types';
import type { RootNode } from '../traceql/ast';
import type { PathSet } from './paths';
import type { Transport } from './transport';

/** What a data source or the CLI configures; the registry checks the numbers and fills defaults. */
export interface BackendConfig {
  /** A registered backend's name (`jaeger`, `tempo`, ...): the registry's keys. */
  readonly kind: string;
  readonly transport: Transport;
  /** A second endpoint for SDK sampling strategies (Jaeger's port 5778), when configured. */
  readonly samplingTransport?: Transport;
  /** Most traces fetched per backend search for engine-side evaluation (default 100). */
  readonly searchDepth?: number;
  /** Parallel requests when a query fans out (services, trace fetches); default 4. */
  readonly maxConcurrency?: number;
}

/** What a module's `create` receives: the config with its numbers checked and defaulted. */
export interface BackendOptions {
  readonly transport: Transport;
  readonly samplingTransport?: Transport;
  readonly searchDepth: number;
  readonly maxConcurrency: number;
}

/** Things beyond TraceQL that only some backends answer; shells offer them when true. */
export interface BackendFeatures {
  /** `dependencies()` reads the backend's own service-call aggregation. */
  readonly dependencies: boolean;
  /** `samplingStrategy()` reads the sampling strategies the backend hands to SDKs. */
  readonly samplingStrategies: boolean;
  /**
   * The backend's pipeline writes service-graph metrics (`traces_service_graph_*`) to Prometheus,
   * so a data source can draw the graph from them when one is configured.
   */
  readonly serviceGraphMetrics: boolean;
  /**
   * The server runs TraceQL metrics queries itself over every span it holds (Tempo), so per-service
   * aggregates need no trace read here. Its answer is used only when it says it was not bounded.
   */
  readonly traceqlMetrics: boolean;
}

export interface BackendHealth {
  /** The registry name of the backend that answered. */
  readonly kind: string;
  /** Which read API is used, e.g. 'v3' or 'v1' for Jaeger, 'v2' for Tempo. */
  readonly api: string;
  /** Server version where reported ('' otherwise). */
  readonly version: string;
  /** One line for a health check: what the server is. */
  readonly message: string;
}

export interface Operation {
  readonly name: string;
  /** '' where the backend does not say. */
  readonly spanKind: string;
}

export interface TagScope {
  /** `resource`, `span`, `intrinsic`, ... or `unscoped` where a backend has no scopes. */
  readonly name: string;
  readonly tags: readonly string[];
}

export interface TagValue {
  readonly type: string;
  readonly value: string;
}

/** One service-to-service call count from a backend's own aggregation. */
export interface DependencyLink {
  readonly parent: string;
  readonly child: string;
  readonly callCount: number;
}

/** The sampling strategy a backend hands to SDKs for one service, normalised. */
export interface SamplingStrategy {
  readonly service: string;
  readonly strategyType: 'PROBABILISTIC' | 'RATE_LIMITING';
  /** For PROBABILISTIC: the probability; for per-operation strategies: the default probability. */
  readonly samplingRate?: number;
  /** For RATE_LIMITING: traces per second. */
  readonly maxTracesPerSecond?: number;
  readonly operations: ReadonlyArray<{ readonly operation: string; readonly samplingRate: number }>;
  readonly defaultLowerBoundTracesPerSecond?: number;
}

export interface Explained extends PlanExplanation {
  readonly plan: QueryPlan;
}

/** One time slice of a window scan. */
export interface SliceRequest {
  /** Nanoseconds since the epoch, start inclusive. */
  readonly start: bigint;
  readonly end: bigint;
  /** Most traces this search may return; a slice that comes back with this many is full. */
  readonly limit: number;
  readonly signal?: AbortSignal;
}

export interface SliceResult {
  /**
   * Whole traces, decoded, that the backend's search found in the slice, deduplicated by trace id
   * within the slice. Not yet evaluated: the engine checks the scan's query over them. A trace can
   * also turn up in a neighbouring slice (backends match on any span's start), so dedupe across
   * slices by trace id.
   */
  readonly traces: readonly Trace[];
  /**
   * The search returned `limit` traces, so more may match inside this slice: split it and search
   * the halves. False means the slice was read completely.
   */
  readonly full: boolean;
  /** Response bytes read for this slice (searches and trace fetches). */
  readonly bytes: number;
  readonly requests: number;
  /** E.g. partial traces. */
  readonly notices: readonly Notice[];
}

/**
 * One search a window scan repeats over time slices. Searching a slice costs at most one
 * backend search plus, where the backend's search returns only ids (Tempo), one fetch per trace.
 */
export interface SliceSearch {
  /** What this search covers, e.g. `service "frontend"` for one of Jaeger's per-service searches. */
  readonly label: string;
  /**
   * The finest time step the backend's search parameters express, in nanoseconds (Tempo: 1 s,
   * Jaeger v1: 1 µs). A full slice narrower than this cannot be split usefully.
   */
  readonly resolutionNs: bigint;
  search(slice: SliceRequest): Promise<SliceResult>;
}

/**
 * The window-scan primitive analyses build on: what to search for a query (planned once), as
 * searches that can each be run over any time slice. An analysis reading a whole window runs each
 * search over the window; when a slice comes back `full` it splits the slice and searches the
 * halves, until no slice is full; it dedupes traces by id across slices and searches and folds
 * each slice's traces in as they arrive. Every search honours `signal`.
 */
export interface WindowScan {
  /** The parsed query: evaluate it over each slice's traces (pushdown only narrows). */
  readonly root: RootNode;
  /** What each slice search pushes down, for explain and notices. */
  readonly plan: QueryPlan;
  /** About the scan as a whole, e.g. that a query naming no service searches every service. */
  readonly notices: readonly Notice[];
  /**
   * Searches that together find every trace the query can match (Jaeger: one per service when
   * the query names none; most backends: one). Slice each on its own.
   */
  readonly searches: readonly SliceSearch[];
  /** Bytes and requests spent planning the scan (probing the server, listing services). */
  readonly bytes: number;
  readonly requests: number;
}

/** One backend, answering TraceQL the same way whatever it is. Every failure is a TraceLensError. */
export interface Backend {
  /** The registry name, e.g. `jaeger`. */
  readonly kind: string;
  /** The display name, e.g. `Jaeger`, for notices. */
  readonly label: string;
  readonly features: BackendFeatures;
  detect(signal?: AbortSignal): Promise<BackendHealth>;
  search(queryText: string, opts: SearchOptions): Promise<SearchOutcome>;
  metrics(queryText: string, opts: MetricsOptions): Promise<MetricsOutcome>;
  metricsInstant(queryText: string, opts: Window): Promise<InstantMetricsOutcome>;
  /** Whole traces the query matches in the window, bounded by the search depth. */
  fetchTraces(queryText: string, window: Window): Promise<FetchOutcome>;
  /** Plans a window scan: the slice searches for the query (see WindowScan). */
  scan(queryText: string, window: Window): Promise<WindowScan>;
  getTrace(id: string, signal?: AbortSignal): Promise<Trace>;
  services(signal?: AbortSignal): Promise<string[]>;
  operations(service: string, signal?: AbortSignal): Promise<Operation[]>;
  tags(signal?: AbortSignal): Promise<TagScope[]>;
  tagValues(tag: string, query?: string, signal?: AbortSignal): Promise<TagValue[]>;
  /** Rejects with 'unsupported' unless `features.dependencies`. */
  dependencies(window: Window): Promise<DependencyLink[]>;
  /** Rejects with 'unsupported' unless `features.samplingStrategies` (and its endpoint is configured). */
  samplingStrategy(service: string, signal?: AbortSignal): Promise<SamplingStrategy>;
  explain(queryText: string, window: Window): Promise<Explained>;
}

/** A flag that describes the server to plan for, in `tracelens explain` (e.g. `--tempo-version`). */
export interface PlanFlag {
  readonly name: string;
  readonly help: string;
}

/** Planning without a server, for `tracelens explain`: the flags say what the server would be. */
export interface OfflinePlanner {
  readonly flags: readonly PlanFlag[];
  /** Throws TraceLensError 'input' for a flag value it cannot use. */
  explain(
    root: RootNode,
    window: TimeWindow,
    opts: { readonly searchDepth?: number; readonly flags: Readonly<Record<string, string | undefined>> }
  ): PlanExplanation;
}

/**
 * A backend as the registry holds it. `kind` is its name everywhere: the registry key, the
 * `backend` provisioning option, the CLI's `--<kind> URL` flag.
 */
export interface BackendModule<K extends string = string> {
  readonly kind: K;
  /** Display name, e.g. `Jaeger`. */
  readonly label: string;
  /** Where its query API usually listens, e.g. `http://localhost:16686`: config default and help. */
  readonly defaultUrl: string;
  /** Every API path it may request. */
  readonly paths: PathSet;
  /**
   * Every path it may request on its sampling-strategy endpoint, a second URL (Jaeger's port 5778),
   * when `features.samplingStrategies`. The data source reaches it through its own proxy route.
   */
  readonly samplingPaths?: PathSet;
  /**
   * The port its sampling endpoint usually listens on, on the query API's host (Jaeger: 5778), so
   * a client given only the query URL can try it.
   */
  readonly samplingPort?: number;
  readonly features: BackendFeatures;
  /** One line for `--help` after `--<kind> URL`. */
  readonly cliHelp: string;
  readonly planner: OfflinePlanner;
  /**
   * Trace files in the backend's own wire format, when the model's decoders do not read it (Zipkin
   * v2 JSON): `tracelens --traces` tries each registered backend's `detect` before the OTLP and
   * Jaeger formats.
   */
  readonly traceFiles?: TraceFileFormat;
  /**
   * Warnings about a query's text on this backend, shown in the query editor as the user types
   * (Zipkin: a name literal with capitals can never match its lower-cased names). Never throws.
   */
  queryNotices?(query: string): string[];
  create(options: BackendOptions): Backend;
}

export interface TraceFileFormat {
  /** True when a parsed body is in this format (cheap: looks at the shape only). */
  detect(body: unknown): boolean;
  /** Throws TraceLensError 'malformed' naming the bad field. */
  decode(body: unknown): Trace[];
}

/** Declares a module, keeping its `kind` as a literal type so the registry's keys are exact. */
export function defineBackend<const K extends string>(module: BackendModule<K>): BackendModule<K> {
  return module;
}
