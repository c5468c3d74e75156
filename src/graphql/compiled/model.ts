// The Prisma datamodel as the compiler needs it: tables, columns, native types,
// relation keys and stored enum values (src/generated/datamodel.ts, written by
// prisma/datamodel-generator.cjs from schema.prisma), so nothing here repeats the schema.
import { DATAMODEL } from '../../generated/datamodel';
import { ident, NotCompilable, type Statement } from './sql';

interface FieldInfo {
  kind: string;
  type: string;
  column: string;
  nativeType: string | null;
  isRequired: boolean;
  isList: boolean;
  isId: boolean;
  relationName?: string;
  fromFields?: readonly string[];
  toFields?: readonly string[];
}

interface ModelInfo {
  table: string;
  fields: Record<string, FieldInfo>;
}

const models = DATAMODEL.models as unknown as Record<string, ModelInfo>;
const enums = DATAMODEL.enums as unknown as Record<string, { type: string; values: Record<string, string> }>;

export function modelInfo(model: string): ModelInfo {
  const info = models[model];
  if (!info) throw new NotCompilable(`no model ${model}`);
  return info;
}

export function table(model: string): string {
  return ident(modelInfo(model).table);
}

export function fieldInfo(model: string, field: string): FieldInfo {
  const info = modelInfo(model).fields[field];
  if (!info) throw new NotCompilable(`no field ${model}.${field}`);
  return info;
}

export function column(model: string, alias: string, field: string): string {
  const info = fieldInfo(model, field);
  if (info.kind === 'object') throw new NotCompilable(`${model}.${field} is a relation`);
  return `${alias}.${ident(info.column)}`;
}

/** The SQL type a value compared with this column is cast to. */
export function sqlType(model: string, field: string): string {
  const info = fieldInfo(model, field);
  let type: string;
  if (info.kind === 'enum') type = ident(enums[info.type]!.type);
  else {
    switch (info.type) {
      case 'String':
        type = info.nativeType === 'Uuid' ? 'uuid' : 'text';
        break;
      case 'Int':
        type = 'int';
        break;
      case 'BigInt':
        type = 'bigint';
        break;
      case 'Boolean':
        type = 'boolean';
        break;
      case 'Decimal':
        type = 'numeric';
        break;
      case 'DateTime':
        type = info.nativeType === 'Date' ? 'date' : 'timestamptz';
        break;
      default:
        throw new NotCompilable(`no comparison for ${info.type} (${model}.${field})`);
    }
  }
  return info.isList ? `${type}[]` : type;
}

/** An enum's values: name → stored text. */
export function enumValues(enumName: string): Record<string, string> {
  const values = enums[enumName]?.values;
  if (!values) throw new NotCompilable(`no enum ${enumName}`);
  return values;
}

/** The stored value of an enum value name (`IN_PROGRESS` → `in_progress`). */
export function storedEnum(enumName: string, value: unknown): string {
  const stored = enums[enumName]?.values[String(value)];
  if (stored === undefined) throw new NotCompilable(`${String(value)} is no value of ${enumName}`);
  return stored;
}

/** A value of a Prisma `where` as a bind parameter of the column's type. */
export function bindValue(stmt: Statement, model: string, field: string, value: unknown): string {
  return stmt.param(paramValue(model, field, value), sqlType(model, field));
}

export function bindList(stmt: Statement, model: string, field: string, values: readonly unknown[]): string {
  if (values.some((v) => v === null || v === undefined)) throw new NotCompilable('null in a list of values');
  return stmt.param(
    values.map((v) => paramValue(model, field, v)),
    `${sqlType(model, field)}[]`,
  );
}

function paramValue(model: string, field: string, value: unknown): unknown {
  const info = fieldInfo(model, field);
  if (info.kind === 'enum') return storedEnum(info.type, value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null && 'toFixed' in value) return (value as { toFixed(): string }).toFixed();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw new NotCompilable(`no parameter for a ${typeof value} (${model}.${field})`);
}

export interface Relation {
  /** The related model. */
  target: string;
  /** One row (the key is on this side or the other) or many. */
  isList: boolean;
  isRequired: boolean;
  /** Pairs of [this model's field, the target's field] that join the two. */
  keys: [string, string][];
}

/** How a relation field joins its model to the related one, from either side. */
export function relation(model: string, field: string): Relation {
  const info = fieldInfo(model, field);
  if (info.kind !== 'object') throw new NotCompilable(`${model}.${field} is not a relation`);
  if (info.fromFields?.length) {
    return { target: info.type, isList: false, isRequired: info.isRequired, keys: info.fromFields.map((f, i) => [f, info.toFields![i]!]) };
  }
  const back = Object.values(modelInfo(info.type).fields).find((f) => f.relationName === info.relationName && f.fromFields?.length);
  if (!back) throw new NotCompilable(`no keys for ${model}.${field}`);
  return { target: info.type, isList: info.isList, isRequired: info.isRequired, keys: back.toFields!.map((f, i) => [f, back.fromFields![i]!]) };
}

/** `a.k = b.k AND ...` for a relation from `alias` (model) to `targetAlias`. */
export function joinCondition(model: string, alias: string, rel: Relation, targetAlias: string): string {
  return rel.keys.map(([own, other]) => `${column(rel.target, targetAlias, other)} = ${column(model, alias, own)}`).join(' AND ');
}
