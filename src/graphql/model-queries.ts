// The root fields every object type has: by key (`contact(id)`) and the paged list
// (`contacts(first, after, last, before)`) with totalCount. One mechanism for all
// nine types, so paging, counting and null-for-unknown-id behave the same everywhere.
import type { Context } from './context';
import { builder } from './builder';
import { delegateOf } from './delegate';
import { compiled } from './compiled/declare';
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
  // One definition of what each field reads, for its resolver and for the compiled read path.
  const byId = (ctx: Context, args: Record<string, unknown>) => visibleById(ctx, model, args.id as string);
  const listQuery = (ctx: Context, args: ListArgs) => ({
    where: visibleWhere(ctx, model, toWhere(model, args.filter)),
    orderBy: toOrderBy(model, args.orderBy),
  });
  // A bad orderBy is an error even when only the count is selected.
  const countWhere = (ctx: Context, args: ListArgs) => listQuery(ctx, args).where;
  builder.queryFields((t) => ({
    [single]: t.prismaField({
      type: model,
      nullable: true,
      description: `One ${noun} by id; null when there is none.`,
      args: { id: t.arg({ type: 'UUID', required: true }) },
      extensions: compiled({ kind: 'one', model, where: byId }),
      resolve: (query, _root, args, ctx) => delegate(ctx, model).findUnique({ ...query, where: byId(ctx, args) }) as never,
    }),
    [list]: t.prismaConnection({
      type: model,
      cursor: 'id',
      ...paging,
      description: `${nouns[0]!.toUpperCase()}${nouns.slice(1)}, a page at a time (default 20, at most 100).`,
      args: listArgs(t, model),
      extensions: compiled({ kind: 'list', model, paging, query: listQuery, count: countWhere }),
      totalCount: (_root, args, ctx) => delegate(ctx, model).count({ where: countWhere(ctx, args as ListArgs) }),
      resolve: (query, _root, args, ctx) => delegate(ctx, model).findMany({ ...query, ...listQuery(ctx, args as ListArgs) }) as never,
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
  const unique = (_ctx: Context, args: Record<string, unknown>) => {
    const value = String(args[arg]);
    // Text no row can hold: NUL fails the statement, half a surrogate pair is cut short by the embedded driver.
    const problem = textProblem(value);
    if (problem) throw userInputError(`Invalid input: ${arg}: ${problem}`, [{ path: [arg], message: problem }]);
    return { [arg]: normalize(value) };
  };
  builder.queryField(field, (t) =>
    t.prismaField({
      type: model,
      nullable: true,
      description,
      args: { [arg]: t.arg({ type: argType, required: true }) },
      extensions: compiled({ kind: 'one', model, where: unique }),
      resolve: (query, _root, args, ctx) => delegate(ctx, model).findUnique({ ...query, where: unique(ctx, args) }) as never,
    }),
  );
}
