// How a field compiles, declared where the field is defined. The Pothos schema stays
// the one description of the API: columns, relations and counts compile from what
// the Prisma plugin already records about a field; what it cannot know (a computed
// value, a connection the plugin does not plan, the row source of a dashboard) the
// field declares here, next to its resolver, through `extensions: compiled(...)`.
// A field with neither is answered by the resolvers (a counted, logged fallback).
import type { Context } from '../context';
import type { ModelName } from '../filters';

type Where = Record<string, unknown>;
type OrderBy = Record<string, unknown>[];

/** The row a field is computed on, inside a compiled statement. */
export interface Row {
  /** The SQL of one of the row's columns (by Prisma field name, or a dashboard row's key). */
  col(field: string): string;
  /** A column's value as the resolvers see it: enum columns give the value's name (`IN_PROGRESS`), not the stored text. */
  value(field: string): string;
  /**
   * `sum` of a field, or `count`, over the rows of a to-many relation matching a
   * Prisma `where` (the same object a service passes to Prisma); 0 when none.
   */
  aggregate(fn: 'sum' | 'count', relation: string, field: string | null, where?: Where): string;
  /** A bind parameter. */
  param(value: unknown, cast: string): string;
  /** Today's date (UTC) of this request, as the resolvers use it (`utcToday()`), as an SQL date. */
  today(): string;
}

/** Paging options of a connection: the same object its resolver uses. */
export interface Paging {
  maxSize: (args: { first?: number | null; last?: number | null; after?: string | null; before?: string | null }) => number;
  defaultSize: number;
}

/** SQL text with its values, as Prisma.sql builds it. */
export interface SqlFragment {
  strings: readonly string[];
  values: readonly unknown[];
}

/** A dashboard's SQL: the row of its own fields, and each list field's rows with their order. */
export interface RowSources {
  object: SqlFragment;
  lists: Record<string, { rows: SqlFragment; orderBy: string }>;
}

export interface ListQuery {
  where?: Where;
  orderBy: OrderBy;
}

export type Compiled =
  /** A scalar computed from the row: SQL giving what the resolver returns (enum names, numbers, dates, text). */
  | { kind: 'value'; sql: (row: Row) => string }
  /** A root list of a model: a cursor connection on id. */
  | { kind: 'list'; model: ModelName; paging: Paging; query: (ctx: Context, args: Record<string, unknown>) => ListQuery; count: (ctx: Context, args: Record<string, unknown>) => Where | undefined }
  /**
   * A root field returning one row of a model (null when none): the row `where`
   * finds, or with several conditions the row of the first that finds one.
   */
  | { kind: 'one'; model: ModelName; where: (ctx: Context, args: Record<string, unknown>) => Where | Where[] }
  /** A to-many Prisma relation paged as a cursor connection on id (`relatedList`). */
  | { kind: 'related'; model: ModelName; paging: Paging; query: (args: Record<string, unknown>, ctx: Context) => ListQuery }
  /**
   * A many-to-many through a link model, paged on the link's id: the link rows of
   * the parent (`parent` is the link's relation to it), their `node` relation the
   * records returned.
   */
  | { kind: 'link'; link: string; parent: string; node: string; paging: Paging; query: (args: Record<string, unknown>, ctx: Context) => ListQuery }
  /**
   * Rows of `model` whose `childField` equals the parent's `parentField`, all of them
   * ordered and then paged by offset (`batchedConnection`).
   */
  | { kind: 'batched'; model: ModelName; parentField: string; childField: string; query: (ctx: Context, args: Record<string, unknown>) => ListQuery }
  /** One row of the model named by the parent's discriminator column (`Note.related`). */
  | { kind: 'polymorphic'; discriminator: string; key: string; models: Record<string, ModelName> }
  /** The record whose id is in a column of the parent (a dashboard row's `company`). */
  | { kind: 'record'; model: ModelName; key: string }
  /** A root field answered from SQL rows (a dashboard): columns named after the fields. */
  | { kind: 'rows'; sources: (args: Record<string, unknown>) => RowSources };

export const COMPILED = 'aurumCompiled';

/** `extensions` of a field that compiles as `how`. */
export function compiled(how: Compiled): { [COMPILED]: Compiled } {
  return { [COMPILED]: how };
}
