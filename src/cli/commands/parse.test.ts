import { fakeIO } from '../testing';
import { parseCommand } from './parse';

describe('tracelens parse', () => {
  it('prints the AST as JSON with bigint as a string and exits 0', async () => {
    const io = fakeIO();
    expect(await parseCommand.run(['{ span.big = 9223372036854775807 }'], io)).toBe(0);
    const ast = JSON.parse(io.out());
    expect(ast.type).toBe('Root');
    expect(ast.query.stages[0].expr.right.value).toEqual({ kind: 'int', value: '9223372036854775807' });
    expect(io.err()).toBe('');
  });

  it('prints one line with --compact', async () => {
    const io = fakeIO();
    expect(await parseCommand.run(['--compact', '{ }'], io)).toBe(0);
    expect(io.out().trim().split('\n')).toHaveLength(1);
  });

  it('reports an invalid query with line, column and caret on stderr and exits 2', async () => {
    const io = fakeIO();
    expect(await parseCommand.run(['{ .a = 1 }\n| count( > 2'], io)).toBe(2);
    expect(io.out()).toBe('');
    const lines = io.err().split('\n');
    expect(lines[0]).toMatch(/^tracelens parse: line 2, column \d+: /);
    expect(lines[1]).toBe('| count( > 2');
    expect(lines[2]).toMatch(/^ *\^+$/);
  });

  it('reports a query nested past the limit as a query error (exit 2), not an unexpected failure', async () => {
    const io = fakeIO();
    const deep = Array.from({ length: 4000 }, () => '{ .a = 1 }').join(' >> ');
    expect(await parseCommand.run([deep], io)).toBe(2);
    expect(io.err()).toMatch(/^tracelens parse: line 1, column \d+: query nests more than 2000 levels deep/);
    expect(io.err()).not.toContain('unexpected failure');
  });

  it('exits 2 with usage when the query is missing or doubled, or a flag is unknown', async () => {
    for (const argv of [[], ['{ }', '{ }'], ['--nope', '{ }']]) {
      const io = fakeIO();
      expect(await parseCommand.run(argv, io)).toBe(2);
      expect(io.err()).toContain('Usage: tracelens parse');
    }
  });

  it('takes a query that starts with a dash after --', async () => {
    const io = fakeIO();
    expect(await parseCommand.run(['--', '-{ }'], io)).toBe(2);
    expect(io.err()).toContain('line 1, column 1');
  });
});

describe('tracelens parse --var', () => {
  it('interpolates Grafana template variables before parsing', async () => {
    const io = fakeIO();
    const code = await parseCommand.run(
      ['--var', 'svc=api-gateway', '--compact', '{ resource.service.name = "$svc" }'],
      io
    );
    expect(code).toBe(0);
    expect(JSON.parse(io.out()).query.stages[0].expr.right.value).toEqual({ kind: 'string', value: 'api-gateway' });
  });

  it('turns a repeated variable into a regex alternation inside =~', async () => {
    const io = fakeIO();
    const argv = ['--var', 'svc=a.b', '--var', 'svc=c', '--compact', '{ resource.service.name =~ "${svc}" }'];
    expect(await parseCommand.run(argv, io)).toBe(0);
    expect(JSON.parse(io.out()).query.stages[0].expr.right.value.value).toBe('a\\.b|c');
  });

  it('rejects a --var without name=value', async () => {
    const io = fakeIO();
    expect(await parseCommand.run(['--var', 'oops', '{ }'], io)).toBe(2);
    expect(io.err()).toContain('--var takes name=value, got "oops"');
  });
});
