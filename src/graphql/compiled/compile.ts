// The compiler: a root field's selection becomes one SQL expression that builds the
// field's JSON answer in Postgres. It walks the selection the way graphql-js does
// (graphql-js' own field collection: fragments, aliases, @include/@skip, merged
// fields) and reads what each field is from the schema the Pothos builder made:
// exposed columns, Prisma relations and relation counts from the Prisma plugin's
// extensions, everything else from the field's own `compiled(...)` declaration
// (./declare.ts). Arguments go through the same functions the resolvers call
// (filters, orderBy, visibility, paging checks); whatever they refuse, or whatever
// the compiler does not know, throws NotCompilable and the resolvers answer instead.
import {
  getNamedType,
  getNullableType,
  GraphQLEnumType,
  GraphQLList,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLUnionType,
  isNonNullType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import { getArgumentValues } from 'graphql/execution/values';
import type { Scopes } from '../../auth/scopes';
import type { Context } from '../context';
import type { ModelName } from '../filters';
import { visibleWhere } from '../visibility';
import { COMPILED, type Compiled, type ListQuery, type Paging, type Row, type RowSources, type SqlFragment } from './declare';
import { column, enumValues, fieldInfo, joinCondition, relation, storedEnum, table } from './model';
import { cursorCondition, orderByClause, orderTerms } from './order';
import { ident, literal, NotCompilable, type Statement } from './sql';
import { whereSql, type Scope } from './where';

type Args = Record<string, unknown>;
type Fields = Map<string, readonly FieldNode[]>;

export interface Compilation {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  ctx: Context;
  stmt: Statement;
  /** The request's UTC date (`utcToday()`), as the resolvers judge overdue invoices. */
  today: Date;
  /** Its bind parameter, once a field asked for it. */
  todayParam?: string;
  scopes: Scopes;
}

/** A row inside the statement: a model's (columns by Prisma field) or a dashboard row's (columns by key). */
interface RowScope extends Row {
  model?: string;
  alias: string;
  /** A dashboard object's list fields: their rows and order. */
  lists?: RowSources['lists'];
}

/** A Prisma.sql fragment in this statement, its values bound as parameters. */
function embed(c: Compilation, fragment: SqlFragment): string {
  return fragment.strings.reduce((text, part, i) => (i === 0 ? part : `${text}${c.stmt.param(fragment.values[i - 1])}${part}`), '');
}

function modelRow(c: Compilation, model: string, alias: string): RowScope {
  return {
    ...plainRow(c, alias),
    model,
    col: (field) => column(model, alias, field),
    value: (field) => {
      const info = fieldInfo(model, field);
      return info.kind === 'enum' ? enumName(info.type, column(model, alias, field)) : column(model, alias, field);
    },
    aggregate: (fn, relationName, field, where) => {
      const rel = relation(model, relationName);
      const inner = c.stmt.alias();
      const scope: Scope = { stmt: c.stmt, model: rel.target, alias: inner, joins: [] };
      const condition = whereSql(scope, where);
      const value = fn === 'count' ? 'count(*)' : `sum(${column(rel.target, inner, field!)})`;
      const filter = [joinCondition(model, alias, rel, inner), condition].filter(Boolean).map((p) => `(${p})`).join(' AND ');
      return `coalesce((SELECT ${value} FROM ${table(rel.target)} ${inner} ${scope.joins.join(' ')} WHERE ${filter}), 0)`;
    },
  };
}

function plainRow(c: Compilation, alias: string): RowScope {
  return {
    alias,
    col: (key) => `${alias}.${ident(key)}`,
    value: (key) => `${alias}.${ident(key)}`,
    aggregate: () => {
      throw new NotCompilable('an aggregate over a row that is not a model\'s');
    },
    param: (value, cast) => c.stmt.param(value, cast),
    today: () => (c.todayParam ??= c.stmt.param(c.today.toISOString().slice(0, 10), 'date')),
  };
}

/** The name of an enum's stored value (`in_progress` → `IN_PROGRESS`), from the datamodel. */
function enumName(enumType: string, expr: string): string {
  const values = Object.entries(enumValues(enumType));
  if (values.every(([name, stored]) => stored.toUpperCase() === name)) return `upper((${expr})::text)`;
  return `CASE (${expr})::text ${values.map(([name, stored]) => `WHEN ${literal(stored)} THEN ${literal(name)}`).join(' ')} END`;
}

// ---- JSON text ------------------------------------------------------------------------------
// The statement writes the answer as JSON text exactly as JSON.stringify would (no
// whitespace, the same escapes), so the response is the same bytes whichever path
// answers it. Every value below is an SQL text expression holding JSON, NULL for null.

/** Postgres functions take at most 100 arguments. */
const MAX_ARGS = 100;

/** `{"key":value,...}`; a NULL value is written as null. */
function jsonObject(pairs: [string, string][]): string {
  const pieces: string[] = [];
  pairs.forEach(([key, value], i) => {
    pieces.push(literal(`${i === 0 ? '{' : ','}${JSON.stringify(key)}:`), `coalesce(${value}, 'null')`);
  });
  pieces.push(literal(pairs.length === 0 ? '{}' : '}'));
  return concat(pieces);
}

function concat(pieces: string[]): string {
  if (pieces.length <= MAX_ARGS) return `concat(${pieces.join(', ')})`;
  const chunks: string[] = [];
  for (let i = 0; i < pieces.length; i += MAX_ARGS) chunks.push(concat(pieces.slice(i, i + MAX_ARGS)));
  return concat(chunks);
}

/** `[a,b,...]` of the rows an aggregate sees; `[]` when none. */
function jsonArray(element: string, order: string, filter = ''): string {
  return `coalesce('[' || string_agg(${element}, ',' ${order}) ${filter} || ']', '[]')`;
}

/** A constant string or name as JSON. */
const jsonConstant = (text: string) => literal(JSON.stringify(text));

const jsonBoolean = (condition: string) => `CASE WHEN ${condition} THEN 'true' ELSE 'false' END`;

/** Text that needs no escaping (digits, dates, enum names, UUIDs) as a JSON string. */
const quoted = (expr: string) => `'"' || ${expr} || '"'`;

/** Base64 as Buffer#toString('base64') writes it (Postgres wraps lines every 76 characters). */
function base64(text: string): string {
  return `translate(encode(convert_to(${text}, 'UTF8'), 'base64'), E'\\n', '')`;
}

// ---- scalar output -------------------------------------------------------------------------

/**
 * The JSON of a scalar or enum value as the schema's serializers write it. `stored`
 * names the model column the value comes from (enums are stored lowercase); without
 * it the value is already in the resolvers' form.
 */
function output(type: GraphQLOutputType, expr: string, stored?: { model: string; field: string }): string {
  const nullable = getNullableType(type);
  if (nullable instanceof GraphQLList) {
    const item = getNamedType(nullable);
    if (item instanceof GraphQLScalarType && ['String', 'Int', 'Boolean', 'UUID'].includes(item.name)) return `array_to_json(${expr})::text`;
    throw new NotCompilable(`a list of ${item.name}`);
  }
  if (nullable instanceof GraphQLEnumType) return quoted(enumOutput(nullable, expr, stored));
  if (!(nullable instanceof GraphQLScalarType)) throw new NotCompilable(`output of ${String(type)}`);
  switch (nullable.name) {
    case 'String':
    case 'ID':
    case 'EmailAddress':
    case 'URL':
      return `to_json((${expr})::text)::text`;
    case 'UUID':
      return quoted(`(${expr})::text`);
    case 'Int':
      return `(${expr})::int::text`;
    case 'Boolean':
      return `(${expr})::boolean::text`;
    case 'Float':
      return `to_json((${expr})::float8)::text`;
    case 'Decimal':
      return quoted(`round(${expr}, 2)::text`);
    case 'DateTime':
      return quoted(`to_char((${expr}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
    case 'LocalDate':
      return quoted(`to_char(${expr}, 'YYYY-MM-DD')`);
    default:
      // JSON columns print with spaces in Postgres (jsonb), so they cannot be sent as they are.
      throw new NotCompilable(`output of the scalar ${nullable.name}`);
  }
}

function enumOutput(type: GraphQLEnumType, expr: string, stored?: { model: string; field: string }): string {
  const info = stored ? fieldInfo(stored.model, stored.field) : undefined;
  const cases = type.getValues().map((v) => [info ? storedEnum(info.type, v.value) : String(v.value), v.name] as const);
  if (cases.every(([from, to]) => from === to)) return `(${expr})::text`;
  if (cases.every(([from, to]) => from.toUpperCase() === to)) return `upper((${expr})::text)`;
  return `CASE (${expr})::text ${cases.map(([from, to]) => `WHEN ${literal(from)} THEN ${literal(to)}`).join(' ')} END`;
}

// ---- authorization -------------------------------------------------------------------------

/**
 * The scope-auth rules of a field (its own and its type's), evaluated as the plugin
 * would: a map of scopes passes when any of them is granted. Anything else (a
 * function, $all/$any) cannot be proven here, and neither can a refusal be answered:
 * both go to the resolvers.
 */
function checkScopes(c: Compilation, parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>): void {
  const fieldOptions = (field.extensions as { pothosOptions?: { authScopes?: unknown; skipTypeScopes?: boolean } }).pothosOptions ?? {};
  const typeOptions = (parent.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions ?? {};
  const rules = [fieldOptions.authScopes, fieldOptions.skipTypeScopes ? undefined : typeOptions.authScopes].filter((r) => r !== undefined);
  for (const rule of rules) {
    if (typeof rule !== 'object' || rule === null) throw new NotCompilable(`the auth rule of ${parent.name}.${field.name}`);
    const entries = Object.entries(rule);
    if (entries.some(([scope, value]) => value !== true || !(scope in c.scopes))) throw new NotCompilable(`the auth rule of ${parent.name}.${field.name}`);
    if (!entries.some(([scope]) => c.scopes[scope as keyof Scopes])) throw new NotCompilable(`not allowed: ${parent.name}.${field.name}`);
  }
}

// ---- selections ------------------------------------------------------------------------------

function subfields(c: Compilation, type: GraphQLObjectType, nodes: readonly FieldNode[]): Fields {
  return collectSubfields(c.schema, c.fragments, c.variables, type, nodes as FieldNode[]);
}

function args(c: Compilation, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[]): Args {
  return getArgumentValues(field, nodes[0]!, c.variables);
}

/** Runs the resolvers' own argument checks; a refusal is theirs to answer. */
function checked<T>(where: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof NotCompilable) throw error;
    throw new NotCompilable(`${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function declaration(field: GraphQLField<unknown, unknown>): Compiled | undefined {
  return (field.extensions as Record<string, unknown>)[COMPILED] as Compiled | undefined;
}

/** The JSON object of `type` for `row` with the fields the selection asks for. */
function objectJson(c: Compilation, type: GraphQLObjectType, fields: Fields, row: RowScope): string {
  const pairs: [string, string][] = [];
  for (const [key, nodes] of fields) {
    const name = nodes[0]!.name.value;
    if (name === '__typename') {
      pairs.push([key, jsonConstant(type.name)]);
      continue;
    }
    const field = type.getFields()[name];
    if (!field) throw new NotCompilable(`no field ${type.name}.${name}`);
    checkScopes(c, type, field);
    pairs.push([key, fieldJson(c, type, field, nodes, row)]);
  }
  return jsonObject(pairs);
}

function fieldJson(c: Compilation, type: GraphQLObjectType, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], row: RowScope): string {
  const where = `${type.name}.${field.name}`;
  const how = declaration(field);
  const ext = field.extensions as {
    pothosExposedField?: string;
    pothosPrismaRelationField?: { name: string; isList: boolean };
    pothosPrismaSelect?: unknown;
  };
  if (how) return declared(c, field, nodes, row, how, where);
  const list = ext.pothosExposedField ? row.lists?.[ext.pothosExposedField] : undefined;
  if (list) {
    const itemType = objectType(field);
    const items = c.stmt.alias('r');
    const json = objectJson(c, itemType, subfields(c, itemType, nodes), plainRow(c, items));
    return `(SELECT ${jsonArray(json, `ORDER BY ${list.orderBy}`)} FROM (${embed(c, list.rows)}) ${items})`;
  }
  if (ext.pothosExposedField) {
    if (row.model) return output(field.type, row.col(ext.pothosExposedField), { model: row.model, field: ext.pothosExposedField });
    return output(field.type, row.col(ext.pothosExposedField));
  }
  if (ext.pothosPrismaRelationField && row.model && !ext.pothosPrismaRelationField.isList) {
    return toOne(c, field, nodes, row, ext.pothosPrismaRelationField.name);
  }
  const count = relationCount(ext.pothosPrismaSelect);
  if (count && row.model) return countOf(c, row, count.relation, count.where);
  throw new NotCompilable(`no SQL for ${where}`);
}

function relationCount(select: unknown): { relation: string; where?: Record<string, unknown> } | undefined {
  if (typeof select !== 'object' || select === null || Object.keys(select).join() !== '_count') return undefined;
  const counted = Object.entries((select as { _count: { select: Record<string, unknown> } })._count.select ?? {});
  if (counted.length !== 1) return undefined;
  const [relationName, how] = counted[0]!;
  return { relation: relationName, where: typeof how === 'object' && how !== null ? ((how as { where?: Record<string, unknown> }).where ?? undefined) : undefined };
}

function objectType(field: GraphQLField<unknown, unknown>): GraphQLObjectType {
  const type = getNamedType(field.type);
  if (!(type instanceof GraphQLObjectType)) throw new NotCompilable(`${field.name} is not an object`);
  return type;
}

/** A model row's JSON from a correlated subquery (null when there is no such row). */
function rowJson(c: Compilation, type: GraphQLObjectType, nodes: readonly FieldNode[], model: string, condition: (alias: string, scope: Scope) => string): string {
  const alias = c.stmt.alias();
  const scope: Scope = { stmt: c.stmt, model, alias, joins: [] };
  const conditionSql = condition(alias, scope);
  const json = objectJson(c, type, subfields(c, type, nodes), modelRow(c, model, alias));
  return `(SELECT ${json} FROM ${table(model)} ${alias} ${scope.joins.join(' ')} WHERE ${conditionSql})`;
}

function toOne(c: Compilation, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], row: RowScope, relationName: string): string {
  const rel = relation(row.model!, relationName);
  // A related row the caller may not see reads as null; on a non-null field the
  // resolvers would answer with an error there, which the statement cannot.
  const visible = visibleWhere(c.ctx, rel.target as ModelName);
  if (visible && isNonNullType(field.type)) throw new NotCompilable(`a visibility rule on ${rel.target} behind the non-null ${field.name}`);
  return rowJson(c, objectType(field), nodes, rel.target, (alias, scope) => {
    const condition = whereSql(scope, visible);
    return [joinCondition(row.model!, row.alias, rel, alias), condition].filter(Boolean).map((p) => `(${p})`).join(' AND ');
  });
}

function countOf(c: Compilation, row: RowScope, relationName: string, where: Record<string, unknown> | undefined): string {
  const rel = relation(row.model!, relationName);
  const alias = c.stmt.alias();
  const scope: Scope = { stmt: c.stmt, model: rel.target, alias, joins: [] };
  const condition = whereSql(scope, where);
  return `(SELECT count(*)::text FROM ${table(rel.target)} ${alias} ${scope.joins.join(' ')} WHERE ${joinCondition(row.model!, row.alias, rel, alias)}${condition ? ` AND (${condition})` : ''})`;
}

function declared(c: Compilation, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], row: RowScope, how: Compiled, where: string): string {
  switch (how.kind) {
    case 'value':
      return output(field.type, how.sql(row));
    case 'record':
      return rowJson(c, objectType(field), nodes, how.model, (alias) => `${column(how.model, alias, 'id')} = ${row.col(how.key)}`);
    case 'related': {
      const rel = relation(row.model!, relationFieldName(field));
      const fieldArgs = args(c, field, nodes);
      const query = checked(where, () => how.query(fieldArgs, c.ctx));
      return cursorConnection(c, field, nodes, {
        model: how.model,
        paging: how.paging,
        args: fieldArgs,
        query,
        countWhere: query.where,
        correlate: (alias) => joinCondition(row.model!, row.alias, rel, alias),
        node: (type, nodeFields, alias) => objectJson(c, type, nodeFields, modelRow(c, how.model, alias)),
        where,
      });
    }
    case 'link': {
      const toParent = relation(how.link, how.parent);
      const toNode = relation(how.link, how.node);
      const fieldArgs = args(c, field, nodes);
      const query = checked(where, () => how.query(fieldArgs, c.ctx));
      return cursorConnection(c, field, nodes, {
        model: how.link,
        paging: how.paging,
        args: fieldArgs,
        query,
        countWhere: query.where,
        correlate: (alias) => joinCondition(how.link, alias, toParent, row.alias),
        node: (type, nodeFields, alias) => {
          const target = c.stmt.alias();
          const json = objectJson(c, type, nodeFields, modelRow(c, toNode.target, target));
          return `(SELECT ${json} FROM ${table(toNode.target)} ${target} WHERE ${joinCondition(how.link, alias, toNode, target)})`;
        },
        where,
      });
    }
    case 'batched':
      return offsetConnection(c, field, nodes, row, how, where);
    case 'polymorphic': {
      const union = getNamedType(field.type);
      if (!(union instanceof GraphQLUnionType)) throw new NotCompilable(`${where} is not a union`);
      const discriminator = row.col(how.discriminator);
      const discriminatorInfo = fieldInfo(row.model!, how.discriminator);
      const branches = Object.entries(how.models).map(([value, model]) => {
        const type = c.schema.getPossibleTypes(union).find((t) => (t.extensions as { pothosPrismaModel?: string }).pothosPrismaModel === model);
        if (!type) throw new NotCompilable(`${where}: no member for ${model}`);
        const json = rowJson(c, type, nodes, model, (alias) => `${column(model, alias, 'id')} = ${row.col(how.key)}`);
        return `WHEN ${literal(storedEnum(discriminatorInfo.type, value))} THEN ${json}`;
      });
      return `CASE ${discriminator}::text ${branches.join(' ')} ELSE NULL END`;
    }
    default:
      throw new NotCompilable(`${where}: ${how.kind} at this place`);
  }
}

function relationFieldName(field: GraphQLField<unknown, unknown>): string {
  const rel = (field.extensions as { pothosPrismaRelationField?: { name: string } }).pothosPrismaRelationField;
  if (!rel) throw new NotCompilable(`${field.name} is not a Prisma relation`);
  return rel.name;
}

// ---- connections ---------------------------------------------------------------------------

const PAGE_INFO = ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'] as const;

/** How a connection's parts are written; `list` aggregates an element over the page's rows. */
interface ConnectionParts {
  totalCount: () => string;
  list: (element: string) => string;
  node: (type: GraphQLObjectType, fields: Fields) => string;
  cursor: string;
  hasNextPage: string;
  hasPreviousPage: string;
  startCursor: string;
  endCursor: string;
}

/** A connection's JSON for the selection: totalCount, pageInfo, edges and nodes as asked, in the asked order. */
function connectionJson(c: Compilation, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], parts: ConnectionParts): string {
  const connection = objectType(field);
  const pairs: [string, string][] = [];
  for (const [key, keyNodes] of subfields(c, connection, nodes)) {
    const name = keyNodes[0]!.name.value;
    switch (name) {
      case '__typename':
        pairs.push([key, jsonConstant(connection.name)]);
        break;
      case 'totalCount':
        pairs.push([key, parts.totalCount()]);
        break;
      case 'nodes': {
        const nodeType = objectType(connection.getFields().nodes!);
        pairs.push([key, parts.list(parts.node(nodeType, subfields(c, nodeType, keyNodes)))]);
        break;
      }
      case 'edges': {
        const edgeType = objectType(connection.getFields().edges!);
        const edge: [string, string][] = [];
        for (const [edgeKey, edgeNodes] of subfields(c, edgeType, keyNodes)) {
          const edgeField = edgeNodes[0]!.name.value;
          if (edgeField === '__typename') edge.push([edgeKey, jsonConstant(edgeType.name)]);
          else if (edgeField === 'cursor') edge.push([edgeKey, parts.cursor]);
          else if (edgeField === 'node') {
            const nodeType = objectType(edgeType.getFields().node!);
            edge.push([edgeKey, parts.node(nodeType, subfields(c, nodeType, edgeNodes))]);
          } else throw new NotCompilable(`${edgeType.name}.${edgeField}`);
        }
        pairs.push([key, parts.list(jsonObject(edge))]);
        break;
      }
      case 'pageInfo': {
        const pageInfoType = objectType(connection.getFields().pageInfo!);
        const info: [string, string][] = [];
        for (const [infoKey, infoNodes] of subfields(c, pageInfoType, keyNodes)) {
          const infoField = infoNodes[0]!.name.value;
          if (infoField === '__typename') info.push([infoKey, jsonConstant(pageInfoType.name)]);
          else if (PAGE_INFO.includes(infoField as (typeof PAGE_INFO)[number])) info.push([infoKey, parts[infoField as (typeof PAGE_INFO)[number]]]);
          else throw new NotCompilable(`${pageInfoType.name}.${infoField}`);
        }
        pairs.push([key, jsonObject(info)]);
        break;
      }
      default:
        throw new NotCompilable(`${connection.name}.${name}`);
    }
  }
  return jsonObject(pairs);
}

interface CursorSource {
  model: string;
  paging: Paging;
  args: Args;
  query: ListQuery;
  countWhere: Record<string, unknown> | undefined;
  /** The condition tying rows (under `alias`) to their parent; none for a root list. */
  correlate?: (alias: string) => string;
  /** A page row's node JSON. */
  node: (type: GraphQLObjectType, fields: Fields, alias: string) => string;
  where: string;
}

const CURSOR_PREFIX = { uuid: 'GPC:S:', bigint: 'GPC:I:' } as const;

function decodeCursor(cursor: string, ids: 'uuid' | 'bigint'): string {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const value = text.startsWith(CURSOR_PREFIX[ids]) ? text.slice(CURSOR_PREFIX[ids].length) : undefined;
  const valid = ids === 'uuid' ? /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i : /^\d{1,18}$/;
  if (value === undefined || !valid.test(value)) throw new NotCompilable('a cursor this list did not give out');
  return value;
}

/**
 * A cursor connection as @pothos/plugin-prisma answers it: `first`/`last` + 1 rows
 * from the cursor row (skipped) in the list's order (reversed for `last`/`before`),
 * the extra row telling whether there is another page.
 */
function cursorConnection(c: Compilation, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], source: CursorSource): string {
  const { args: a, paging, model } = source;
  const maxSize = checked(source.where, () => paging.maxSize(a));
  const { first, last, before, after } = a as { first?: number | null; last?: number | null; before?: string | null; after?: string | null };
  if ((before != null && after != null) || (before != null && first != null) || (after != null && last != null)) {
    throw new NotCompilable(`${source.where}: this combination of paging arguments`);
  }
  if ((first != null && first < 0) || (last != null && last < 0)) throw new NotCompilable(`${source.where}: a negative page size`);
  const size = Math.min(first ?? last ?? paging.defaultSize, maxSize);
  const limit = size + 1;
  const backward = before != null || last != null;
  const cursor = before ?? after;
  const ids = fieldInfo(model, 'id').type === 'BigInt' ? 'bigint' : 'uuid';

  const alias = c.stmt.alias();
  const scope: Scope = { stmt: c.stmt, model, alias, joins: [] };
  const conditions = [source.correlate?.(alias), whereSql(scope, source.query.where)];
  const terms = orderTerms(scope, source.query.orderBy);
  const cursorId = cursor != null ? decodeCursor(cursor, ids) : undefined;
  if (cursorId !== undefined) conditions.push(cursorCondition(scope, source.query.orderBy, terms, cursorId, backward));
  const whereClause = conditions.filter(Boolean).map((p) => `(${p})`).join(' AND ') || 'TRUE';
  const order = orderByClause(terms, backward);
  const page = c.stmt.alias('p');
  const from = `FROM ${table(model)} ${alias} ${scope.joins.join(' ')} WHERE ${whereClause}`;
  const pos = ident('__pos');
  let rows: string;
  if (cursorId === undefined) {
    rows = `(SELECT ${alias}.*, row_number() OVER (ORDER BY ${order}) AS ${pos} ${from} ORDER BY ${order} LIMIT ${limit}) ${page}`;
  } else {
    // Prisma pages after a cursor in memory: the rows (under the cursor condition)
    // from the cursor row on, skipping it; none when the cursor row is not among them
    // (another parent's row, or one the filter leaves out).
    const numbered = c.stmt.alias('n');
    const located = c.stmt.alias('l');
    const rn = ident('__rn');
    const at = ident('__at');
    rows =
      `(SELECT ${located}.*, ${located}.${rn} - ${located}.${at} AS ${pos} FROM ` +
      `(SELECT ${numbered}.*, max(CASE WHEN ${numbered}.${ident('id')} = ${c.stmt.param(cursorId, ids)} THEN ${numbered}.${rn} END) OVER () AS ${at} FROM ` +
      `(SELECT ${alias}.*, row_number() OVER (ORDER BY ${order}) AS ${rn} ${from}) ${numbered}) ${located} ` +
      `WHERE ${located}.${rn} > ${located}.${at} AND ${located}.${rn} <= ${located}.${at} + ${limit}) ${page}`;
  }

  const rn = `${page}.${pos}`;
  const inPage = `FILTER (WHERE ${rn} <= ${size})`;
  const outOrder = `ORDER BY ${rn} ${backward ? 'DESC' : 'ASC'}`;
  const cursorOf = quoted(base64(`${literal(CURSOR_PREFIX[ids])} || ${column(model, page, 'id')}::text`));
  const full = jsonBoolean(`count(*) = ${limit}`);

  const json = connectionJson(c, field, nodes, {
    totalCount: () => countRows(c, model, source.correlate, source.countWhere),
    list: (element) => jsonArray(element, outOrder, inPage),
    node: (type, fields) => source.node(type, fields, page),
    cursor: cursorOf,
    hasNextPage: before != null ? `'true'` : last != null ? `'false'` : full,
    hasPreviousPage: after != null ? `'true'` : backward ? full : `'false'`,
    startCursor: `(array_agg(${cursorOf} ${outOrder}) ${inPage})[1]`,
    endCursor: `(array_agg(${cursorOf} ORDER BY ${rn} ${backward ? 'ASC' : 'DESC'}) ${inPage})[1]`,
  });
  // One row even when the selection aggregates nothing (only totalCount, say).
  return `(SELECT ${json} FROM ${rows} GROUP BY ())`;
}

