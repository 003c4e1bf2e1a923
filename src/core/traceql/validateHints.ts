import { HintNode } from './ast';
import { isKnownHint, SAFE_HINTS } from './names';
import { Report } from './validateField';

const BOOLEAN_HINTS = new Set([
  'most_recent',
  'exemplars',
  'extrapolate',
  'skip_ast_transformations',
  'spanonly_fetch',
  'debug',
  'info',
]);
const FRACTION_HINTS = new Set(['trace_sample', 'span_sample']);
const COUNT_HINTS = new Set(['job_size', 'concurrent_blocks']);

/** Unknown hint names and values of the wrong kind, the way Tempo refuses them. */
export function checkHints(hints: readonly HintNode[], report: Report): void {
  for (const h of hints) {
    if (!isKnownHint(h.name)) {
      report(h.from, h.to, `unknown hint ${h.name}; known hints are ${SAFE_HINTS.join(', ')} and the unsafe ones`);
      continue;
    }
    const v = h.value.value;
    const fraction = v.kind === 'float' || v.kind === 'int' ? Number(v.value) : undefined;
    if (BOOLEAN_HINTS.has(h.name) && v.kind !== 'bool') {
      report(h.value.from, h.value.to, `hint ${h.name} takes true or false`);
    } else if (FRACTION_HINTS.has(h.name) && !(fraction !== undefined && fraction > 0 && fraction <= 1)) {
      report(h.value.from, h.value.to, `hint ${h.name} takes a fraction greater than 0 and at most 1`);
    } else if (h.name === 'sample' && v.kind !== 'bool' && !(fraction !== undefined && fraction > 0 && fraction <= 1)) {
      report(h.value.from, h.value.to, 'hint sample takes true, false or a fraction greater than 0 and at most 1');
    } else if (COUNT_HINTS.has(h.name) && !(v.kind === 'int' && Number(v.value) > 0)) {
      report(h.value.from, h.value.to, `hint ${h.name} takes a positive whole number`);
    } else if (h.name === 'time_overlap_cutoff' && !(fraction !== undefined && fraction >= 0 && fraction <= 1)) {
      report(h.value.from, h.value.to, 'hint time_overlap_cutoff takes a fraction between 0 and 1');
    }
  }
}
