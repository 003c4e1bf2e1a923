import fc from 'fast-check';
import { TraceLensError } from '../../errors';
import { encodeJaegerV1, encodeTempoV2 } from '../encode/encodeTraces';
import { guideTraces } from '../testing/guideTraces';
import { decodeTraces } from './decodeTraces';

/** Whatever arrives, decoding returns traces or throws a TraceLensError: never anything else. */
function decodesOrExplains(body: unknown): void {
  try {
    decodeTraces(body);
  } catch (e) {
    if (!(e instanceof TraceLensError)) {
      throw e;
    }
    expect(e.message.length).toBeGreaterThan(0);
  }
}

/** Replaces the value at one random path of a JSON tree with junk. */
function mutate(body: unknown, pathChoice: number[], junk: unknown): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(body));
  let node: unknown = copy;
  for (let i = 0; i < pathChoice.length; i++) {
    if (typeof node !== 'object' || node === null) {
      break;
    }
    const keys = Object.keys(node);
    if (keys.length === 0) {
      break;
    }
    const key = keys[pathChoice[i] % keys.length];
    const child = (node as Record<string, unknown>)[key];
    if (i === pathChoice.length - 1 || typeof child !== 'object' || child === null) {
      (node as Record<string, unknown>)[key] = junk;
      break;
    }
    node = child;
  }
  return copy;
}

describe('decoding hostile input', () => {
  it('never throws anything but a TraceLensError on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => decodesOrExplains(v)),
      { numRuns: 300 }
    );
  });

  it('never throws anything but a TraceLensError when one field of a real body is replaced', () => {
    const bodies = [encodeJaegerV1(guideTraces()), encodeTempoV2(guideTraces())];
    fc.assert(
      fc.property(
        fc.constantFrom(...bodies),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        fc.jsonValue({ maxDepth: 2 }),
        (body, path, junk) => decodesOrExplains(mutate(body, path, junk))
      ),
      { numRuns: 400 }
    );
  });

  it('refuses absurdly deep attribute values with a message instead of overflowing the stack', () => {
    let value: unknown = { stringValue: 'leaf' };
    for (let i = 0; i < 5000; i++) {
      value = { arrayValue: { values: [value] } };
    }
    const body = {
      resourceSpans: [
        { scopeSpans: [{ spans: [{ traceId: '01', spanId: '01', attributes: [{ key: 'deep', value }] }] }] },
      ],
    };
    expect(() => decodeTraces(body)).toThrow(/nested deeper than 64 levels/);
  });
});
