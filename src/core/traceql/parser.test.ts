import { FieldExpr, MetricsQueryNode, PipelineNode, SpansetFilterNode } from './ast';
import { parseTraceQL } from './index';
import { parseSyntax } from './parser';
import { mustParse, withoutPositions } from './testing';

function filterExpr(text: string): FieldExpr {
  const root = mustParse(text);
  const stage = (root.query as PipelineNode).stages[0] as SpansetFilterNode;
  if (stage.expr === null) {
    throw new Error('empty filter');
  }
  return stage.expr;
}

/** Syntax only: precedence tests use shapes Tempo's type checks would reject. */
const shape = (text: string) => {
  const r = parseSyntax(text);
  const stage = r.ok ? (r.value.query as PipelineNode).stages[0] : undefined;
  return withoutPositions(stage?.type === 'SpansetFilter' ? stage.expr : r);
};

describe('parseTraceQL: field expressions', () => {
  it('gives every node its exact source range', () => {
    const text = '{ span.http.status_code >= 500 && !(.a = "x") }';
    const root = mustParse(text);
    const filter = (root.query as PipelineNode).stages[0] as SpansetFilterNode;
    expect([root.from, root.to, filter.from, filter.to]).toEqual([0, text.length, 0, text.length]);
    const and = filter.expr;
    if (and?.type !== 'FieldBinary' || and.left.type !== 'FieldBinary' || and.right.type !== 'FieldUnary') {
      throw new Error('unexpected shape');
    }
    expect([and.from, and.to]).toEqual([2, 45]);
    expect([and.left.left.from, and.left.left.to]).toEqual([2, 23]);
    expect([and.left.right.from, and.left.right.to]).toEqual([27, 30]);
    expect([and.right.from, and.right.to]).toEqual([34, 45]);
    expect([and.right.operand.from, and.right.operand.to]).toEqual([35, 45]);
  });

  it.each([
    ['duration', 'span:duration'],
    ['name', 'span:name'],
    ['status', 'span:status'],
    ['statusMessage', 'span:statusMessage'],
    ['kind', 'span:kind'],
    ['childCount', 'span:childCount'],
    ['traceDuration', 'trace:duration'],
    ['rootName', 'trace:rootName'],
    ['rootServiceName', 'trace:rootService'],
    ['parent', 'parent'],
    ['nestedSetLeft', 'nestedSetLeft'],
    ['nestedSetRight', 'nestedSetRight'],
    ['nestedSetParent', 'nestedSetParent'],
    ['span:duration', 'span:duration'],
    ['span:id', 'span:id'],
    ['span:parentID', 'span:parentID'],
    ['span:childCount', 'span:childCount'],
    ['trace:id', 'trace:id'],
    ['trace:rootService', 'trace:rootService'],
    ['event:name', 'event:name'],
    ['event:timeSinceStart', 'event:timeSinceStart'],
    ['link:traceID', 'link:traceID'],
    ['link:spanID', 'link:spanID'],
    ['instrumentation:name', 'instrumentation:name'],
    ['instrumentation:version', 'instrumentation:version'],
  ])('maps the intrinsic %s to %s, keeping the spelling', (spelling, name) => {
    const e = filterExpr(`{ ${spelling} != nil }`);
    expect(e.type === 'FieldBinary' && e.left).toEqual({
      type: 'Intrinsic',
      name,
      raw: spelling,
      from: 2,
      to: 2 + spelling.length,
    });
  });

  it.each([
    ['"a"', { kind: 'string', value: 'a' }],
    ['`a\\b`', { kind: 'string', value: 'a\\b' }],
    ['42', { kind: 'int', value: 42 }],
    ['-42', { kind: 'int', value: -42 }],
    ['.5', { kind: 'float', value: 0.5 }],
    ['-1.5', { kind: 'float', value: -1.5 }],
    ['1h30m', { kind: 'duration', value: 5400e9 }],
    ['-5s', { kind: 'duration', value: -5e9 }],
    ['true', { kind: 'bool', value: true }],
    ['false', { kind: 'bool', value: false }],
    ['nil', { kind: 'nil' }],
    ['ok', { kind: 'status', value: 'ok' }],
    ['unset', { kind: 'status', value: 'unset' }],
    ['error', { kind: 'status', value: 'error' }],
    ['server', { kind: 'spanKind', value: 'server' }],
    ['unspecified', { kind: 'spanKind', value: 'unspecified' }],
    ['minInt', { kind: 'int', value: -9223372036854775808n }],
    ['maxInt', { kind: 'int', value: 9223372036854775807n }],
  ])('reads the literal %s', (raw, value) => {
    const e = filterExpr(`{ .x = ${raw} }`);
    expect(e.type === 'FieldBinary' && e.right).toEqual({ type: 'Static', value, raw, from: 7, to: 7 + raw.length });
  });

  it('applies Tempo precedence: && and || alike, left to right, below comparisons', () => {
    expect(shape('{ .a = 1 || .b = 2 && .c = 3 }')).toMatchObject({
      op: '&&',
      left: { op: '||', left: { op: '=' }, right: { op: '=' } },
      right: { op: '=' },
    });
  });

  it('binds * over + and ^ to the right', () => {
    expect(shape('{ 1 + 2 * 3 ^ 4 ^ 5 = 1 }')).toMatchObject({
      op: '=',
      left: { op: '+', right: { op: '*', right: { op: '^', left: { raw: '3' }, right: { op: '^' } } } },
    });
  });

  it('binds ! looser than * and tighter than +', () => {
    expect(shape('{ !.a * .b + .c }')).toMatchObject({
      op: '+',
      left: { type: 'FieldUnary', op: '!', operand: { op: '*' } },
    });
  });

  it('folds unary minus on a literal into the literal and keeps it on other operands', () => {
    expect(shape('{ -.a = -2 }')).toMatchObject({
      left: { type: 'FieldUnary', op: '-', operand: { type: 'Attribute' } },
      right: { type: 'Static', raw: '-2' },
    });
  });

  it('keeps parentheses as nodes', () => {
    expect(shape('{ (.a = 1) }')).toMatchObject({ type: 'FieldParen', expr: { op: '=' } });
  });

  it('reads !~ between fields as regex not-match', () => {
    expect(shape('{ .a !~ "x.*" }')).toMatchObject({ type: 'FieldBinary', op: '!~' });
  });
});

