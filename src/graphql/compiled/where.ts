// Prisma `where` objects as SQL conditions. The filters (src/graphql/filters.ts),
// the visibility rules (src/graphql/visibility.ts) and the modules' search and
// derived conditions all speak Prisma's `where`; the resolver path hands them to
// Prisma and the compiled path translates the very same objects here, with Prisma's
// meaning: to-one relation conditions are LEFT JOINs that require the related row,
// to-many quantifiers are (NOT) EXISTS, and `contains` and friends are (I)LIKE
// patterns. Shapes Prisma reads in a way plain logic would not (an empty condition
// inside OR or NOT) are refused, so the request takes the resolver path instead.
import { bindList, bindValue, column, fieldInfo, joinCondition, relation, table } from './model';
import { NotCompilable, type Statement } from './sql';

type Where = Record<string, unknown>;

/** Where a condition is evaluated: a model's row under `alias`, and the joins it needs. */
export interface Scope {
  stmt: Statement;
  model: string;
  alias: string;
  /** LEFT JOINs the conditions added (to-one relations), for the FROM clause that owns the scope. */
  joins: string[];
}

export function childScope(parent: Scope, model: string, alias: string): Scope {
  return { stmt: parent.stmt, model, alias, joins: [] };
}

const isValueObject = (value: unknown): value is Where =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !('toFixed' in value);

/** The SQL of a condition; null when it is no condition at all (TRUE). */
export function whereSql(scope: Scope, where: Where | undefined | null): string | null {
  if (!where) return null;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    const part = keySql(scope, key, value);
    if (part !== null) parts.push(part);
  }
  return conjunction(parts);
}

function conjunction(parts: string[]): string | null {
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : parts.map((p) => `(${p})`).join(' AND ');
}

function keySql(scope: Scope, key: string, value: unknown): string | null {
  if (key === 'AND') {
    const items = Array.isArray(value) ? value : [value];
    return conjunction(items.map((item) => whereSql(scope, item as Where)).filter((p): p is string => p !== null));
  }
  if (key === 'OR') {
    const items = value as Where[];
    // Prisma drops empty alternatives (and an empty OR) when nested: not plain logic.
    if (!Array.isArray(items) || items.length === 0) throw new NotCompilable('an empty OR');
    const parts = items.map((item) => whereSql(scope, item));
    if (parts.some((p) => p === null)) throw new NotCompilable('an empty condition inside OR');
    return parts.length === 1 ? parts[0]! : parts.map((p) => `(${p})`).join(' OR ');
  }
  if (key === 'NOT') {
    const items = Array.isArray(value) ? value : [value];
    const parts = items.map((item) => whereSql(scope, item as Where));
    if (parts.some((p) => p === null)) throw new NotCompilable('an empty condition inside NOT');
    return conjunction(parts.map((p) => `NOT (${p})`));
  }
  const info = fieldInfo(scope.model, key);
  if (info.kind === 'object') return relationSql(scope, key, value);
  return scalarSql(scope, key, value);
}

function relationSql(scope: Scope, field: string, value: unknown): string | null {
  const rel = relation(scope.model, field);
  if (!isValueObject(value)) throw new NotCompilable(`relation ${scope.model}.${field} compared with a value`);
  if (!rel.isList) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined);
    if (keys.length !== 1 || keys[0] !== 'is') throw new NotCompilable(`${scope.model}.${field}: only "is" is compiled for to-one relations`);
    // Prisma: LEFT JOIN the related row; the condition holds on it and it exists.
    const alias = scope.stmt.alias('j');
    scope.joins.push(`LEFT JOIN ${table(rel.target)} ${alias} ON ${joinCondition(scope.model, scope.alias, rel, alias)}`);
    const inner = whereSql({ ...scope, model: rel.target, alias }, value.is as Where);
    const exists = `${column(rel.target, alias, 'id')} IS NOT NULL`;
    return inner === null ? exists : `(${inner}) AND ${exists}`;
  }
  const parts: string[] = [];
  for (const [quantifier, sub] of Object.entries(value)) {
    if (sub === undefined) continue;
    if (!['some', 'every', 'none'].includes(quantifier)) throw new NotCompilable(`${scope.model}.${field}: ${quantifier}`);
    const alias = scope.stmt.alias('t');
    const inner = childScope(scope, rel.target, alias);
    const condition = whereSql(inner, sub as Where);
    const correlated = joinCondition(scope.model, scope.alias, rel, alias);
    const test = quantifier === 'every' ? `NOT (${condition ?? 'TRUE'})` : (condition ?? 'TRUE');
    const exists = `EXISTS (SELECT 1 FROM ${table(rel.target)} ${alias} ${inner.joins.join(' ')} WHERE ${correlated} AND (${test}))`;
    parts.push(quantifier === 'some' ? exists : `NOT ${exists}`);
  }
  return conjunction(parts);
}

const COMPARISONS: Record<string, string> = { lt: '<', lte: '<=', gt: '>', gte: '>=' };

function scalarSql(scope: Scope, field: string, value: unknown): string | null {
  const { stmt, model, alias } = scope;
  const col = column(model, alias, field);
  if (value === null) return `${col} IS NULL`;
  if (!isValueObject(value)) return `${col} = ${bindValue(stmt, model, field, value)}`;
  const insensitive = value.mode === 'insensitive';
  if (value.mode !== undefined && value.mode !== 'insensitive' && value.mode !== 'default') throw new NotCompilable(`mode ${String(value.mode)}`);
  const parts: string[] = [];
  for (const [op, operand] of Object.entries(value)) {
    if (operand === undefined || op === 'mode') continue;
    switch (op) {
      case 'equals':
        if (operand === null) parts.push(`${col} IS NULL`);
        else if (insensitive) parts.push(`${col} ILIKE ${stmt.param(String(operand), 'text')}`);
        else parts.push(`${col} = ${bindValue(stmt, model, field, operand)}`);
        break;
      case 'not':
        if (insensitive) throw new NotCompilable('not with mode');
        if (operand === null) parts.push(`${col} IS NOT NULL`);
        else if (isValueObject(operand)) parts.push(`NOT (${scalarSql(scope, field, operand) ?? 'TRUE'})`);
        else parts.push(`${col} <> ${bindValue(stmt, model, field, operand)}`);
        break;
      case 'in':
      case 'notIn': {
        const values = operand as unknown[];
        if (values.length === 0) parts.push(op === 'in' ? 'FALSE' : 'TRUE');
        else parts.push(op === 'in' ? `${col} = ANY(${bindList(stmt, model, field, values)})` : `${col} <> ALL(${bindList(stmt, model, field, values)})`);
        break;
      }
      case 'lt':
      case 'lte':
      case 'gt':
      case 'gte':
        parts.push(`${col} ${COMPARISONS[op]} ${bindValue(stmt, model, field, operand)}`);
        break;
      case 'contains':
      case 'startsWith':
      case 'endsWith': {
        // As Prisma sends them: the value is a LIKE pattern between the wildcards.
        const text = stmt.param(String(operand), 'text');
        const pattern = op === 'contains' ? `'%' || ${text} || '%'` : op === 'startsWith' ? `${text} || '%'` : `'%' || ${text}`;
        parts.push(`${col}::text ${insensitive ? 'ILIKE' : 'LIKE'} (${pattern})`);
        break;
      }
      default:
        throw new NotCompilable(`operator ${op}`);
    }
  }
  return conjunction(parts);
}
