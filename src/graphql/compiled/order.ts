// Prisma `orderBy` lists as ORDER BY terms, and Prisma's cursor condition. A page
// after (or before) a cursor must hold exactly the rows Prisma would return, so the
// condition is Prisma's own, quirks included: a NULL on either side counts as equal
// on earlier keys and as "after" on the key being compared, and a key reached through
// an optional relation also counts a row without that relation as "after".
import { column, fieldInfo, joinCondition, relation, table } from './model';
import { ident, NotCompilable } from './sql';
import type { Scope } from './where';

type OrderBy = Record<string, unknown>;

interface Term {
  expr: string;
  direction: 'asc' | 'desc';
  /** The column may be NULL. */
  nullable: boolean;
  /** Foreign keys of optional relations on the way to the column. */
  optionalKeys: string[];
}

/** The terms of an orderBy list for rows of `scope`; to-one relations add LEFT JOINs to it. */
export function orderTerms(scope: Scope, orderBy: readonly OrderBy[]): Term[] {
  return orderBy.map((entry) => term(scope, scope.model, scope.alias, entry, []));
}

function term(scope: Scope, model: string, alias: string, entry: OrderBy, optionalKeys: string[]): Term {
  const keys = Object.keys(entry).filter((k) => entry[k] !== undefined);
  if (keys.length !== 1) throw new NotCompilable('an orderBy entry with several keys');
  const key = keys[0]!;
  const value = entry[key];
  const info = fieldInfo(model, key);
  if (info.kind === 'object') {
    const rel = relation(model, key);
    if (rel.isList) throw new NotCompilable(`ordering by the to-many ${model}.${key}`);
    const joined = scope.stmt.alias('o');
    scope.joins.push(`LEFT JOIN ${table(rel.target)} ${joined} ON ${joinCondition(model, alias, rel, joined)}`);
    const keysOnTheWay = rel.isRequired ? optionalKeys : [...optionalKeys, ...rel.keys.map(([own]) => column(model, alias, own))];
    return term(scope, rel.target, joined, value as OrderBy, keysOnTheWay);
  }
  if (value !== 'asc' && value !== 'desc') throw new NotCompilable(`sort order ${JSON.stringify(value)}`);
  return { expr: column(model, alias, key), direction: value, nullable: !info.isRequired, optionalKeys };
}

export function orderByClause(terms: Term[], reverse = false): string {
  return terms.map((t) => `${t.expr} ${direction(t, reverse).toUpperCase()}`).join(', ');
}

function direction(t: Term, reverse: boolean): 'asc' | 'desc' {
  return reverse ? (t.direction === 'asc' ? 'desc' : 'asc') : t.direction;
}

/**
 * Rows from the cursor row onwards in the (possibly reversed) order, the cursor row
 * included (the page then skips one row). The cursor row's values are read by id,
 * whatever the filter says.
 */
export function cursorCondition(scope: Scope, orderBy: readonly OrderBy[], terms: Term[], cursorId: unknown, reverse: boolean): string {
  const cursorAlias = scope.stmt.alias('c');
  const cursorScope: Scope = { stmt: scope.stmt, model: scope.model, alias: cursorAlias, joins: [] };
  const cursorTerms = orderTerms(cursorScope, orderBy);
  const idType = fieldInfo(scope.model, 'id').type === 'BigInt' ? 'bigint' : 'uuid';
  const id = scope.stmt.param(String(cursorId), idType);
  const from = `FROM ${table(scope.model)} ${cursorAlias} ${cursorScope.joins.join(' ')} WHERE ${cursorAlias}.${ident('id')} = ${id}`;
  const at = cursorTerms.map((t) => `(SELECT ${t.expr} ${from})`);

  const equal = (i: number) => {
    const t = terms[i]!;
    return t.nullable ? `(${t.expr} = ${at[i]} OR ${at[i]} IS NULL OR ${t.expr} IS NULL)` : `${t.expr} = ${at[i]}`;
  };
  const after = (i: number, last: boolean) => {
    const t = terms[i]!;
    const ascending = direction(t, reverse) === 'asc';
    if (last) return `${t.expr} ${ascending ? '>=' : '<='} ${at[i]}`;
    const alternatives = [`${t.expr} ${ascending ? '>' : '<'} ${at[i]}`];
    if (t.nullable) alternatives.push(`${t.expr} IS NULL`, `${at[i]} IS NULL`);
    alternatives.push(...t.optionalKeys.map((key) => `${key} IS NULL`));
    return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`;
  };
  const branches = terms.map((_, i) => [...terms.slice(0, i).map((__, j) => equal(j)), after(i, i === terms.length - 1)].join(' AND '));
  return branches.map((b) => `(${b})`).join(' OR ');
}
