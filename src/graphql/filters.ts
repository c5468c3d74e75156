// Filtering, searching and ordering for every list root field and to-many
// relation, as the contract describes: `XFilter` with one operator object per
// field (`eq ne in notIn isNull`, `lt lte gt gte` on numbers, money and dates,
// case-insensitive `contains startsWith endsWith` on strings), relation keys
// (to-one: the related filter; to-many: `some every none`), `and or not`, a
// `search` term, and `orderBy: [XOrderBy!]` in priority order.
//
// Each module declares its fields once (`defineListInputs`); this file turns the
// declaration into the input types and into Prisma `where`/`orderBy`.
import type { EnumRef, InputFieldRef } from '@pothos/core';
import { getDatamodel } from '../generated/pothos-types';
import { builder } from './builder';
import { userInputError } from './errors';
import { textProblem } from './write-inputs';

export type ModelName = 'Contact' | 'Company' | 'Project' | 'Service' | 'Invoice' | 'Meeting' | 'SupportTicket' | 'Integration' | 'Note' | 'AuditLog';

type Where = Record<string, unknown>;
type Operators = Record<string, unknown>;

type ScalarKind = 'UUID' | 'String' | 'Int' | 'Decimal' | 'LocalDate' | 'DateTime' | 'Boolean';
export type FieldSpec =
  | ScalarKind
  | { enum: EnumRef<never, unknown>; name: string }
  | { one: ModelName }
  /** To-many; `through` names the link's field for a many-to-many (project_services). */
  | { many: ModelName; through?: string };

export interface ListInputSpec {
  fields: Record<string, FieldSpec>;
  /** Builds the `where` of a free-text search (case-insensitive). */
  search?: (term: string) => Where;
  searchDescription?: string;
  /**
   * Fields whose value is derived rather than stored (an invoice's OVERDUE): the
   * `where` of "field = value"; eq, ne, in and notIn are built from it.
   */
  derived?: Record<string, (value: unknown) => Where>;
}

const specs = new Map<ModelName, ListInputSpec>();

const SortDirection = builder.enumType('SortDirection', {
  description: 'Ascending (nulls last) or descending (nulls first).',
  values: { ASC: { value: 'asc' }, DESC: { value: 'desc' } } as const,
});

// ---- operator objects, one per scalar kind (and enum) ---------------------------

const COMPARABLE: ScalarKind[] = ['Int', 'Decimal', 'LocalDate', 'DateTime'];
const operatorRefs = new Map<string, ReturnType<typeof builder.inputRef<Operators>>>();

function operatorInput(kind: ScalarKind | { enum: EnumRef<never, unknown>; name: string }) {
  const name = typeof kind === 'string' ? `${kind}Filter` : `${kind.name}Filter`;
  let ref = operatorRefs.get(name);
  if (ref) return ref;
  ref = builder.inputRef<Operators>(name);
  operatorRefs.set(name, ref);
  const type = (typeof kind === 'string' ? kind : kind.enum) as 'String';
  const comparable = typeof kind === 'string' && COMPARABLE.includes(kind);
  const text = kind === 'String';
  ref.implement({
    description: `Conditions on a ${typeof kind === 'string' ? kind : kind.name} field; all given conditions must hold.`,
    fields: (t) => ({
      eq: t.field({ type, description: 'Equal to.' }),
      ne: t.field({ type, description: 'Not equal to (rows where the field is null do not match).' }),
      in: t.field({ type: [type], description: 'One of these values.' }),
      notIn: t.field({ type: [type], description: 'None of these values.' }),
      isNull: t.boolean({ description: 'true: the field is null; false: it is not.' }),
      ...(comparable
        ? {
            lt: t.field({ type, description: 'Less than.' }),
            lte: t.field({ type, description: 'Less than or equal to.' }),
            gt: t.field({ type, description: 'Greater than.' }),
            gte: t.field({ type, description: 'Greater than or equal to.' }),
          }
        : {}),
      ...(text
        ? {
            contains: t.string({ description: 'Contains this text, ignoring case.' }),
            startsWith: t.string({ description: 'Starts with this text, ignoring case.' }),
            endsWith: t.string({ description: 'Ends with this text, ignoring case.' }),
          }
        : {}),
    }),
  });
  return ref;
}