describe('parseTraceQL: spansets and pipelines', () => {
  it.each(['&&', '||', '>>', '<<', '>', '<', '~', '!>>', '!<<', '!>', '!<', '!~', '&>>', '&<<', '&>', '&<', '&~'])(
    'reads %s between spansets',
    (op) => {
      const root = mustParse(`{ .a } ${op} { .b }`);
      expect((root.query as PipelineNode).stages[0]).toMatchObject({
        type: 'SpansetBinary',
        op,
        from: 0,
        to: 15 + op.length - 1,
      });
    }
  );

  it('binds structural operators tighter than && and ||', () => {
    const root = mustParse('{ .a } && { .b } >> { .c }');
    expect(withoutPositions((root.query as PipelineNode).stages[0])).toMatchObject({ op: '&&', right: { op: '>>' } });
  });

  it('reads a pipeline with every stage kind', () => {
    const text =
      '{ .a } | by(resource.service.name) | count() > 2 | avg(duration) >= 20ms | coalesce() | select(span.x, trace:id)';
    const stages = (mustParse(text).query as PipelineNode).stages;
    expect(stages.map((s) => s.type)).toEqual([
      'SpansetFilter',
      'GroupBy',
      'ScalarFilter',
      'ScalarFilter',
      'Coalesce',
      'Select',
    ]);
    expect([stages[1].from, stages[1].to]).toEqual([9, 34]);
    expect(withoutPositions(stages[3])).toEqual({
      type: 'ScalarFilter',
      op: '>=',
      left: { type: 'Aggregate', fn: 'avg', arg: { type: 'Intrinsic', name: 'span:duration', raw: 'duration' } },
      right: { type: 'Static', value: { kind: 'duration', value: 20e6 }, raw: '20ms' },
    });
  });

  it.each(['count() > 10', 'by(.a) | { true }', 'select(.a)', 'max(duration) > 3s | { status = error }'])(
    'lets a pipeline start with %s',
    (text) => {
      expect(parseTraceQL(text).ok).toBe(true);
    }
  );

  it('reads a parenthesised pipeline as an operand of a spanset operator', () => {
    const root = mustParse('({ .a } | count() > 1) && { .b }');
    expect(withoutPositions((root.query as PipelineNode).stages[0])).toMatchObject({
      op: '&&',
      left: { type: 'WrappedPipeline', pipeline: { stages: [{ type: 'SpansetFilter' }, { type: 'ScalarFilter' }] } },
    });
  });

  it('reads arithmetic between aggregates in a scalar filter', () => {
    const root = mustParse('{ } | count() + count() = 1');
    expect(withoutPositions((root.query as PipelineNode).stages[1])).toMatchObject({
      left: { type: 'ScalarBinary', op: '+' },
    });
  });

  it('reads hints after a search', () => {
    const root = mustParse('{ } with(most_recent=true, sample=0.5)');
    expect(root.hints.map((h) => [h.name, h.value.value, h.from, h.to])).toEqual([
      ['most_recent', { kind: 'bool', value: true }, 9, 25],
      ['sample', { kind: 'float', value: 0.5 }, 27, 37],
    ]);
  });
});

