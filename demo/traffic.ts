/**
 * Traffic generator for the demo services (and optionally HotROD), bounded in count and time. Prints what
 * it sent, per route and status, as JSON.
 *
 *   npx tsx demo/traffic.ts [--requests 100] [--concurrency 4] [--error-fraction 0.15]
 *     [--slow-fraction 0.1] [--gateway-fraction 0.1] [--seed 1] [--timeout-ms 10000]
 *     [--max-duration-ms 120000] [--hotrod N] [--frontend URL] [--gateway URL] [--hotrod-url URL]
 *
 * URLs default to the running stack's state file, then to the demo config's ports.
 */
import { loadDemoConfig, serviceUrl } from './services/config';
import { driveHotrod } from './hotrodTraffic';
import { runBounded, type TrafficSummary } from './runBounded';
import { planDemoTraffic } from './trafficPlan';

export interface DemoTrafficOptions {
  frontendUrl: string;
  gatewayUrl: string;
  requests: number;
  concurrency: number;
  errorFraction: number;
  slowFraction: number;
  gatewayFraction: number;
  seed: number;
  timeoutMs: number;
  maxDurationMs: number;
  knownUsers: number;
}

export function defaultTrafficOptions(): DemoTrafficOptions {
  const config = loadDemoConfig();
  return {
    frontendUrl: serviceUrl(config, 'frontend'),
    gatewayUrl: serviceUrl(config, 'api-gateway'),
    requests: 100,
    concurrency: 4,
    errorFraction: 0.15,
    slowFraction: 0.1,
    gatewayFraction: 0.1,
    seed: 1,
    timeoutMs: 10_000,
    maxDurationMs: 120_000,
    knownUsers: config.seedUsers,
  };
}

export function driveDemoTraffic(o: DemoTrafficOptions): Promise<TrafficSummary> {
  return runBounded('demo', planDemoTraffic(o), o);
}

function parseArgs(argv: string[]): { demo: DemoTrafficOptions; hotrod: number; hotrodUrl: string } {
  const demo = defaultTrafficOptions();
  let hotrod = 0;
  let hotrodUrl = 'http://127.0.0.1:18090';
  const num = (flag: string, v: string | undefined): number => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n)) {
      throw new Error(`${flag} needs a number, got ${v ?? 'nothing'}`);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const v = argv[i + 1];
    i++;
    switch (flag) {
      case '--requests':
        demo.requests = num(flag, v);
        break;
      case '--concurrency':
        demo.concurrency = num(flag, v);
        break;
      case '--error-fraction':
        demo.errorFraction = num(flag, v);
        break;
      case '--slow-fraction':
        demo.slowFraction = num(flag, v);
        break;
      case '--gateway-fraction':
        demo.gatewayFraction = num(flag, v);
        break;
      case '--seed':
        demo.seed = num(flag, v);
        break;
      case '--timeout-ms':
        demo.timeoutMs = num(flag, v);
        break;
      case '--max-duration-ms':
        demo.maxDurationMs = num(flag, v);
        break;
      case '--hotrod':
        hotrod = num(flag, v);
        break;
      case '--frontend':
        demo.frontendUrl = String(v);
        break;
      case '--gateway':
        demo.gatewayUrl = String(v);
        break;
      case '--hotrod-url':
        hotrodUrl = String(v);
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  return { demo, hotrod, hotrodUrl };
}

async function main(): Promise<void> {
  const { demo, hotrod, hotrodUrl } = parseArgs(process.argv.slice(2));
  const summaries: TrafficSummary[] = [await driveDemoTraffic(demo)];
  if (hotrod > 0) {
    summaries.push(
      await driveHotrod(
        hotrodUrl,
        hotrod,
        { concurrency: 2, timeoutMs: demo.timeoutMs, maxDurationMs: demo.maxDurationMs },
        demo.seed
      )
    );
  }
  process.stdout.write(JSON.stringify(summaries, null, 2) + '\n');
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`traffic: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