// ---- per-model input types ---------------------------------------------------------

const filterRefs = new Map<ModelName, ReturnType<typeof builder.inputRef<Where>>>();
const listFilterRefs = new Map<ModelName, ReturnType<typeof builder.inputRef<Where>>>();
const orderRefs = new Map<ModelName, ReturnType<typeof builder.inputRef<Where>>>();

export function filterInput(model: ModelName) {
  let ref = filterRefs.get(model);
  if (!ref) {
    ref = builder.inputRef<Where>(`${model}Filter`);
    filterRefs.set(model, ref);
  }
  return ref;
}

function listFilterInput(model: ModelName) {
  let ref = listFilterRefs.get(model);
  if (!ref) {
    ref = builder.inputRef<Where>(`${model}ListFilter`);
    listFilterRefs.set(model, ref);
    ref.implement({
      description: `Conditions on a list of ${model} records.`,
      fields: (t) => ({
        some: t.field({ type: filterInput(model), description: 'At least one matches.' }),
        every: t.field({ type: filterInput(model), description: 'All match (true for an empty list).' }),
        none: t.field({ type: filterInput(model), description: 'None matches.' }),
      }),
    });
  }
  return ref;
}

export function orderByInput(model: ModelName) {
  let ref = orderRefs.get(model);
  if (!ref) {
    ref = builder.inputRef<Where>(`${model}OrderBy`);
    orderRefs.set(model, ref);
  }
  return ref;
}

/** Declares a model's filterable and sortable fields and implements its inputs. */
export function defineListInputs(model: ModelName, spec: ListInputSpec): void {
  specs.set(model, spec);
  filterInput(model).implement({
    description: `Conditions on ${model} records. Keys are combined with AND.`,
    fields: (t) => {
      const fields: Record<string, InputFieldRef<never, unknown>> = {};
      for (const [name, field] of Object.entries(spec.fields)) {
        if (typeof field === 'string' || 'enum' in field) {
          fields[name] = t.field({ type: operatorInput(field) }) as never;
        } else if ('one' in field) {
          fields[name] = t.field({ type: filterInput(field.one), description: `The related ${field.one} matches.` }) as never;
        } else {
          fields[name] = t.field({ type: listFilterInput(field.many) }) as never;
        }
      }
      if (spec.search) fields.search = t.string({ description: spec.searchDescription ?? 'Free-text search, ignoring case.' }) as never;
      fields.and = t.field({ type: [filterInput(model)], description: 'All of these match.' }) as never;
      fields.or = t.field({ type: [filterInput(model)], description: 'At least one of these matches.' }) as never;
      fields.not = t.field({ type: filterInput(model), description: 'This does not match.' }) as never;
      return fields as never;
    },
  });
  orderByInput(model).implement({
    description: `One sort key of ${model} records: give exactly one field. A list of them sorts in priority order; ties end sorted by id.`,
    fields: (t) => {
      const fields: Record<string, InputFieldRef<never, unknown>> = {};
      for (const [name, field] of Object.entries(spec.fields)) {
        if (typeof field === 'string' || 'enum' in field) fields[name] = t.field({ type: SortDirection }) as never;
        else if ('one' in field) fields[name] = t.field({ type: orderByInput(field.one), description: `Sort by a field of the related ${field.one}.` }) as never;
      }
      return fields as never;
    },
  });
}

// ---- translation to Prisma -----------------------------------------------------------

/**
 * Deepest nesting of a filter (each and/or item, not, related-record filter and
 * some/every/none is a level) and of an orderBy entry (each related record). Input
 * objects may nest without end, in variables far beyond the document's depth limit;
 * Prisma's query compiler gives up at a few dozen levels of its own JSON
 * ("recursion limit exceeded", a 500), and no real filter needs more than a few.
 */
export const MAX_FILTER_DEPTH = 10;

function tooDeep(path: string[]): Error {
  const message = `nests deeper than ${MAX_FILTER_DEPTH} levels`;
  return userInputError(`Invalid input: ${path.join('.')}: ${message} (and, or, not and each related record add a level)`, [{ path, message }]);
}

