// Inputs of the create/update mutations, declared once per model (in its
// <entity>.inputs.ts): this file turns the declaration into `CreateXInput` and
// `UpdateXInput` and checks an input against it, collecting every problem:
// - strings are trimmed; a blank optional field is null; a blank required one is
//   an error; nothing longer than its column (the lengths come from schema.prisma,
//   see src/generated/column-limits.ts);
// - on update a field left out stays as it is, `null` clears an optional field and
//   is an error for a required one;
// - ids that reference other records must exist;
// - per-field checks (phone numbers, currency codes, ...) the declaration names.
// Cross-field rules (due date after issue date, ...) belong to the services.
import type { EnumRef } from '@pothos/core';
import { COLUMN_LIMITS } from '../generated/column-limits';
import { getDatamodel } from '../generated/pothos-types';
import { builder } from './builder';
import { delegateOf } from './delegate';
import type { Db } from './context';
import { InputErrors } from './errors';
import type { ModelName } from './filters';

export type WriteScalar = 'String' | 'Int' | 'Boolean' | 'UUID' | 'Decimal' | 'LocalDate' | 'DateTime' | 'EmailAddress' | 'URL';

export interface WriteField {
  type: WriteScalar | EnumRef<never, unknown>;
  description?: string;
  /** Must be given on create; cannot be cleared on update. */
  required?: boolean;
  /** Only in the create input (e.g. a ticket's company) or only in the update input. */
  only?: 'create' | 'update';
  /** The id must name an existing record of this model. */
  references?: ModelName;
  /** Smallest allowed value of an Int. */
  min?: number;
  /** Rewrites a present value (after trimming), e.g. upper-cases a currency code. */
  normalize?: (value: never) => unknown;
  /** Checks a present value; returns what is wrong, or undefined. */
  check?: (value: never) => string | undefined;
  /** The Prisma field, when the GraphQL name differs (Company.notesText → notes). */
  column?: string;
}

export type WriteFields = Record<string, WriteField>;

export const NOUNS: Record<ModelName, string> = {
  Contact: 'contact',
  Company: 'company',
  Project: 'project',
  Service: 'service',
  Invoice: 'invoice',
  Meeting: 'meeting',
  SupportTicket: 'support ticket',
  Integration: 'integration',
  Note: 'note',
  AuditLog: 'audit log entry',
};

const datamodel = getDatamodel().datamodel.models as unknown as Record<string, { fields: { name: string; isRequired: boolean; hasDefaultValue: boolean }[] }>;

// Half of a UTF-16 surrogate pair without the other half (e.g. an emoji cut in two).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What makes a string unstorable as text, or undefined. PostgreSQL text cannot
 * hold NUL (left to the database: a 500, which tools retry). A lone surrogate is
 * not Unicode: Postgres would store U+FFFD instead, and the embedded database's
 * driver miscounts its UTF-8 length, cutting the value short or failing the
 * statement. Used for inputs and filter values alike.
 */
export function textProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain NUL (\\u0000) characters';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (it contains half of a surrogate pair, e.g. an emoji cut in two)';
  return undefined;
}

/** A NOT NULL column that the database fills with a default when none is given. */
function hasDefault(model: ModelName, column: string): boolean {
  const field = datamodel[model]?.fields.find((f) => f.name === column);
  return !!field && field.isRequired && field.hasDefaultValue;
}

type InputRef = ReturnType<typeof builder.inputRef<Record<string, unknown>>>;

/** Declares an input type named `name` with the given fields (for create, or all optional for update). */
export function writeInput(name: string, fields: WriteFields, mode: 'create' | 'update', description: string): InputRef {
  const ref = builder.inputRef<Record<string, unknown>>(name);
  ref.implement({ description, fields: (t) => writeInputFields(t, fields, mode) as never });
  return ref;
}

type InputFieldBuilder = Parameters<Parameters<InputRef['implement']>[0]['fields']>[0];

/** The GraphQL fields of a declaration, for an input type that adds fields of its own (lists, nested inputs). */
export function writeInputFields(t: InputFieldBuilder, fields: WriteFields, mode: 'create' | 'update'): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, f]) => !f.only || f.only === mode)
      .map(([name, f]) => [
        name,
        t.field({
          type: f.type as 'String',
          required: mode === 'create' && !!f.required,
          description: [f.description, mode === 'update' && !f.required ? 'null clears it.' : undefined].filter(Boolean).join(' ') || undefined,
        }),
      ]),
  );
}

/** `CreateXInput` and `UpdateXInput` of a model. */
export function defineWriteInputs(model: ModelName, fields: WriteFields): { fields: WriteFields; create: InputRef; update: InputRef } {
  const noun = NOUNS[model];
  return {
    fields,
    create: writeInput(`Create${model}Input`, fields, 'create', `A new ${noun}. Strings are trimmed; a blank optional field is left empty.`),
    update: writeInput(
      `Update${model}Input`,
      fields,
      'update',
      `Changes to a ${noun}: a field left out stays as it is, null clears an optional field. Strings are trimmed.`,
    ),
  };
}

