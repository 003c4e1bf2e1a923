/** Exit codes, as documented in `tracelens --help`. Commands import these rather than bare numbers. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
/** The shell convention for a run stopped by SIGINT (128 + 2). */
export const EXIT_INTERRUPTED = 130;
