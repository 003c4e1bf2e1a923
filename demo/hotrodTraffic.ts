/**
 * Bounded requests to HotROD's front end (`/dispatch?customer=…&nonse=…`, as its web UI sends them), so
 * its traces, with their redis timeouts and slow mysql queries, land in Jaeger. Customers are the four
 * HotROD knows.
 */
import { seededRandom } from '../src/core/seededRandom';
import { runBounded, type PlannedRequest, type RunLimits, type TrafficSummary } from './runBounded';

export const HOTROD_CUSTOMERS = ['123', '392', '731', '567'] as const;

export function planHotrodTraffic(baseUrl: string, requests: number, seed: number): PlannedRequest[] {
  if (!Number.isInteger(requests) || requests < 0) {
    throw new Error(`requests must be a non-negative integer, got ${requests}`);
  }
  const rnd = seededRandom(seed);
  return Array.from({ length: requests }, (_, i) => {
    const customer = HOTROD_CUSTOMERS[i % HOTROD_CUSTOMERS.length];
    return { label: `dispatch customer=${customer}`, url: `${baseUrl}/dispatch?customer=${customer}&nonse=${rnd()}` };
  });
}

export function driveHotrod(baseUrl: string, requests: number, limits: RunLimits, seed = 1): Promise<TrafficSummary> {
  return runBounded('hotrod', planHotrodTraffic(baseUrl, requests, seed), limits);
}
