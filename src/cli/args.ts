/**
 * A small flag parser for the CLI: `--flag value`, `--flag=value`, repeated flags, multi-value flags
 * (`--traces a.json b.json`), boolean flags, positional arguments and a `--` terminator. Errors are
 * values: main turns them into a usage message and exit code 2.
 */

export interface FlagSpec {
  /** Without the leading dashes: 'traces'. */
  readonly name: string;
  /** A one-letter alias without the dash: 'h'. */
  readonly short?: string;
  /** 'boolean' takes no value; 'value' takes one; 'list' takes one or more following values. */
  readonly type: 'boolean' | 'value' | 'list';
  /** May the flag be given more than once? Values accumulate in order. */
  readonly repeatable?: boolean;
}

export interface ParsedArgs {
  readonly positionals: readonly string[];
  /** Every value given for a flag, in order; a boolean flag that is set has the value 'true'. */
  readonly values: ReadonlyMap<string, readonly string[]>;
}

export type ArgsResult =
  { readonly ok: true; readonly args: ParsedArgs } | { readonly ok: false; readonly error: string };

export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ArgsResult {
  const byName = new Map<string, FlagSpec>();
  for (const spec of specs) {
    byName.set(`--${spec.name}`, spec);
    if (spec.short) {
      byName.set(`-${spec.short}`, spec);
    }
  }
  const positionals: string[] = [];
  const values = new Map<string, string[]>();
  const add = (spec: FlagSpec, items: string[]): string | null => {
    const existing = values.get(spec.name);
    if (existing && !spec.repeatable) {
      return `--${spec.name} was given more than once`;
    }
    values.set(spec.name, (existing ?? []).concat(items));
    return null;
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!isFlag(arg)) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = byName.get(flag);
    if (spec === undefined) {
      return { ok: false, error: `unknown flag ${flag}` };
    }
    let items: string[];
    if (spec.type === 'boolean') {
      if (eq > 0) {
        const v = arg.slice(eq + 1);
        if (v !== 'true' && v !== 'false') {
          return { ok: false, error: `--${spec.name} takes no value (or =true/=false), got ${JSON.stringify(v)}` };
        }
        items = [v];
      } else {
        items = ['true'];
      }
    } else if (eq > 0) {
      items = [arg.slice(eq + 1)];
    } else if (spec.type === 'value') {
      // The next argument is the value even if it starts with '-' (e.g. `--offset -5`).
      if (i + 1 >= argv.length) {
        return { ok: false, error: `--${spec.name} needs a value` };
      }
      items = [argv[++i]];
    } else {
      items = [];
      while (i + 1 < argv.length && !isFlag(argv[i + 1]) && argv[i + 1] !== '--') {
        items.push(argv[++i]);
      }
      if (items.length === 0) {
        return { ok: false, error: `--${spec.name} needs at least one value` };
      }
    }
    const problem = add(spec, items);
    if (problem) {
      return { ok: false, error: problem };
    }
  }
  return { ok: true, args: { positionals, values } };
}

/** `-` alone (stdin) and negative numbers are values, not flags. */
function isFlag(arg: string): boolean {
  return arg.length > 1 && arg.startsWith('-') && !/^-\d/.test(arg);
}

/** The last value given for a flag. */
export function flagValue(args: ParsedArgs, name: string): string | undefined {
  const v = args.values.get(name);
  return v === undefined ? undefined : v[v.length - 1];
}

export function flagValues(args: ParsedArgs, name: string): readonly string[] {
  return args.values.get(name) ?? [];
}

export function flagSet(args: ParsedArgs, name: string): boolean {
  return flagValue(args, name) === 'true';
}

/** A whole number flag within bounds; undefined when absent, an error message when invalid. */
export function intFlag(
  args: ParsedArgs,
  name: string,
  min: number,
  max: number
): { ok: true; value: number | undefined } | { ok: false; error: string } {
  const raw = flagValue(args, name);
  if (raw === undefined) {
    return { ok: true, value: undefined };
  }
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min || n > max) {
    return { ok: false, error: `--${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}` };
  }
  return { ok: true, value: n };
}