describe('parseTraceQL: metrics', () => {
  const metrics = (text: string) => mustParse(text).query as MetricsQueryNode;

  it.each([
    ['{} | rate()', 'rate'],
    ['{} | count_over_time()', 'count_over_time'],
    ['{} | min_over_time(duration)', 'min_over_time'],
    ['{} | max_over_time(span.bytes)', 'max_over_time'],
    ['{} | avg_over_time(duration)', 'avg_over_time'],
    ['{} | sum_over_time(span.bytes)', 'sum_over_time'],
    ['{} | quantile_over_time(duration, .5, .99)', 'quantile_over_time'],
    ['{} | histogram_over_time(duration)', 'histogram_over_time'],
    ['{} | compare({status = error})', 'compare'],
  ])('reads %s', (text, name) => {
    const q = metrics(text);
    expect([q.type, q.fn.name, q.from, q.to]).toEqual(['MetricsQuery', name, 0, text.length]);
  });

  it('reads quantiles, by(), topk and result comparisons in order', () => {
    const q = metrics(
      '{ .a } | quantile_over_time(duration, 0, 0.9, 1) by (span.http.path, name) | topk(5) > 10 <= 1s'
    );
    expect(q.fn.quantiles).toEqual([0, 0.9, 1]);
    expect(q.fn.by.map((b) => (b.type === 'Attribute' ? b.name : b.name))).toEqual(['http.path', 'span:name']);
    expect(withoutPositions(q.secondStages)).toEqual([
      { type: 'TopK', n: 5 },
      { type: 'MetricsFilter', op: '>', value: { type: 'Static', value: { kind: 'int', value: 10 }, raw: '10' } },
      {
        type: 'MetricsFilter',
        op: '<=',
        value: { type: 'Static', value: { kind: 'duration', value: 1e9 }, raw: '1s' },
      },
    ]);
  });

  it('reads compare() with top-N and a time window', () => {
    expect(metrics('{} | compare({ .a = 1 }, 5, 1700000000, 1700003600)').fn.compare).toMatchObject({
      topN: 5,
      start: 1700000000,
      end: 1700003600,
    });
    expect(metrics('{} | compare({ .a = 1 })').fn.compare?.topN).toBe(10);
  });

  it('reads arithmetic between parenthesised metrics queries and scalars', () => {
    const root = mustParse('100 * ({ status = error } | rate()) / ({ } | rate())');
    expect(withoutPositions(root.query)).toMatchObject({
      type: 'MetricsBinary',
      op: '/',
      left: {
        type: 'MetricsBinary',
        op: '*',
        left: { type: 'MetricsScalar', value: 100 },
        right: { type: 'MetricsParen' },
      },
      right: { type: 'MetricsParen', expr: { type: 'MetricsQuery' } },
    });
  });

  it('reads hints after a metrics query', () => {
    expect(mustParse('{} | rate() by (.a) with(sample=true, exemplars=false)').hints.map((h) => h.name)).toEqual([
      'sample',
      'exemplars',
    ]);
  });
});

