import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { jaegerConfigFor, portsFrom } from '../../../demo/sampling/ownStack';
import { SERVICE_NAMES } from '../../../demo/services/config';

const TEMPLATE = readFileSync(join(__dirname, '../../../scripts/jaeger/jaeger-config.yaml'), 'utf8');
const DEFAULT_PORTS = [16686, 16685, 4317, 4318, 5778, 5779, 13133];

describe('own stack ports and Jaeger config', () => {
  it('gives twelve distinct consecutive ports from the base', () => {
    const p = portsFrom(27200);
    const all = [p.query, p.queryGrpc, p.otlpGrpc, p.otlpHttp, p.sampling, p.samplingGrpc, p.health];
    all.push(...SERVICE_NAMES.map((n) => p.services[n]));
    expect(new Set(all).size).toBe(12);
    expect(Math.min(...all)).toBe(27200);
    expect(Math.max(...all)).toBe(27211);
  });

  it('rewrites every listener of the shared config to our ports, on loopback only', () => {
    const p = portsFrom(27200);
    const config = jaegerConfigFor(TEMPLATE, p);
    for (const port of DEFAULT_PORTS) {
      expect(config).not.toContain(`:${port}\n`);
    }
    for (const port of [p.query, p.queryGrpc, p.otlpGrpc, p.otlpHttp, p.sampling, p.samplingGrpc, p.health]) {
      expect(config).toContain(`endpoint: 127.0.0.1:${port}`);
    }
    expect(config).not.toMatch(/0\.0\.0\.0/);
  });

  it('refuses a template that no longer binds a port it expects', () => {
    expect(() => jaegerConfigFor(TEMPLATE.replace('127.0.0.1:5778', '127.0.0.1:5780'), portsFrom(27200))).toThrow(
      /5778/
    );
  });
});
