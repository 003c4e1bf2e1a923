import { WholeDouble } from '../../model';
import { tagText, typedTagValue } from './tagValue';

describe('Zipkin tag values are typed only when they are canonical literals', () => {
  it.each([
    ['500', 500],
    ['0', 0],
    ['-17', -17],
    ['9007199254740991', 9007199254740991],
    ['9007199254740993', 9007199254740993n],
    ['9223372036854775807', 9223372036854775807n],
    ['-9223372036854775808', -9223372036854775808n],
    ['0.25', 0.25],
    // Written as a double, a whole value stays a double (Tempo would compute 2.0 / 4 as 0.5).
    ['2.0', new WholeDouble(2)],
    ['-1.5e-3', -0.0015],
    ['6.02E23', new WholeDouble(6.02e23)],
    ['1e+21', new WholeDouble(1e21)],
    ['true', true],
    ['false', false],
  ])('%j is typed as %p', (text, want) => {
    expect(typedTagValue(text)).toStrictEqual(want);
  });

  it.each([
    '9223372036854775808', // past int64
    '-0',
    '+1',
    '007',
    '1.',
    '.5',
    '1_000',
    '0x10',
    ' 42',
    '42 ',
    'NaN',
    'Infinity',
    '1e400',
    'True',
    'GET',
    '',
  ])('%j stays a string', (text) => {
    expect(typedTagValue(text)).toBe(text);
  });

  it('writes typed values back as text that reads back to the same value', () => {
    const whole = [new WholeDouble(2), new WholeDouble(1e21), new WholeDouble(-3)];
    for (const v of [500, -17, 0.1, 1.5e-7, ...whole, 9007199254740993n, true, false, 'x y']) {
      expect(typedTagValue(tagText(v))).toStrictEqual(v);
    }
    expect(tagText(['a', 1])).toBe('["a",1]');
  });
});
