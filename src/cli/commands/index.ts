import type { CliCommand } from '../types';

/** Every `tracelens` command, in the order `tracelens --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [];
