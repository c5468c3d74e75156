// Field helpers shared by the object types.
import { resolveArrayConnection } from '@pothos/plugin-relay';
import { compiled } from './compiled/declare';
import type { Context } from './context';
import { checkPageSize, paging } from './connections';
import { delegateOf } from './delegate';
import { listArgs, toOrderBy, toWhere, type ModelName } from './filters';
import { requestLoader } from './loaders';

export type ListArgs = { filter?: Record<string, unknown> | null; orderBy?: Record<string, unknown>[] | null };

/**
 * Options of every to-many relation: paged like the root lists, with totalCount,
 * filter and orderBy (the count respects the filter).
 */
export function relatedList(t: Parameters<typeof listArgs>[0], model: ModelName) {
  const query = (args: ListArgs) => ({
    where: toWhere(model, args.filter),
    orderBy: toOrderBy(model, args.orderBy),
  });
  return {
    cursor: 'id',
    totalCount: true,
    ...paging,
    args: listArgs(t, model),
    query,
    extensions: compiled({ kind: 'related', model, paging, query }),
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
 * A to-many relation the Prisma plugin cannot plan (the polymorphic notes): the
 * rows of every parent in the request come from one statement per distinct
 * filter/orderBy (a per-request DataLoader), grouped by parent and paged in memory.
 * Parents have a handful of such rows, so loading them whole is cheaper than a
 * statement per parent.
 */
export function batchedConnection(
  t: ConnectionBuilder,
  options: {
    type: unknown;
    model: ModelName;
    description: string;
    /** Names the loader; unique per relation. */
    name: string;
    /** The parent's field the rows point at, and the rows' field that points. */
    parentField: string;
    childField: string;
    /** Which rows (for any parent) and in what order. */
    query: (ctx: Context, args: ListArgs) => { where?: Record<string, unknown>; orderBy: Record<string, unknown>[] };
  },
) {
  const { type, model, description, name, parentField, childField, query } = options;
  return t.connection(
    {
      type,
      description,
      args: listArgs(t as never, model),
      extensions: compiled({ kind: 'batched', model, parentField, childField, query }),
      resolve: async (parent: Record<string, unknown>, args: ListArgs & { first?: number | null; last?: number | null; before?: string | null; after?: string | null }, ctx: Context) => {
        checkPageSize(args);
        const loader = requestLoader<string, Record<string, unknown>[]>(ctx, `${name}:${JSON.stringify([args.filter, args.orderBy])}`, async (keys) => {
          const { where, orderBy } = query(ctx, args);
          const rows = await delegateOf(ctx.db, model).findMany({ where: { AND: [{ [childField]: { in: [...keys] } }, ...(where ? [where] : [])] }, orderBy });
          const groups = new Map<string, Record<string, unknown>[]>(keys.map((k) => [k, []]));
          for (const row of rows) groups.get(row[childField] as string)?.push(row);
          return keys.map((k) => groups.get(k)!);
        });
        const rows = await loader.load(parent[parentField] as string);
        return { ...resolveArrayConnection({ args }, rows), totalCount: rows.length };
      },
    } as never,
    withTotalCount,
  );
}
