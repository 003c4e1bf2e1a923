/**
 * The contract every `tracelens` command codes against. IO is injected so commands run the same in the
 * real CLI, in tests and in benchmarks, and so cancellation (SIGINT) reaches long-running work.
 */
export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  readFile(path: string): Promise<string>;
  signal: AbortSignal;
  /** Whether stdout is a terminal: `--output` then defaults to a table rather than JSON. */
  stdoutIsTTY?: boolean;
  /** The environment credentials are read from (TRACELENS_TOKEN...); process.env in the real CLI. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the process exit code: 0 ok, 2 bad query or usage, 1 runtime failure. */
  run(argv: string[], io: CliIO): Promise<number>;
}
