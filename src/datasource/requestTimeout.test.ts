import { requestTimeoutMs } from './requestTimeout';

describe('requestTimeoutMs', () => {
  it('reads Grafana’s standard timeout, in seconds', () => {
    expect(requestTimeoutMs({ timeout: 12 })).toBe(12_000);
  });

  it('prefers the standard key over the one TraceLens used to store', () => {
    expect(requestTimeoutMs({ timeout: 12, timeoutSeconds: 50 })).toBe(12_000);
    expect(requestTimeoutMs({ timeoutSeconds: 50 })).toBe(50_000);
  });

  it.each([undefined, 0, -5, Number.NaN, Number.POSITIVE_INFINITY])(
    'falls back to 30 seconds for %p (a cleared field, or no timeout at all)',
    (timeout) => {
      expect(requestTimeoutMs({ timeout })).toBe(30_000);
    }
  );
});
