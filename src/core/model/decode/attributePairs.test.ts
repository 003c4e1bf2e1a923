import { otlpAttributePairs, withoutDuplicates } from './attributePairs';

const kv = (key: string, value: unknown) => ({ key, value });

describe('OTLP attributes as typed pairs', () => {
  const wire = () => [
    kv('s', { stringValue: 'x' }),
    kv('i', { intValue: '9007199254740993' }),
    kv('gone', {}),
    { key: 'no.value' },
    kv('d', { doubleValue: 2.5 }),
  ];

  it('types values, leaves out entries without one, and leaves an input it does not own as it was', () => {
    const input = wire();
    const before = JSON.stringify(input);
    expect(otlpAttributePairs(input, false)).toEqual([
      { key: 's', value: 'x' },
      { key: 'i', value: 9007199254740993n },
      { key: 'd', value: 2.5 },
    ]);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('reuses an owned list and its objects, with the same result', () => {
    const input = [kv('s', { stringValue: 'x' }), kv('n', { intValue: '3' })];
    const first = input[0];
    const pairs = otlpAttributePairs(input, true);
    expect(pairs).toBe(input);
    expect(pairs[0]).toBe(first);
    expect(pairs).toEqual([
      { key: 's', value: 'x' },
      { key: 'n', value: 3 },
    ]);
    // With entries to leave out, the owned objects are still reused in a new list.
    const owned = wire();
    expect(otlpAttributePairs(owned, true)).toEqual(otlpAttributePairs(wire(), false));
  });

  it('keeps a repeated key at its first position with its last value, as a map would', () => {
    const pairs = otlpAttributePairs(
      [kv('a', { stringValue: '1' }), kv('b', { stringValue: '2' }), kv('a', { stringValue: '3' })],
      true
    );
    expect(pairs).toEqual([
      { key: 'a', value: '3' },
      { key: 'b', value: '2' },
    ]);
    const distinct = [{ key: 'x', value: 1 }];
    expect(withoutDuplicates(distinct)).toBe(distinct);
  });

  it('tells keys of the same length and last character apart, and finds repeats in long lists', () => {
    const alike = [
      { key: 'ab', value: 1 },
      { key: 'cb', value: 2 },
      { key: '', value: 3 },
    ];
    expect(withoutDuplicates(alike)).toBe(alike);
    const repeated = [...alike, { key: 'cb', value: 4 }, { key: '', value: 5 }];
    expect(withoutDuplicates(repeated)).toEqual([
      { key: 'ab', value: 1 },
      { key: 'cb', value: 4 },
      { key: '', value: 5 },
    ]);
    const long = Array.from({ length: 70 }, (_v, i) => ({ key: `k${i}`, value: i }));
    expect(withoutDuplicates(long)).toBe(long);
    expect(withoutDuplicates([...long, { key: 'k3', value: 'last' }])[3]).toEqual({ key: 'k3', value: 'last' });
  });

  it('names the entry that is malformed', () => {
    expect(() => otlpAttributePairs([kv('ok', { stringValue: 'x' }), 42], true)).toThrow(/expected \{key, value\}/);
    expect(() => otlpAttributePairs([kv('n', { intValue: 'many' })], false)).toThrow(/expected an integer/);
  });
});