function countRows(c: Compilation, model: string, correlate: ((alias: string) => string) | undefined, where: Record<string, unknown> | undefined): string {
  const alias = c.stmt.alias();
  const scope: Scope = { stmt: c.stmt, model, alias, joins: [] };
  const conditions = [correlate?.(alias), whereSql(scope, where)].filter(Boolean);
  return `(SELECT count(*)::text FROM ${table(model)} ${alias} ${scope.joins.join(' ')}${conditions.length ? ` WHERE ${conditions.map((p) => `(${p})`).join(' AND ')}` : ''})`;
}

const OFFSET_PREFIX = 'OffsetConnection:';

function decodeOffset(cursor: string): number {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const match = /^OffsetConnection:(\d{1,9})$/.exec(text);
  if (!match) throw new NotCompilable('an offset cursor this list did not give out');
  return Number(match[1]);
}

/**
 * An offset connection over every matching row, as @pothos/plugin-relay's
 * resolveArrayConnection pages an array: the bounds depend on how many rows there
 * are, so they are computed in the statement from the count.
 */
function offsetConnection(c: Compilation, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], row: RowScope, how: Extract<Compiled, { kind: 'batched' }>, where: string): string {
  const a = args(c, field, nodes);
  const { first, last, before, after } = a as { first?: number | null; last?: number | null; before?: string | null; after?: string | null };
  const query = checked(where, () => how.query(c.ctx, a));
  checked(where, () => {
    for (const size of [first, last]) if (size != null && (size < 0 || size > 100)) throw new Error('page size');
  });
  const defaultSize = 20;
  const maxSize = 100;
  const start0 = after != null ? decodeOffset(after) + 1 : 0;
  const beforeOffset = before != null ? decodeOffset(before) : undefined;

  const alias = c.stmt.alias();
  const scope: Scope = { stmt: c.stmt, model: how.model, alias, joins: [] };
  const correlated = `${column(how.model, alias, how.childField)} = ${row.col(how.parentField)}`;
  const condition = whereSql(scope, query.where);
  const whereClause = [correlated, condition].filter(Boolean).map((p) => `(${p})`).join(' AND ');
  const order = orderByClause(orderTerms(scope, query.orderBy));
  const numbered = `(SELECT ${alias}.*, row_number() OVER (ORDER BY ${order}) AS ${ident('__rn')} FROM ${table(how.model)} ${alias} ${scope.joins.join(' ')} WHERE ${whereClause})`;

  // offsetForArgs with the row count n known only to the statement: e is the end
  // offset, s the start, total the page size.
  let end = beforeOffset !== undefined ? `greatest(least(${beforeOffset}, n), ${start0})` : `greatest(n, ${start0})`;
  if (first != null) end = `least(${end}, ${start0 + first})`;
  const start = last != null ? `greatest(${start0}, e - ${Math.min(last, maxSize)})` : `${start0}`;
  const size = first == null && last == null ? `${defaultSize}` : '(e - s)';
  const k = c.stmt.alias('k');
  const bounds =
    `(SELECT n, s, least(e, s + least(${size}, ${maxSize})) - s AS total FROM ` +
    `(SELECT n, e, ${start} AS s FROM (SELECT n, ${end} AS e FROM ` +
    `(SELECT count(*)::int AS n FROM ${table(how.model)} ${alias} ${scope.joins.join(' ')} WHERE ${whereClause}) ${c.stmt.alias('b')}) ${c.stmt.alias('b')}) ${c.stmt.alias('b')}) ${k}`;

  const page = c.stmt.alias('p');
  const rn = `${page}.${ident('__rn')}`;
  const inPage = `FILTER (WHERE ${rn} > ${k}.s AND ${rn} <= ${k}.s + ${k}.total)`;
  const offsetCursor = (offset: string) => quoted(base64(`${literal(OFFSET_PREFIX)} || (${offset})::text`));

  const json = connectionJson(c, field, nodes, {
    totalCount: () => `${k}.n::text`,
    list: (element) => `(SELECT ${jsonArray(element, `ORDER BY ${rn}`, inPage)} FROM ${numbered} ${page})`,
    node: (type, fields) => objectJson(c, type, fields, modelRow(c, how.model, page)),
    cursor: offsetCursor(`${rn} - 1`),
    hasNextPage: jsonBoolean(`${k}.n - ${k}.s > ${k}.total`),
    hasPreviousPage: jsonBoolean(`${k}.s > 0`),
    startCursor: offsetCursor(`${k}.s`),
    endCursor: offsetCursor(`${k}.s + least(greatest(${k}.n - ${k}.s, 0), ${k}.total) - 1`),
  });
  return `(SELECT ${json} FROM ${bounds})`;
}

