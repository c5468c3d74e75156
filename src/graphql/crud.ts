// createX / updateX / deleteX for every object type, one mechanism for all, so
// input checks, not-found, partial updates and refused deletes behave the same
// everywhere. A module passes its write fields (<entity>.inputs.ts) and, from its
// service, whatever rules it has; workflow mutations use `atomic` and
// `findRecord` the same way.
import { GraphQLError } from 'graphql';
import type { Scopes } from '../auth/scopes';
import type { Context } from './context';
import { builder } from './builder';
import { InputErrors, notFoundError } from './errors';
import { delegateOf } from './delegate';
import type { ModelName } from './filters';
import { visibleById } from './visibility';
import { checkWriteInput, NOUNS, type defineWriteInputs, type WriteFields } from './write-inputs';

type Row = { id: string } & Record<string, unknown>;

/**
 * Runs a mutation's writes as one unit: a savepoint inside the request's
 * transaction (Prisma nests `$transaction` that way), so a failed mutation is
 * undone without undoing the ones before it in the same request.
 */
export function atomic<T>(ctx: Context, fn: (ctx: Context) => Promise<T>): Promise<T> {
  return ctx.db.$transaction((tx) => fn({ ...ctx, db: tx }), { timeout: 60_000, maxWait: 10_000 });
}

/** The record as the client selected it (`query` from the Prisma plugin). */
export function findRecord(ctx: Context, model: ModelName, query: object, id: string): Promise<never> {
  return delegateOf(ctx.db, model).findUniqueOrThrow({ ...query, where: { id } }) as Promise<never>;
}

/** The record by id, or NOT_FOUND. */
export async function existingRecord<T = Row>(ctx: Context, model: ModelName, id: string, args: object = {}): Promise<T> {
  const row = await delegateOf(ctx.db, model).findUnique({ ...args, where: visibleById(ctx, model, id) });
  if (!row) throw notFoundError(NOUNS[model], id);
  return row as T;
}

export interface CrudOptions {
  model: ModelName;
  inputs: ReturnType<typeof defineWriteInputs>;
  /** Cross-field rules, run after the per-field checks; `existing` is undefined on create. */
  rules?: (args: { ctx: Context; data: Record<string, unknown>; existing?: Row; errors: InputErrors }) => void | Promise<void>;
  /** Replaces the plain insert (e.g. to assign a document number); returns the new id. */
  create?: (ctx: Context, data: Record<string, unknown>) => Promise<string>;
  /** Replaces the plain update (e.g. for status side effects). */
  update?: (ctx: Context, existing: Row, data: Record<string, unknown>) => Promise<void>;
  /** Refuses a delete with a clear error before the database would. */
  beforeDelete?: (ctx: Context, existing: Row) => Promise<void>;
  descriptions?: { create?: string; update?: string; delete?: string };
  /**
   * Who may write this model, when not the Mutation type's default (write;
   * deletes: remove). Invoices and services pass { billing: true }.
   */
  scopes?: Partial<Scopes>;
}

/**
 * The data an input asks to write, checked field by field and then by `rules`
 * (create when there is no `existing` record, update otherwise), or one
 * BAD_USER_INPUT naming every problem. Workflow mutations check their inputs with
 * it too, so they follow the same rules as createX/updateX.
 */
export async function checkInput(
  ctx: Context,
  options: { model: ModelName; fields: WriteFields; rules?: CrudOptions['rules'] },
  input: Record<string, unknown>,
  existing?: Row,
): Promise<Record<string, unknown>> {
  const errors = new InputErrors();
  const data = await checkWriteInput(ctx.db, options.model, options.fields, input, { mode: existing ? 'update' : 'create', errors });
  if (options.rules && errors.empty) await options.rules({ ctx, data, existing, errors });
  else if (options.rules) await crossFieldErrors(options.rules, { ctx, data, existing, errors });
  errors.throwIfAny();
  return data;
}

/**
 * The cross-field rules of an input that also has fields invalid on their own, so
 * that one answer lists every problem: a rule's error is kept when the rule had
 * read no invalid field before reporting it (an invalid field is missing from
 * `data`, and a rule reading it would judge the stored or default value instead);
 * a refusal the rule throws waits until the fields are valid.
 */
async function crossFieldErrors(rules: NonNullable<CrudOptions['rules']>, args: { ctx: Context; data: Record<string, unknown>; existing?: Row; errors: InputErrors }): Promise<void> {
  const invalid = new Set(args.errors.list.filter((e) => e.path[0] === 'input').map((e) => e.path[1]));
  const read = new Set<string>();
  const note = (key: string | symbol) => typeof key === 'string' && read.add(key);
  const data = new Proxy(args.data, {
    get: (target, key, receiver) => (note(key), Reflect.get(target, key, receiver)),
    has: (target, key) => (note(key), Reflect.has(target, key)),
  });
  const errors = new (class extends InputErrors {
    override add(path: string[], message: string): void {
      if (![...read].some((field) => invalid.has(field))) args.errors.add(path, message);
    }
  })();
  try {
    await rules({ ctx: args.ctx, data, existing: args.existing, errors });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
  }
}

export function addCrudMutations(options: CrudOptions): void {
  const { model, inputs, rules } = options;
  const noun = NOUNS[model];
  const delegate = (ctx: Context) => delegateOf(ctx.db, model);
  const access = (fallback: Partial<Scopes>) => ({ authScopes: options.scopes ?? fallback, skipTypeScopes: true }) as const;
  const checked = (ctx: Context, input: Record<string, unknown>, existing?: Row) => checkInput(ctx, { model, fields: inputs.fields, rules }, input, existing);

  builder.mutationFields((t) => ({
    [`create${model}`]: t.prismaField({
      type: model,
      ...access({ write: true }),
      description: options.descriptions?.create ?? `Creates a ${noun}.`,
      args: { input: t.arg({ type: inputs.create, required: true }) },
      resolve: (query, _root, args, context) =>
        atomic(context, async (ctx) => {
          const data = await checked(ctx, args.input);
          const id = options.create ? await options.create(ctx, data) : (await delegate(ctx).create({ data, select: { id: true } })).id;
          return findRecord(ctx, model, query, id);
        }),
    }),
    [`update${model}`]: t.prismaField({
      type: model,
      ...access({ write: true }),
      description: options.descriptions?.update ?? `Changes a ${noun}: fields left out stay as they are, null clears an optional field.`,
      args: { id: t.arg({ type: 'UUID', required: true }), input: t.arg({ type: inputs.update, required: true }) },
      resolve: (query, _root, args, context) =>
        atomic(context, async (ctx) => {
          const existing = await existingRecord(ctx, model, args.id);
          const data = await checked(ctx, args.input, existing);
          if (options.update) await options.update(ctx, existing, data);
          else if (Object.keys(data).length > 0) await delegate(ctx).update({ where: { id: args.id }, data, select: { id: true } });
          return findRecord(ctx, model, query, args.id);
        }),
    }),
    [`delete${model}`]: t.prismaField({
      type: model,
      ...access({ remove: true }),
      description: options.descriptions?.delete ?? `Deletes a ${noun} and returns it as it was.`,
      args: { id: t.arg({ type: 'UUID', required: true }) },
      resolve: (query, _root, args, context) =>
        atomic(context, async (ctx) => {
          const existing = await existingRecord(ctx, model, args.id);
          await options.beforeDelete?.(ctx, existing);
          const selected = await findRecord(ctx, model, query, args.id);
          await delegate(ctx).delete({ where: { id: args.id }, select: { id: true } });
          return selected;
        }),
    }),
  }));
}