describe('parseTraceQL: errors', () => {
  it.each([
    ['', 'unexpected end of query, expected a spanset such as { }', 1, 1, ''],
    ['{ .a = }', 'unexpected `}`, expected a value, attribute or intrinsic', 1, 8, '}'],
    ['{ .a = 1', 'unexpected end of query, expected `}` or an operator', 1, 9, ''],
    ['{ .a == 1 }', 'unexpected `=`, expected a value, attribute or intrinsic', 1, 7, '='],
    ['{ foo = 1 }', 'unknown identifier `foo`: attributes need a scope, e.g. .foo or span.foo', 1, 3, 'foo'],
    // Regression #19: a misspelt status or kind word names the words, not a missing scope.
    ['{ status = eror }', 'status is one of ok, error, unset; `eror` is not', 1, 12, 'eror'],
    [
      '{ span:kind != sever }',
      'span:kind is one of unspecified, internal, server, client, producer, consumer; `sever` is not',
      1,
      16,
      'sever',
    ],
    // Regression #19: a comparison with nothing after it asks for its value, not for a spanset.
    ['{ } | count() >', 'unexpected end of query: `>` needs a value after it, e.g. count() > 2', 1, 16, ''],
    ['{ .a } >', 'unexpected end of query, expected a spanset such as { }', 1, 9, ''],
    [
      '{ trace.a = 1 }',
      'trace. is not a scope; use span., resource., event., link., instrumentation., parent. or a leading .',
      1,
      3,
      'trace',
    ],
    ['{ trace:name = "a" }', 'unknown intrinsic `trace:name`', 1, 3, 'trace:name'],
    ['{ .a }\n  | count()', 'an aggregate in a pipeline must be compared, e.g. | count() > 1', 2, 5, 'count()'],
    ['{ .a }\n&& count() > 1', '`&&` needs a spanset on both sides, not a scalar filter', 2, 1, '&&'],
    ['{ .a } = { .b }', '`=` cannot combine spansets; use &&, ||, or a structural operator such as >>', 1, 8, '='],
    [
      '{ .a } + { .b }',
      '`+` cannot combine spansets; arithmetic works on numbers, aggregates and parenthesised metrics queries',
      1,
      8,
      '+',
    ],
    ['coalesce() | { }', 'a pipeline cannot start with coalesce()', 1, 1, 'coalesce()'],
    ['rate()', 'rate() needs a spanset pipeline before it, e.g. {} | rate()', 1, 1, 'rate()'],
    [
      '{ } | rate() | { }',
      'only topk(), bottomk() or a comparison can follow a metrics function, not a spanset',
      1,
      16,
      '{ }',
    ],
    ['{ } | topk(2)', 'topk() and bottomk() must follow a metrics function such as rate()', 1, 7, 'topk(2)'],
    [
      '{ } | rate() > "x"',
      'unexpected `"x"`: strings belong inside a spanset filter such as { .a = "x" }',
      1,
      16,
      '"x"',
    ],
    ['{ } | rate() > count()', 'a comparison on metrics results takes a number, not an aggregate', 1, 14, '>'],
    ['({ } | rate()) % 2', 'metrics arithmetic supports + - * /, not `%`', 1, 16, '%'],
    ['2s * ({ } | rate())', 'durations are not allowed in metrics arithmetic: 2s', 1, 1, '2s'],
    ['5 > 3', 'a scalar filter needs an aggregate such as count() on one side', 1, 1, '5 > 3'],
    ['{ } | count = 1', 'unexpected `=`, expected `(` after count', 1, 13, '='],
    ['{ } | max() = 1', 'max() needs a field to aggregate, e.g. max(duration)', 1, 11, ')'],
    ['{ } | select(1)', 'unexpected `1`: select() takes attributes or intrinsics', 1, 14, '1'],
    ['{ } | rate() by ()', 'by () needs at least one attribute', 1, 18, ')'],
    ['{ } with(a=)', 'unexpected `)`, expected a value for hint a', 1, 12, ')'],
    ['{ } { }', 'unexpected `{` after the end of the query', 1, 5, '{'],
    ['{ .a = "open }', 'unterminated string', 1, 8, '"open }'],
    ['{ .a = 1, .b = 2 }', 'conditions in { } are combined with && or ||, not commas', 1, 9, ','],
    ["{ .a = 'x' }", 'unexpected character "\'"; strings use double quotes or backticks', 1, 8, "'"],
    [
      '{ } with(sample=0.1) | count() > 1',
      'unexpected `|`: with(...) hints must come at the very end of the query',
      1,
      22,
      '|',
    ],
    ['{ .a = $svc }', 'template variable $svc was not replaced; is it defined?', 1, 8, '$svc'],
  ])('rejects %j: %s', (text, message, line, column, token) => {
    const r = parseTraceQL(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ message, line, column, token });
    }
  });

  it('regression: a raw string spanning lines still gives a one-line message', () => {
    const r = parseTraceQL('`a\nb`');
    expect(!r.ok && r.error.message).toBe(
      'unexpected ``a\\nb``: strings belong inside a spanset filter such as { .a = `a\\nb` }'
    );
  });

  it('regression: minInt and maxInt are numbers in scalar filters', () => {
    expect(parseTraceQL('{ } | count() > minInt').ok).toBe(true);
    expect(parseTraceQL('{ } | sum(span.x) < maxInt').ok).toBe(true);
  });

  it('counts columns in characters, not UTF-16 units', () => {
    const r = parseTraceQL('{ .a = "😀" && }');
    expect(!r.ok && [r.error.column, r.error.from]).toEqual([15, 15]);
  });

  it('bounds nesting instead of overflowing the stack', () => {
    const r = parseTraceQL('('.repeat(5000) + '{ }' + ')'.repeat(5000));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toBe('query nests more than 400 levels deep');
  });

  it('accepts reasonably deep nesting', () => {
    expect(
      parseTraceQL('('.repeat(100) + '{ ' + '('.repeat(100) + '.a' + ')'.repeat(100) + ' }' + ')'.repeat(100)).ok
    ).toBe(true);
  });

  it('builds long pipelines and metrics stage chains completely', () => {
    const pipeline = mustParse(Array.from({ length: 5000 }, (_, i) => `{ .a = ${i} }`).join(' | '))
      .query as PipelineNode;
    expect(pipeline.stages).toHaveLength(5000);
    const metrics = mustParse('{} | rate()' + ' | topk(1) > 1'.repeat(2000)).query as MetricsQueryNode;
    expect(metrics.secondStages).toHaveLength(4000);
  });

  it('parses a 100 KB chain of conditions', () => {
    // 1,500 conditions: long, yet under the 2,000-level depth limit (depth.ts).
    const text =
      '{ ' +
      Array.from({ length: 1500 }, (_, i) => `span.attribute_number_${i} = "a value long enough to matter ${i}"`).join(
        ' && '
      ) +
      ' }';
    expect(text.length).toBeGreaterThan(100_000);
    expect(parseTraceQL(text).ok).toBe(true);
  });
});
