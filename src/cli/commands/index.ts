import type { CliCommand } from '../types';
import { explainCommand } from './explain';
import { parseCommand } from './parse';
import { queryCommand } from './query';

/** Every `tracelens` command, in the order `tracelens --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [parseCommand, explainCommand, queryCommand];
