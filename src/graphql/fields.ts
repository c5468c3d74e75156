// Field helpers shared by the object types.
import { resolveArrayConnection } from '@pothos/plugin-relay';
import type { Context } from './context';
import { checkPageSize, paging } from './connections';
import { listArgs, toOrderBy, toWhere, type ModelName } from './filters';
import { requestLoader } from './loaders';

export type ListArgs = { filter?: Record<string, unknown> | null; orderBy?: Record<string, unknown>[] | null };

/**
 * Options of every to-many relation: paged like the root lists, with totalCount,
 * filter and orderBy (the count respects the filter).
 */
export function relatedList(t: Parameters<typeof listArgs>[0], model: ModelName) {
  return {
    cursor: 'id',
    totalCount: true,
    ...paging,
    args: listArgs(t, model),
    query: (args: ListArgs) => ({
      where: toWhere(model, args.filter),
      orderBy: toOrderBy(model, args.orderBy),
    }),
  } as const;
}

/** Connection options for a connection whose resolver returns `totalCount` with its page. */
export const withTotalCount = {
  fields: (c: { int: (o: object) => unknown }) => ({
    totalCount: c.int({ description: 'How many records match, across all pages.', resolve: (conn: { totalCount: number }) => conn.totalCount }),
  }),
} as never;

type ConnectionBuilder = {
  connection: (options: never, connectionOptions: never) => unknown;
  arg: (...args: never[]) => unknown;
};

/**
 * A to-many relation the Prisma plugin cannot plan (the polymorphic notes, the
 * projects ↔ services links): the rows of every parent in the request come from
 * one statement per distinct filter/orderBy (a per-request DataLoader), grouped
 * by parent and paged in memory. Parents have a handful of such rows, so loading
 * them whole is cheaper than a statement per parent.
 */
export function batchedConnection<Parent, Row>(
  t: ConnectionBuilder,
  options: {
    type: unknown;
    model: ModelName;
    description: string;
    /** Names the loader; unique per relation. */
    name: string;
    parentKey: (parent: Parent) => string;
    /** All rows of these parents matching the args, in order, each with its parent's key. */
    fetch: (ctx: Context, keys: string[], args: ListArgs) => Promise<{ key: string; row: Row }[]>;
  },
) {
  const { type, model, description, name, parentKey, fetch } = options;
  return t.connection(
    {
      type,
      description,
      args: listArgs(t as never, model),
      resolve: async (parent: Parent, args: ListArgs & { first?: number | null; last?: number | null; before?: string | null; after?: string | null }, ctx: Context) => {
        checkPageSize(args);
        const loader = requestLoader<string, Row[]>(ctx, `${name}:${JSON.stringify([args.filter, args.orderBy])}`, async (keys) => {
          const groups = new Map<string, Row[]>(keys.map((k) => [k, []]));
          for (const { key, row } of await fetch(ctx, [...keys], args)) groups.get(key)?.push(row);
          return keys.map((k) => groups.get(k)!);
        });
        const rows = await loader.load(parentKey(parent));
        return { ...resolveArrayConnection({ args }, rows), totalCount: rows.length };
      },
    } as never,
    withTotalCount,
  );
}
