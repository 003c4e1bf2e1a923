import { escapeLogQLString, escapeLuceneField, escapeLucenePhrase, toLokiLabelName } from './escape';

describe('escapeLogQLString', () => {
  it.each([
    ['plain', 'plain'],
    ['say "hi"', 'say \\"hi\\"'],
    ['C:\\dir\\', 'C:\\\\dir\\\\'],
    ['a\nb\tc\rd', 'a\\nb\\tc\\rd'],
    ['bell\u0007', 'bell\\x07'],
    ['ünïcødé ☃ 𝄞', 'ünïcødé ☃ 𝄞'],
  ])('%j → %j', (input, expected) => expect(escapeLogQLString(input)).toBe(expected));
});

describe('toLokiLabelName', () => {
  it.each([
    ['service.name', 'service_name'],
    ['k8s-pod', 'k8s_pod'],
    ['9lives', '_9lives'],
    ['ok_name', 'ok_name'],
  ])('%s → %s', (input, expected) => expect(toLokiLabelName(input)).toBe(expected));
});

describe('Lucene escaping', () => {
  it('escapes only backslash and quote inside a phrase', () => {
    expect(escapeLucenePhrase('a "b" \\ c:d (e)')).toBe('a \\"b\\" \\\\ c:d (e)');
  });
  it('escapes reserved characters in a field name but keeps dots', () => {
    expect(escapeLuceneField('http.route:v (1)')).toBe('http.route\\:v\\ \\(1\\)');
  });
});
