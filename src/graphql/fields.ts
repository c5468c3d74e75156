// Field helpers shared by the object types.
import { paging } from './connections';
import { listArgs, toOrderBy, toWhere, type ModelName } from './filters';

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
    query: (args: { filter?: Record<string, unknown> | null; orderBy?: Record<string, unknown>[] | null }) => ({
      where: toWhere(model, args.filter),
      orderBy: toOrderBy(model, args.orderBy),
    }),
  } as const;
}
