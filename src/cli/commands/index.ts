import type { CliCommand } from '../types';
import { explainCommand } from './explain';
import { graphCommand } from './graph';
import { latencyCommand } from './latency';
import { parseCommand } from './parse';
import { queryCommand } from './query';
import { samplingCommand } from './sampling';
import { servicesCommand } from './services';

/** Every `tracelens` command, in the order `tracelens --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  parseCommand,
  explainCommand,
  queryCommand,
  graphCommand,
  servicesCommand,
  latencyCommand,
  samplingCommand,
];