/** Filter values are compared in SQL: text the database cannot hold (NUL) would be a 500. */
function checkText(value: unknown, path: string[]): void {
  for (const item of Array.isArray(value) ? value : [value]) {
    const problem = typeof item === 'string' ? textProblem(item) : undefined;
    if (problem) throw userInputError(`Invalid input: ${path.join('.')}: ${problem}`, [{ path, message: problem }]);
  }
}

/** Most values of one `in` / `notIn` list: each is a bind parameter, and Postgres takes 65,535 a statement. */
export const MAX_LIST_VALUES = 10_000;

const datamodel = getDatamodel().datamodel.models as unknown as Record<string, { fields: { name: string; isRequired: boolean }[] }>;

/** A NOT NULL column: Prisma refuses a null comparison on it (a 500), so "is null" is answered here. */
function notNull(model: ModelName, field: string): boolean {
  return datamodel[model]?.fields.find((f) => f.name === field)?.isRequired ?? false;
}

/**
 * A condition no row meets. Not Prisma's empty OR: Prisma drops an empty OR (and an
 * empty AND or NOT) that is nested in AND, OR or NOT, so `{ AND: [{ OR: [] }, x] }`
 * meant just `x`. An empty `in` list is a real FALSE wherever it stands.
 */
const NOTHING: Where = { id: { in: [] } };

/**
 * Conditions are Prisma `where` objects; `undefined` is TRUE (no condition). Prisma
 * also drops empty objects nested in AND/OR/NOT, so TRUE never goes inside one of
 * them: an OR with a TRUE part is TRUE, NOT TRUE is NOTHING.
 */
function anyOf(parts: (Where | undefined)[]): Where | undefined {
  if (parts.some((part) => part === undefined)) return undefined;
  if (parts.length === 0) return NOTHING;
  return parts.length === 1 ? parts[0] : { OR: parts };
}

function not(part: Where | undefined): Where {
  return part === undefined ? NOTHING : { NOT: part };
}

function scalarWhere(model: ModelName, field: string, kind: FieldSpec, ops: Operators, path: string[]): Where[] {
  const out: Where[] = [];
  const required = notNull(model, field);
  for (const [op, value] of Object.entries(ops)) {
    if (value === undefined) continue;
    checkText(value, [...path, op]);
    switch (op) {
      case 'eq':
        out.push(value === null ? (required ? NOTHING : { [field]: null }) : { [field]: { equals: value } });
        break;
      case 'ne':
        if (value !== null) out.push({ [field]: { not: value } });
        else if (!required) out.push({ [field]: { not: null } });
        break;
      case 'in':
      case 'notIn': {
        if (value === null) break;
        const values = value as unknown[];
        if (values.length > MAX_LIST_VALUES) {
          const message = `at most ${MAX_LIST_VALUES} values (got ${values.length})`;
          throw userInputError(`Invalid input: ${[...path, op].join('.')}: ${message}`, [{ path: [...path, op], message }]);
        }
        // Prisma's Boolean filter has no in/notIn.
        const matches = kind === 'Boolean' ? anyOf(values.map((v) => ({ [field]: v }))) : { [field]: { in: values } };
        out.push(op === 'in' ? matches! : kind === 'Boolean' ? not(matches) : { [field]: { notIn: values } });
        break;
      }
      case 'isNull':
        if (value === true) out.push(required ? NOTHING : { [field]: null });
        else if (value === false && !required) out.push({ [field]: { not: null } });
        break;
      case 'contains':
      case 'startsWith':
      case 'endsWith':
        if (value !== null) out.push({ [field]: { [op]: value, ...(kind === 'String' ? { mode: 'insensitive' } : {}) } });
        break;
      default:
        if (value !== null) out.push({ [field]: { [op]: value } });
    }
  }
  return out;
}

