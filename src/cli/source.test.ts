import { jaeger } from '../core/backends/jaeger';
import { tempo } from '../core/backends/tempo';
import { defaultSamplingUrl } from './source';

describe('defaultSamplingUrl', () => {
  it("is the Jaeger query host on Jaeger's sampling port", () => {
    expect(defaultSamplingUrl(jaeger, 'http://127.0.0.1:16686')).toBe('http://127.0.0.1:5778');
    expect(defaultSamplingUrl(jaeger, 'https://jaeger.example:443/base/')).toBe('https://jaeger.example:5778');
  });

  it('is undefined for backends without a sampling endpoint and for URLs that do not parse', () => {
    expect(defaultSamplingUrl(tempo, 'http://tempo:3200')).toBeUndefined();
    expect(defaultSamplingUrl(jaeger, 'not a url')).toBeUndefined();
  });
});
