import { decision, parseFails, section, valid } from './caseTypes';

const UNKNOWN_HINT =
  'surprising: Tempo ignores hint names and values it does not know; we report them, since a misspelt hint silently does nothing';

/** `with (name = value, ...)` after a query: every hint Tempo knows, and how hints are written. */
export const HINT_CASES = [
  ...section('hints', [
    valid('{ } with (most_recent = true)'),
    valid('{ status = error } with (most_recent = false)'),
    valid('{ } | rate() with (exemplars = true)'),
    valid('{ } | rate() with (sample = true)'),
    valid('{ } | rate() with (sample = 0.1)'),
    valid('{ } | rate() with (span_sample = 0.05)'),
    valid('{ } | rate() with (trace_sample = 0.2)'),
    valid('{ } | rate() with (extrapolate = true)', 'weights each span by 1/p from its tracestate (unreleased)'),
    valid('{ } | rate() with (spanonly_fetch = true)', 'unsafe hints parse; Tempo ignores them without the override'),
    valid('{ } with (job_size = 100)'),
    valid('{ } with (time_overlap_cutoff = 0.5)'),
    valid('{ } with (concurrent_blocks = 20)'),
    valid('{ } with (debug = true)'),
    valid('{ } with (info = true)'),
    valid('{ } with (debug_cache = true)', 'the debug_ family'),
    valid('{ } with (skip_ast_transformations = true)'),
    valid('{ } | rate() with (sample = 0.1, exemplars = false)', 'several hints, comma-separated'),
    valid('{ } | rate() by (name) | topk(3) with (exemplars = true)'),
    valid('{ } | count() > 1 with (most_recent = true)'),
    valid('({ } | rate()) / ({ } | rate()) with (sample = true)'),
    valid('{ }with(most_recent=true)', 'no spaces needed'),
    decision(valid('{ } with (mostrecent = true)'), 'validate_fails', UNKNOWN_HINT),
    decision(valid('{ } with (sample = "lots")'), 'validate_fails', UNKNOWN_HINT),
    decision(valid('{ } with (most_recent = 1)'), 'validate_fails', UNKNOWN_HINT),
    decision(valid('{ } | rate() with (span_sample = 2)'), 'validate_fails', UNKNOWN_HINT),
    decision(valid('{ } with (job_size = 0)'), 'validate_fails', UNKNOWN_HINT),
    valid('{ } with (most_recent = true) with (exemplars = true)', 'surprising: hints may be given twice'),
    parseFails('{ } with ()', 'at least one hint'),
    parseFails('{ } with most_recent = true', 'the parentheses are required'),
    parseFails('{ } with (most_recent)'),
    parseFails('{ } with (most_recent = )'),
    parseFails('{ } with (most_recent = true,)'),
    parseFails('{ } with (most_recent = span.a)', 'a hint value is a literal'),
    parseFails('{ } with (most_recent == true)'),
    parseFails('{ } with (most_recent = true) | count() > 1', 'hints come last'),
    parseFails('with (most_recent = true)'),
    parseFails('{ with (most_recent = true) }'),
    parseFails('{ } | rate() with (sample = -0.1)', 'a hint value takes no sign'),
  ]),
];