// ---- root fields --------------------------------------------------------------------------

/** The JSON of one root query field, as one SQL expression. */
export function compileRootField(c: Compilation, query: GraphQLObjectType, nodes: readonly FieldNode[]): string {
  const name = nodes[0]!.name.value;
  const field = query.getFields()[name];
  if (!field) throw new NotCompilable(`no root field ${name}`);
  checkScopes(c, query, field);
  const how = declaration(field);
  const where = `Query.${name}`;
  if (!how) throw new NotCompilable(`no SQL for ${where}`);
  const fieldArgs = args(c, field, nodes);
  switch (how.kind) {
    case 'list': {
      const listQuery = checked(where, () => how.query(c.ctx, fieldArgs));
      const countWhere = checked(where, () => how.count(c.ctx, fieldArgs));
      return cursorConnection(c, field, nodes, {
        model: how.model,
        paging: how.paging,
        args: fieldArgs,
        query: listQuery,
        countWhere,
        node: (type, fields, alias) => objectJson(c, type, fields, modelRow(c, how.model, alias)),
        where,
      });
    }
    case 'one': {
      const found = checked(where, () => how.where(c.ctx, fieldArgs));
      const rows = (Array.isArray(found) ? found : [found]).map((unique) => rowJson(c, objectType(field), nodes, how.model, (_alias, scope) => whereSql(scope, unique) ?? 'TRUE'));
      return rows.length === 1 ? rows[0]! : `coalesce(${rows.join(', ')})`;
    }
    case 'rows': {
      const sources = checked(where, () => how.sources(fieldArgs));
      const alias = c.stmt.alias('d');
      const object = objectType(field);
      const row: RowScope = { ...plainRow(c, alias), lists: sources.lists };
      return `(SELECT ${objectJson(c, object, subfields(c, object, nodes), row)} FROM (${embed(c, sources.object)}) ${alias})`;
    }
    default:
      throw new NotCompilable(`${where}: ${how.kind} at the root`);
  }
}

