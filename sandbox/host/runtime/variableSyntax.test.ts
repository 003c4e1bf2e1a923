import { findVariableReferences, replaceVariableReferences } from './variableSyntax';

const refs = (text: string) =>
  findVariableReferences(text).map(({ start, end, ...rest }) => ({ text: text.slice(start, end), ...rest }));

describe('findVariableReferences', () => {
  it.each([
    ['$service', [{ text: '$service', name: 'service', syntax: 'dollar' }]],
    // The name runs to the end of the word, so `$serviceName` is one name, not `$service` + "Name".
    ['apps.$serviceName.count', [{ text: '$serviceName', name: 'serviceName', syntax: 'dollar' }]],
    ['a${x}b', [{ text: '${x}', name: 'x', syntax: 'braces' }]],
    ['${servers:csv}', [{ text: '${servers:csv}', name: 'servers', format: 'csv', syntax: 'braces' }]],
    // A format keeps its own colons: the date format takes an argument.
    ['${__from:date:iso}', [{ text: '${__from:date:iso}', name: '__from', format: 'date:iso', syntax: 'braces' }]],
    [
      '${__from:date:YYYY-MM-DD HH:mm}',
      [{ text: '${__from:date:YYYY-MM-DD HH:mm}', name: '__from', format: 'date:YYYY-MM-DD HH:mm', syntax: 'braces' }],
    ],
    [
      '${__field.labels.service}',
      [{ text: '${__field.labels.service}', name: '__field', fieldPath: 'labels.service', syntax: 'braces' }],
    ],
    ['${obj.a.b:json}', [{ text: '${obj.a.b:json}', name: 'obj', fieldPath: 'a.b', format: 'json', syntax: 'braces' }]],
    ['[[host]]', [{ text: '[[host]]', name: 'host', syntax: 'brackets' }]],
    ['[[host:pipe]]', [{ text: '[[host:pipe]]', name: 'host', format: 'pipe', syntax: 'brackets' }]],
    ['$__range', [{ text: '$__range', name: '__range', syntax: 'dollar' }]],
    [
      '{ resource.service.name = "$svc" && span.x = ${y:raw} } [[z]]',
      [
        { text: '$svc', name: 'svc', syntax: 'dollar' },
        { text: '${y:raw}', name: 'y', format: 'raw', syntax: 'braces' },
        { text: '[[z]]', name: 'z', syntax: 'brackets' },
      ],
    ],
    [
      '$a$b',
      [
        { text: '$a', name: 'a', syntax: 'dollar' },
        { text: '$b', name: 'b', syntax: 'dollar' },
      ],
    ],
    ['$$x', [{ text: '$x', name: 'x', syntax: 'dollar' }]],
  ])('finds the references in %j', (text, expected) => {
    expect(refs(text)).toEqual(expected);
  });

  it.each([
    '',
    'no variables here',
    '$', // nothing after the dollar
    '$ x',
    '$-x',
    'costs 5$',
    '${', // not closed
    '${x',
    '${}', // no name
    '${ x }', // spaces inside braces
    '${x y}',
    '${x-y}',
    '${x.}', // an empty field path
    '[[x]',
    '[[x',
    '[[]]',
    '[[ x ]]',
    '[[x:a-b]]',
    '{ span.a =~ "[[:alpha:]]" }', // a POSIX class in a regex is not a variable
  ])('finds nothing in %j', (text) => {
    expect(findVariableReferences(text)).toEqual([]);
  });

  it('reads the first complete reference when one is left open', () => {
    expect(refs('${a ${b}')).toEqual([{ text: '${b}', name: 'b', syntax: 'braces' }]);
  });
});

describe('replaceVariableReferences', () => {
  it('replaces what the callback answers and keeps what it does not know', () => {
    const values: Record<string, string> = { a: 'A', b: 'B' };
    expect(replaceVariableReferences('$a-${b}-$c-[[a]]', (r) => values[r.name])).toBe('A-B-$c-A');
  });
});