/**
 * Checks `input` against a model's fields and returns the data to write. Problems
 * are added to `errors` with paths under `path` (e.g. ["input", "email"]); the
 * caller throws once all checks (its own included) have run.
 */
export async function checkWriteInput(
  db: Db,
  model: ModelName,
  fields: WriteFields,
  input: Record<string, unknown>,
  options: { mode: 'create' | 'update'; errors: InputErrors; path?: string[] },
): Promise<Record<string, unknown>> {
  const { mode, errors, path = ['input'] } = options;
  const limits = COLUMN_LIMITS[model] ?? {};
  const data: Record<string, unknown> = {};
  const references: { model: ModelName; id: string; path: string[] }[] = [];
  for (const [name, field] of Object.entries(fields)) {
    if (field.only && field.only !== mode) continue;
    let value = input[name];
    if (value === undefined) continue;
    const at = [...path, name];
    if (typeof value === 'string') value = value.trim() === '' ? null : value.trim();
    if (value === null) {
      if (field.required) errors.add(at, mode === 'create' ? 'is required' : 'cannot be cleared (it is required)');
      else if (!hasDefault(model, field.column ?? name)) data[field.column ?? name] = null;
      // A NOT NULL column with a default: null means "the default" on create and
      // cannot clear it on update.
      else if (mode === 'update') errors.add(at, 'cannot be cleared (leave it out to keep it)');
      continue;
    }
    if (field.normalize) value = field.normalize(value as never);
    const column = field.column ?? name;
    const textFault = typeof value === 'string' ? textProblem(value) : undefined;
    if (textFault) {
      errors.add(at, textFault);
      continue;
    }
    const limit = limits[column];
    // VARCHAR(n) counts characters (code points), not UTF-16 units: an emoji is one.
    const length = typeof value === 'string' ? [...value].length : 0;
    if (limit !== undefined && length > limit) {
      errors.add(at, `must be at most ${limit} characters (got ${length})`);
      continue;
    }
    if (field.min !== undefined && typeof value === 'number' && value < field.min) {
      errors.add(at, `must be at least ${field.min} (got ${value})`);
      continue;
    }
    const problem = field.check?.(value as never);
    if (problem) {
      errors.add(at, problem);
      continue;
    }
    if (field.references) references.push({ model: field.references, id: value as string, path: at });
    data[column] = value;
  }
  await checkReferences(db, references, errors);
  return data;
}

/** Adds an error for every referenced id that names no record (one statement per model). */
export async function checkReferences(db: Db, references: { model: ModelName; id: string; path: string[] }[], errors: InputErrors): Promise<void> {
  const byModel = new Map<ModelName, typeof references>();
  for (const ref of references) byModel.set(ref.model, [...(byModel.get(ref.model) ?? []), ref]);
  for (const [model, refs] of byModel) {
    const found = new Set((await delegateOf(db, model).findMany({ where: { id: { in: refs.map((r) => r.id) } }, select: { id: true } })).map((r) => r.id));
    for (const ref of refs) if (!found.has(ref.id)) errors.add(ref.path, `no ${NOUNS[model]} with this id`);
  }
}

// ---- per-field checks shared by the modules ------------------------------------------

/** Phone numbers as people type them: +1 (868) 555-0101, 868 555 0101 ext. 12. */
export function checkPhone(value: string): string | undefined {
  const [number, extension] = value.split(/\s*(?:ext\.?|x|#)\s*(?=\d+$)/i);
  if (!/^\+?[\d\s().-]+$/.test(number!) || (extension !== undefined && !/^\d{1,6}$/.test(extension))) {
    return 'must be a phone number: digits, spaces, + ( ) - and an optional "ext 123"';
  }
  const digits = number!.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15 ? undefined : `must have 7 to 15 digits (got ${digits})`;
}

/** ISO 4217-style currency codes, accepted in any case. */
export const currencyField: Pick<WriteField, 'normalize' | 'check'> = {
  normalize: (value: string) => value.toUpperCase(),
  check: (value: string) => (/^[A-Z]{3}$/.test(value) ? undefined : 'must be a three-letter currency code such as TTD or USD'),
};

/** The value a field will have after the write: the input's if given, else the stored one. */
export function merged<T>(data: Record<string, unknown>, existing: Record<string, unknown> | undefined, field: string): T | null | undefined {
  return (field in data ? data[field] : existing?.[field]) as T | null | undefined;
}

/** `later` must not come before `earlier` (dates or amounts), after the write. */
export function checkOrder(
  errors: InputErrors,
  data: Record<string, unknown>,
  existing: Record<string, unknown> | undefined,
  earlier: string,
  later: string,
  message: string,
): void {
  const a = merged<{ valueOf(): number | string }>(data, existing, earlier);
  const b = merged<{ valueOf(): number | string }>(data, existing, later);
  if (a == null || b == null) return;
  if (Number(b.valueOf()) < Number(a.valueOf())) errors.add(['input', later in data ? later : earlier], message);
}
