// The root fields every object type has: by key (`contact(id)`) and the paged list
// (`contacts(first, after, last, before)`) with totalCount. One mechanism for all
// nine types, so paging, counting and null-for-unknown-id behave the same everywhere.
import type { Context } from './context';
import { builder } from './builder';
import { delegateOf } from './delegate';
import { paging } from './connections';
import type { ListArgs } from './fields';
import { listArgs, toOrderBy, toWhere, type ModelName } from './filters';
import { visibleById, visibleWhere } from './visibility';
import { userInputError } from './errors';
import { textProblem } from './write-inputs';

/** The Prisma delegate of a model (`Contact` → `ctx.db.contact`). */
export const delegate = (ctx: Context, model: ModelName) => delegateOf(ctx.db, model);

export function addModelQueries(options: {
  model: ModelName;
  /** Root field for one row by id, e.g. `contact`. */
  single: string;
  /** Root field for the paged list, e.g. `contacts`. */
  list: string;
  noun: string;
  nouns: string;
}): void {
  const { model, single, list, noun, nouns } = options;
  builder.queryFields((t) => ({
    [single]: t.prismaField({
      type: model,
      nullable: true,
      description: `One ${noun} by id; null when there is none.`,
      args: { id: t.arg({ type: 'UUID', required: true }) },
      resolve: (query, _root, args, ctx) => delegate(ctx, model).findUnique({ ...query, where: visibleById(ctx, model, args.id) }) as never,
    }),
    [list]: t.prismaConnection({
      type: model,
      cursor: 'id',
      ...paging,
      description: `${nouns[0]!.toUpperCase()}${nouns.slice(1)}, a page at a time (default 20, at most 100).`,
      args: listArgs(t, model),
      totalCount: (_root, args, ctx) => {
        // A bad orderBy is an error even when only the count is selected.
        toOrderBy(model, (args as ListArgs).orderBy);
        return delegate(ctx, model).count({ where: visibleWhere(ctx, model, toWhere(model, (args as ListArgs).filter)) });
      },
      resolve: (query, _root, args, ctx) =>
        delegate(ctx, model).findMany({
          ...query,
          where: visibleWhere(ctx, model, toWhere(model, (args as ListArgs).filter)),
          orderBy: toOrderBy(model, (args as ListArgs).orderBy),
        }) as never,
    }),
  }));
}

/**
 * A root field finding one row by a unique column other than id
 * (`contactByEmail(email)`, `invoiceByNumber(invoiceNumber)`); null when none.
 */
export function addLookupQuery(options: {
  model: ModelName;
  field: string;
  /** The argument, named like the Prisma field it matches. */
  arg: string;
  argType: 'String' | 'EmailAddress';
  description: string;
  /** How stored values are normalised (e.g. emails are stored lower-case). */
  normalize?: (value: string) => string;
}): void {
  const { model, field, arg, argType, description, normalize = (v: string) => v.trim() } = options;
  builder.queryField(field, (t) =>
    t.prismaField({
      type: model,
      nullable: true,
      description,
      args: { [arg]: t.arg({ type: argType, required: true }) },
      resolve: (query, _root, args, ctx) => {
        const value = String((args as Record<string, unknown>)[arg]);
        // Text no row can hold: NUL fails the statement, half a surrogate pair is cut short by the embedded driver.
        const problem = textProblem(value);
        if (problem) throw userInputError(`Invalid input: ${arg}: ${problem}`, [{ path: [arg], message: problem }]);
        return delegate(ctx, model).findUnique({ ...query, where: { [arg]: normalize(value) } }) as never;
      },
    }),
  );
}
