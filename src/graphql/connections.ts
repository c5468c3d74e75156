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

/**
 * The cursors this API gives out for a connection on `id`: base64 of `GPC:S:<uuid>`
 * (UUID ids) or `GPC:I:<digits>` (the audit log's bigint ids). The Prisma plugin
 * decodes any tag a client sends (a JSON object, a date, a string for a bigint) and
 * hands it to Prisma, whose validation error would be a 500.
 */
const CURSORS = {
  uuid: /^GPC:S:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  bigint: /^GPC:I:\d{1,19}$/,
} as const;

function checkCursors(args: { after?: string | null; before?: string | null }, ids: keyof typeof CURSORS): void {
  for (const name of ['after', 'before'] as const) {
    const cursor = args[name];
    if (cursor != null && !CURSORS[ids].test(Buffer.from(cursor, 'base64').toString('utf8'))) {
      throw userInputError(`"${name}" is not a cursor of this list (use a cursor or endCursor/startCursor it returned)`, [{ path: [name], message: 'not a cursor of this list' }]);
    }
  }
}

/** Spread into `t.prismaConnection` / `t.relatedConnection` options; `ids` is the kind of id the cursor holds. */
export function pagingOf(ids: keyof typeof CURSORS) {
  return {
    maxSize: (args: { first?: number | null; last?: number | null; after?: string | null; before?: string | null }) => {
      checkCursors(args, ids);
      return checkPageSize(args);
    },
    defaultSize: DEFAULT_PAGE_SIZE,
  } as const;
}

/** Spread into `t.prismaConnection` / `t.relatedConnection` options (UUID ids). */
export const paging = pagingOf('uuid');
