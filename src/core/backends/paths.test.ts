import fc from 'fast-check';

import { TraceLensError } from '../errors';
import { JAEGER_PATHS } from './jaeger/paths';
import { buildPath, isAllowedPath, traceIdForPath } from './paths';
import { TEMPO_PATHS } from './tempo/paths';

function kindOf(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return e instanceof TraceLensError ? e.kind : 'other';
  }
}

describe('buildPath', () => {
  it('builds every fixed template as is', () => {
    for (const t of JAEGER_PATHS.templates.filter((p) => !p.includes('{'))) {
      expect(buildPath(JAEGER_PATHS, t)).toBe(t);
    }
    for (const t of TEMPO_PATHS.templates.filter((p) => !p.includes('{'))) {
      expect(buildPath(TEMPO_PATHS, t)).toBe(t);
    }
  });

  it('encodes a service name into one segment', () => {
    expect(buildPath(JAEGER_PATHS, '/api/services/{service}/operations', { service: 'api gateway?x=1#y' })).toBe(
      '/api/services/api%20gateway%3Fx%3D1%23y/operations'
    );
  });

  it('lowercases hex trace ids and converts base64 ones to hex', () => {
    expect(buildPath(TEMPO_PATHS, '/api/v2/traces/{id}', { id: '2F3E0CEE77AE5DC9C17ADE3689EB2E54' })).toBe(
      '/api/v2/traces/2f3e0cee77ae5dc9c17ade3689eb2e54'
    );
    expect(traceIdForPath('W47/95gDgQPSabYzgT/HAA==')).toBe('5b8efff798038103d269b633813fc700');
    expect(traceIdForPath('7uGbfsPBsQA=')).toBe('0000000000000000eee19b7ec3c1b100');
  });

  it('rejects trace ids that are neither hex nor base64', () => {
    for (const id of ['', 'xyz', '../../admin', '1234/5678', '%2e%2e', 'g'.repeat(32), '0'.repeat(33)]) {
      expect(kindOf(() => buildPath(JAEGER_PATHS, '/api/v3/traces/{id}', { id }))).toBe('input');
    }
  });

  it('refuses path traversal in free-text segments', () => {
    const attempts = ['..', '.', '../admin', '..%2f..%2fadmin', 'a/b', 'a\\b', '%2e%2e', '\u0000x'];
    for (const service of attempts) {
      const kind = kindOf(() => buildPath(JAEGER_PATHS, '/api/services/{service}/operations', { service }));
      expect(['forbidden-path', 'input', 'ok']).toContain(kind);
      if (kind === 'ok') {
        const p = buildPath(JAEGER_PATHS, '/api/services/{service}/operations', { service });
        // encoded: the segment cannot contain a separator or a dot-segment
        expect(p.split('/')).toHaveLength(5);
        expect(p).not.toMatch(/\/\.\.?\//);
      }
    }
    expect(kindOf(() => buildPath(JAEGER_PATHS, '/api/services/{service}/operations', { service: '..' }))).toBe(
      'forbidden-path'
    );
    expect(kindOf(() => buildPath(JAEGER_PATHS, '/api/services/{service}/operations', { service: 'a/b' }))).toBe(
      'forbidden-path'
    );
    expect(buildPath(TEMPO_PATHS, '/api/v2/search/tag/{tag}/values', { tag: '..%2f..' })).toBe(
      '/api/v2/search/tag/..%252f../values'
    );
  });

  it('refuses templates outside the allow-list and misplaced params', () => {
    expect(kindOf(() => buildPath(JAEGER_PATHS, '/api/search' as never))).toBe('forbidden-path');
    expect(kindOf(() => buildPath(TEMPO_PATHS, '/api/admin' as never))).toBe('forbidden-path');
    expect(kindOf(() => buildPath(TEMPO_PATHS, '/api/v2/traces/{id}'))).toBe('input');
    expect(kindOf(() => buildPath(TEMPO_PATHS, '/api/search', { tag: 'x' }))).toBe('input');
  });

  it('never yields a path outside the allow-list, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        for (const [backend, template, key] of [
          [JAEGER_PATHS, '/api/services/{service}/operations', 'service'],
          [TEMPO_PATHS, '/api/search/tag/{tag}/values', 'tag'],
          [TEMPO_PATHS, '/api/traces/{id}', 'id'],
        ] as const) {
          let path: string | undefined;
          try {
            path = buildPath(backend, template as never, { [key]: value });
          } catch (e) {
            expect(e).toBeInstanceOf(TraceLensError);
            continue;
          }
          expect(isAllowedPath(backend, path)).toBe(true);
          expect(new URL(path, 'http://h/').pathname).toBe(path);
        }
      })
    );
  });
});

describe('isAllowedPath', () => {
  it('accepts built paths and rejects others', () => {
    expect(isAllowedPath(JAEGER_PATHS, '/api/v3/traces/abc')).toBe(true);
    expect(isAllowedPath(JAEGER_PATHS, '/api/v3/traces/../../x')).toBe(false);
    expect(isAllowedPath(JAEGER_PATHS, '/api/v3/traces/%2e%2e')).toBe(false);
    expect(isAllowedPath(JAEGER_PATHS, '/api/services/a%2Fb/operations')).toBe(false);
    expect(isAllowedPath(TEMPO_PATHS, '/api/v3/services')).toBe(false);
    expect(isAllowedPath(TEMPO_PATHS, '/api/search?q=x')).toBe(false);
  });
});
