/**
 * Settings for the demo services. Defaults live in demo-config.json beside this file; a JSON file named by
 * TRACELENS_DEMO_CONFIG is merged over them (per service, per field), so a test or a demo can change one
 * latency or error rate without restating the rest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SERVICE_NAMES = ['frontend', 'api-gateway', 'auth-service', 'user-service', 'database'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface ServiceSettings {
  port: number;
  /** Added to every request this service handles, so traces show realistic self time. */
  latencyMs: number;
  jitterMs: number;
  /** Probability in [0, 1] that a request fails in this service with a recorded exception and a 500. */
  errorRate: number;
  /** Extra time on the slow route (the user search), on top of the real full-table scan. */
  slowMs: number;
}

export interface DemoConfig {
  host: string;
  otlpHttpUrl: string;
  /** Jaeger's remote sampling endpoint (port 5778). */
  samplingUrl: string;
  samplingPollMs: number;
  /** Rows seeded into the SQLite users table; the search route scans all of them. */
  seedUsers: number;
  services: Record<ServiceName, ServiceSettings>;
}

export function isServiceName(s: string): s is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(s);
}

export function loadDemoConfig(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  const base = parseConfig(readFileSync(join(__dirname, 'demo-config.json'), 'utf8'), 'demo-config.json');
  const overridePath = env.TRACELENS_DEMO_CONFIG;
  const merged = overridePath ? mergeConfig(base, readOverride(overridePath)) : base;
  validateConfig(merged);
  return merged;
}

function readOverride(path: string): Partial<DemoConfig> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`TRACELENS_DEMO_CONFIG names ${path}, which cannot be read: ${(e as Error).message}`);
  }
  return parseConfig(text, path);
}

function parseConfig(text: string, where: string): DemoConfig {
  try {
    return JSON.parse(text) as DemoConfig;
  } catch (e) {
    throw new Error(`${where} is not valid JSON: ${(e as Error).message}`);
  }
}

function mergeConfig(base: DemoConfig, over: Partial<DemoConfig>): DemoConfig {
  const services = { ...base.services };
  for (const name of SERVICE_NAMES) {
    const patch = over.services?.[name];
    if (patch) {
      services[name] = { ...services[name], ...patch };
    }
  }
  return { ...base, ...over, services };
}

function validateConfig(c: DemoConfig): void {
  for (const name of SERVICE_NAMES) {
    const s = c.services[name];
    if (!s) {
      throw new Error(`demo config has no settings for service "${name}"`);
    }
    if (!Number.isInteger(s.port) || s.port <= 0 || s.port > 65535) {
      throw new Error(`demo config: ${name}.port must be a TCP port, got ${String(s.port)}`);
    }
    if (!(s.errorRate >= 0 && s.errorRate <= 1)) {
      throw new Error(`demo config: ${name}.errorRate must be in [0, 1], got ${String(s.errorRate)}`);
    }
    for (const key of ['latencyMs', 'jitterMs', 'slowMs'] as const) {
      if (!(s[key] >= 0)) {
        throw new Error(`demo config: ${name}.${key} must be a non-negative number, got ${String(s[key])}`);
      }
    }
  }
  if (c.host !== '127.0.0.1' && c.host !== 'localhost' && c.host !== '::1') {
    throw new Error(`demo config: host must be a loopback address, got ${c.host}`);
  }
}

export function serviceUrl(config: DemoConfig, name: ServiceName): string {
  return `http://${config.host}:${config.services[name].port}`;
}

/** Where logs and the SQLite file go: the stack's state directory. */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.TRACELENS_STATE_DIR || '/tmp/tracelens-stack';
}
