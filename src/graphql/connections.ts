// Paging rules shared by every list root field and to-many relation: a default
// page of 20 and a maximum of 100. The Prisma plugin would silently cut a larger
// page to the maximum; the contract wants an error instead, so every connection
// takes its page size from here.
import { userInputError } from './errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Throws BAD_USER_INPUT for a page larger than the maximum; returns the maximum. */
export function checkPageSize(args: { first?: number | null; last?: number | null }): number {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value != null && value > MAX_PAGE_SIZE) {
      throw userInputError(`"${name}" must be at most ${MAX_PAGE_SIZE} (got ${value})`, [
        { path: [name], message: `at most ${MAX_PAGE_SIZE}` },
      ]);
    }
    if (value != null && value < 0) {
      throw userInputError(`"${name}" must not be negative (got ${value})`, [{ path: [name], message: 'must be 0 or more' }]);
    }
  }
  return MAX_PAGE_SIZE;
}

/** Spread into `t.prismaConnection` / `t.relatedConnection` options. */
export const paging = { maxSize: checkPageSize, defaultSize: DEFAULT_PAGE_SIZE } as const;
