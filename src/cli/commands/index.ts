import type { CliCommand } from '../types';
import { parseCommand } from './parse';

/** Every `tracelens` command, in the order `tracelens --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [parseCommand];
