/**
 * The TraceQL metrics queries behind the per-service figures. A backend that runs TraceQL metrics
 * itself (Tempo) answers them over every span it holds; any other backend's traces are read
 * through a whole-window scan and the engine evaluates the same queries one trace at a time.
 *
 * What they count, in our words:
 * - A request is a span of kind server; it belongs to the service (service.namespace and
 *   service.name of its resource) that served it.
 * - It failed when its status is error.
 * - Durations go into power-of-two buckets (histogram_over_time), from which p50, p95 and p99 are
 *   read the way Tempo's quantile_over_time reads them (engine/metrics/bucketize.ts).
 * - Which spans count is the instant-query rule of Tempo 2.9 and later: a span counts when it
 *   starts inside the window, both ends included (engine/metrics/timeGrid.ts).
 * - The request rate is requests over the window's length in seconds, which is what an instant
 *   `rate()` answers.
 *
 * count_over_time and histogram_over_time are sums over spans, so answers for disjoint sets of
 * traces add up to the answer for their union: that is what lets the scan fold trace by trace.
 */
export const SERVER_SPANS = '{ kind = server }';

/** Requests by service and status (error, ok, unset). */
export const COUNTS_QUERY = `${SERVER_SPANS} | count_over_time() by (resource.service.namespace, resource.service.name, status)`;

/** Duration histograms by service. */
export const HISTOGRAM_QUERY = `${SERVER_SPANS} | histogram_over_time(duration) by (resource.service.namespace, resource.service.name)`;
