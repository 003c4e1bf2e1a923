import { BACKENDS } from '../core/backends';
import { TraceLensError } from '../core/errors';
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, main } from './main';
import { fakeIO } from './testing';
import type { CliCommand } from './types';

function command(name: string, run: CliCommand['run']): CliCommand {
  return { name, summary: `The ${name} command`, usage: `tracelens ${name} [--x]`, run };
}

const echo = command('echo', async (argv, io) => {
  io.stdout(argv.join(' '));
  return EXIT_OK;
});

describe('main dispatch', () => {
  it('runs the named command with the remaining arguments', async () => {
    const io = fakeIO();
    expect(await main(['echo', 'a', 'b'], io, [echo])).toBe(EXIT_OK);
    expect(io.out()).toBe('a b');
  });

  it('prints the overview for --help and help, listing every command', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const io = fakeIO();
      expect(await main(argv, io, [echo])).toBe(EXIT_OK);
      expect(io.out()).toContain('echo  The echo command');
      expect(io.out()).toContain('Exit codes: 0 ok, 2 bad query or usage, 1 runtime failure');
    }
  });

  it('names every registered backend in the overview and its --<name> URL flag in each live command', async () => {
    const overview = fakeIO();
    expect(await main(['--help'], overview)).toBe(EXIT_OK);
    for (const backend of BACKENDS) {
      expect(overview.out().split('\n')[0]).toContain(backend.label);
    }
    for (const name of ['query', 'graph', 'services', 'latency', 'sampling']) {
      const io = fakeIO();
      expect(await main([name, '--help'], io)).toBe(EXIT_OK);
      for (const backend of BACKENDS) {
        expect(io.out()).toMatch(new RegExp(`Usage:[^]*--${backend.kind} URL`));
        expect(io.out()).toMatch(new RegExp(`^  --${backend.kind} URL +\\S`, 'm'));
      }
    }
  });

  it('prints a command usage for `help <cmd>` and `<cmd> --help`', async () => {
    for (const argv of [
      ['help', 'echo'],
      ['echo', '--help'],
    ]) {
      const io = fakeIO();
      expect(await main(argv, io, [echo])).toBe(EXIT_OK);
      expect(io.out()).toBe('The echo command\n\nUsage: tracelens echo [--x]\n');
    }
  });

  it('passes --help after -- through to the command', async () => {
    const io = fakeIO();
    expect(await main(['echo', '--', '--help'], io, [echo])).toBe(EXIT_OK);
    expect(io.out()).toBe('-- --help');
  });

  it('exits 2 with the overview on stderr for no command or an unknown one', async () => {
    const none = fakeIO();
    expect(await main([], none, [echo])).toBe(EXIT_USAGE);
    expect(none.err()).toContain('Usage: tracelens <command>');
    const unknown = fakeIO();
    expect(await main(['nope'], unknown, [echo])).toBe(EXIT_USAGE);
    expect(unknown.err()).toContain('unknown command "nope"');
    const unknownHelp = fakeIO();
    expect(await main(['help', 'nope'], unknownHelp, [echo])).toBe(EXIT_USAGE);
  });

  it.each([
    ['parse', EXIT_USAGE],
    ['validate', EXIT_USAGE],
    ['input', EXIT_USAGE],
    ['unreachable', EXIT_FAILURE],
    ['http', EXIT_FAILURE],
    ['malformed', EXIT_FAILURE],
    ['timeout', EXIT_FAILURE],
    ['cancelled', EXIT_INTERRUPTED],
  ] as const)('turns a thrown %s error into exit %i with its message', async (kind, code) => {
    const failing = command('boom', async () => {
      throw new TraceLensError(kind, `it went ${kind}`);
    });
    const io = fakeIO();
    expect(await main(['boom'], io, [failing])).toBe(code);
    expect(io.err()).toContain(
      kind === 'cancelled' ? 'tracelens boom: interrupted' : `tracelens boom: it went ${kind}`
    );
  });

  it('reports a foreign exception as a runtime failure without a stack trace', async () => {
    const failing = command('boom', async () => {
      throw new RangeError('bad index');
    });
    const io = fakeIO();
    expect(await main(['boom'], io, [failing])).toBe(EXIT_FAILURE);
    expect(io.err()).toBe('tracelens boom: unexpected failure: bad index\n');
  });

  it('exits 130 when the run was interrupted, even if the command returned normally', async () => {
    const io = fakeIO();
    const slow = command('slow', async (_argv, cliIO) => {
      io.abort();
      return cliIO.signal.aborted ? EXIT_FAILURE : EXIT_OK;
    });
    expect(await main(['slow'], io, [slow])).toBe(EXIT_INTERRUPTED);
  });
});
