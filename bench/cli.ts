// What the bench's command lines (run.ts, loadtest.ts) share: their errors and
// integer options.

/** A command line the runner cannot use: printed as one line, exit 2. */
export class UsageError extends Error {}
/** Ctrl-C or SIGTERM during a run. */
export class Interrupted extends Error {}

/** An integer option of at least `min`, or `fallback` when it is not given. */
export function integerOption(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer of at least ${min} (got "${value}")`);
  return n;
}
