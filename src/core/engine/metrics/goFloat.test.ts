import { floatLabelText, formatGoFloat } from './goFloat';

// Expected texts printed by Go 1.x's strconv.FormatFloat(v, 'g', -1, 64) for the same values.
const GO_TEXT: Array<[number, string]> = [
  [2, '2'],
  [2.5, '2.5'],
  [0.512, '0.512'],
  [-3, '-3'],
  [100, '100'],
  [1e5, '100000'],
  [123456, '123456'],
  [1e6, '1e+06'],
  [1234567, '1.234567e+06'],
  [1e15, '1e+15'],
  [1e20, '1e+20'],
  [1e21, '1e+21'],
  [1e-4, '0.0001'],
  [1.5e-4, '0.00015'],
  [1e-5, '1e-05'],
  [0.000012345, '1.2345e-05'],
  [0, '0'],
  [-0, '-0'],
  [1.7976931348623157e308, '1.7976931348623157e+308'],
  [5e-324, '5e-324'],
  [Infinity, '+Inf'],
  [-Infinity, '-Inf'],
  [NaN, 'NaN'],
];

describe('formatGoFloat', () => {
  it.each(GO_TEXT)('writes %p as Go does: %s', (v, text) => {
    expect(formatGoFloat(v)).toBe(text);
  });
});

describe('floatLabelText', () => {
  it('adds .0 only where Go wrote neither a point nor an exponent', () => {
    expect([2, -0, 123456, 2.5, 1e6, 1e-5].map(floatLabelText)).toEqual([
      '2.0',
      '-0.0',
      '123456.0',
      '2.5',
      '1e+06',
      '1e-05',
    ]);
    expect([Infinity, NaN].map(floatLabelText)).toEqual(['+Inf.0', 'NaN.0']);
  });
});