function derivedWhere(model: ModelName, field: string, ops: Operators, equals: (value: unknown) => Where): Where[] {
  const out: Where[] = [];
  const oneOf = (values: unknown[]) => anyOf(values.map(equals));
  for (const [op, value] of Object.entries(ops)) {
    if (value === undefined || value === null) continue;
    if (op === 'eq') out.push(equals(value));
    else if (op === 'ne') out.push(not(equals(value)));
    else if (op === 'in') out.push(oneOf(value as unknown[])!);
    else if (op === 'notIn') out.push(not(oneOf(value as unknown[])));
    else if (op === 'isNull' && notNull(model, field)) {
      if (value) out.push(NOTHING);
    } else if (op === 'isNull') out.push({ [field]: value ? null : { not: null } });
  }
  return out;
}

/** The Prisma `where` of a filter (undefined: no condition); `path` names it in errors. */
export function toWhere(model: ModelName, filter: Where | null | undefined, path: string[] = ['filter'], depth = 1): Where | undefined {
  if (!filter) return undefined;
  if (depth > MAX_FILTER_DEPTH) throw tooDeep(path);
  const spec = specs.get(model);
  if (!spec) throw new Error(`no list inputs defined for ${model}`);
  const and: Where[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    if (key === 'and' || key === 'or') {
      const parts = (value as Where[]).map((f, i) => toWhere(model, f, [...path, key, String(i)], depth + 1));
      if (key === 'and') and.push(...parts.filter((part): part is Where => part !== undefined));
      else {
        const either = anyOf(parts);
        if (either) and.push(either);
      }
    } else if (key === 'not') {
      and.push(not(toWhere(model, value as Where, [...path, key], depth + 1)));
    } else if (key === 'search') {
      checkText(value, [...path, key]);
      const term = String(value).trim();
      if (term && spec.search) and.push(spec.search(term));
    } else {
      const field = spec.fields[key]!;
      const derived = spec.derived?.[key];
      if (derived) {
        and.push(...derivedWhere(model, key, value as Operators, derived));
      } else if (typeof field === 'string' || 'enum' in field) {
        and.push(...scalarWhere(model, key, field, value as Operators, [...path, key]));
      } else if ('one' in field) {
        and.push({ [key]: { is: toWhere(field.one, value as Where, [...path, key], depth + 1) ?? {} } });
      } else {
        const list: Where = {};
        for (const [quantifier, sub] of Object.entries(value as Where)) {
          if (sub === undefined || sub === null) continue;
          const inner = toWhere(field.many, sub as Where, [...path, key, quantifier], depth + 1) ?? {};
          list[quantifier] = field.through ? { [field.through]: { is: inner } } : inner;
        }
        and.push({ [key]: list });
      }
    }
  }
  if (and.length === 0) return undefined;
  return and.length === 1 ? and[0] : { AND: and };
}

/** The Prisma `orderBy` of an orderBy list, always ending with id (stable cursors). */
export function toOrderBy(model: ModelName, orderBy: readonly Where[] | null | undefined): Where[] {
  const out: Where[] = [];
  (orderBy ?? []).forEach((entry, index) => out.push(orderEntry(model, entry, ['orderBy', String(index)])));
  out.push({ id: 'asc' });
  return out;
}

function orderEntry(model: ModelName, entry: Where, path: string[]): Where {
  // path: orderBy, index, then one key per related record.
  if (path.length - 1 > MAX_FILTER_DEPTH) throw tooDeep(path);
  const keys = Object.entries(entry).filter(([, v]) => v !== undefined && v !== null);
  if (keys.length !== 1) {
    throw userInputError(`Each orderBy entry names exactly one field (got ${keys.length}); list several entries for several keys`, [
      { path, message: 'exactly one field per entry' },
    ]);
  }
  const [key, value] = keys[0]!;
  const field = specs.get(model)!.fields[key]!;
  if (typeof field === 'object' && 'one' in field) return { [key]: orderEntry(field.one, value as Where, [...path, key]) };
  return { [key]: value };
}

/** Field arguments of a list: filter and orderBy (paging comes from the connection). */
export function listArgs(t: { arg: (...args: never[]) => unknown }, model: ModelName) {
  const arg = t.arg as (options: object) => unknown;
  return {
    filter: arg({ type: filterInput(model), description: `Only ${model} records matching these conditions (totalCount counts them too).` }),
    orderBy: arg({ type: [orderByInput(model)], description: 'Sort keys in priority order; the default and last key is id.' }),
  } as never;
}
