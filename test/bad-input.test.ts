// Proof under pressure: a corpus of malformed requests GENERATED FROM THE SCHEMA
// (every mutation's input fields, every list field's filter, orderBy and paging
// arguments, every other root field's arguments) plus whole-request garbage
// (bodies, content types, methods, documents over the limits, headers). Each one
// must be answered with a 4xx, or a 200 whose `errors` say what was wrong (a
// mutation failing as a whole: always a 4xx); never a 5xx, never a masked
// INTERNAL_SERVER_ERROR, never SQL or stack traces in production; the server
// stays up and the database is left exactly as it was.
//
// Only requests that must not write are in the corpus: a value the API may
// legitimately accept (an injection string in a free-text field, `in: []`, a very
// long search term) is sent together with a "poison" that makes the request fail
// as a whole (an unknown id, an overlong sibling field) or, in a query, next to a
// nullable root field that fails (a page over the maximum), so the odd value still
// goes all the way through the resolvers and the answer is a 200 with errors.
//
// BAD_INPUT_VERBOSE=/tmp/bad-input.tsv writes every case's status, codes,
// fieldErrors paths and first message there, to review what failed and why.
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLNamedType,
} from 'graphql';
import { COLUMN_LIMITS } from '../src/generated/column-limits';
import { MAX_PAGE_SIZE } from '../src/graphql/connections';
import { MAX_FILTER_DEPTH } from '../src/graphql/filters';
import { DEFAULT_LIMITS } from '../src/graphql/limits';
import { schema } from '../src/graphql/schema';
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';
import { bearer, signToken, startTestServer, type TestServer } from './helpers/http';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const MAX_BODY_BYTES = 1_000_000;
const CONCURRENCY = 8;

// ---- deterministic helpers ------------------------------------------------------------

/** mulberry32: a seeded PRNG, so the corpus is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Takes `count` items of `list`, starting where the previous call for the same key stopped: every item gets used. */
function rotator() {
  const next = new Map<string, number>();
  return <T>(key: string, list: readonly T[], count: number): T[] => {
    if (list.length === 0) return [];
    const start = next.get(key) ?? 0;
    const n = Math.min(count, list.length);
    next.set(key, start + n);
    return Array.from({ length: n }, (_, i) => list[(start + i) % list.length]!);
  };
}

const snake = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
const tableOf = (model: string) => {
  const s = snake(model);
  return s.endsWith('y') ? `${s.slice(0, -1)}ies` : `${s}s`;
};
const MODELS = ['Contact', 'Company', 'Project', 'Service', 'Invoice', 'Meeting', 'SupportTicket', 'Integration', 'Note'];

// ---- the values ---------------------------------------------------------------------------

type Level =
  /** GraphQL's own coercion (types, scalars, enums, unknown fields) rejects it. */
  | 'coercion'
  /** Passes coercion; the API's checks or the database must reject it. */
  | 'resolver'
  /** May legitimately be accepted: sent only with a poison. */
  | 'odd';

interface Bad {
  label: string;
  value: unknown;
  level: Level;
}

const NUL = 'A\u0000B';
const INJECTIONS = [
  "' OR 1=1 --",
  '"); DROP TABLE contacts; --',
  '%_\\',
  '\\',
  '{{7*7}}',
  '${7*7}',
  '<script>alert(1)</script>',
  '") { id } } mutation { deleteContact(id: "x") { id } } #',
  "'; SELECT pg_sleep(0); --",
  '\u202eevil\u200d\ufeff',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀',
];
{
  // Seeded junk: control characters, astral and private-use code points.
  const random = prng(0x5eed);
  for (let n = 0; n < 8; n += 1) {
    let text = '';
    for (let i = 0; i < 24; i += 1) {
      const r = random();
      text += r < 0.2 ? String.fromCharCode(1 + Math.floor(random() * 31)) : String.fromCodePoint(((Math.floor(random() * 0x2ffff) & ~0xf800) | 0x20) >>> 0);
    }
    INJECTIONS.push(text);
  }
}
const bad = (level: Level, label: string, value: unknown): Bad => ({ label, value, level });

/** Text no database column can hold as sent: NUL, and lone surrogates (not Unicode). */
const UNSTORABLE: Bad[] = [
  bad('resolver', 'NUL byte', NUL),
  bad('resolver', 'NUL alone', '\u0000'),
  bad('resolver', 'lone low surrogate after a non-ASCII letter', '\u00e9\udcb8x'),
  bad('resolver', 'half an emoji at the end', 'Hello \ud83d'),
  bad('resolver', 'lone low surrogate', '\udcc6'),
];

/** Wrong JSON types for a scalar: numbers, booleans, objects, lists. */
const WRONG_TYPES: Record<string, Bad[]> = {
  String: [bad('coercion', 'number', 42), bad('coercion', 'boolean', true), bad('coercion', 'object', { a: 1 }), bad('coercion', 'list of 2', ['a', 'b']), bad('coercion', 'float', 4.2)],
  Int: [
    bad('coercion', 'string', '5'),
    bad('coercion', 'float', 5.5),
    bad('coercion', '2^31', 2 ** 31),
    bad('coercion', '-2^31-1', -(2 ** 31) - 1),
    bad('coercion', '1e300', 1e300),
    bad('coercion', '"NaN"', 'NaN'),
    bad('coercion', 'boolean', true),
    bad('coercion', 'object', {}),
    bad('coercion', 'list of 2', [1, 2]),
  ],
  Boolean: [bad('coercion', '"true"', 'true'), bad('coercion', '1', 1), bad('coercion', '"yes"', 'yes'), bad('coercion', 'object', {}), bad('coercion', 'list of 2', [true, false])],
  UUID: [
    bad('coercion', 'not a uuid', 'not-a-uuid'),
    bad('coercion', '"123"', '123'),
    bad('coercion', 'number', 123),
    bad('coercion', 'non-hex digit', '00000000-0000-0000-0000-00000000000g'),
    bad('coercion', 'one digit too many', `${UNKNOWN_ID}0`),
    bad('coercion', 'SQL injection', "' OR 1=1 --"),
    bad('coercion', 'template injection', '{{7*7}}'),
    bad('coercion', 'NUL', `${UNKNOWN_ID}\u0000`),
    bad('coercion', 'object', {}),
    bad('coercion', 'list of 2', [UNKNOWN_ID, UNKNOWN_ID]),
  ],
  EmailAddress: [
    bad('coercion', 'not an email', 'not-an-email'),
    bad('coercion', 'two @', 'a@b@example.com'),
    bad('coercion', 'no dot in the domain', 'alice@localhost'),
    bad('coercion', 'SQL injection', '"); DROP TABLE contacts; --@x.com'),
    bad('coercion', 'NUL', 'a\u0000b@example.com'),
    bad('coercion', 'number', 42),
    bad('coercion', 'object', {}),
  ],
  URL: [
    bad('coercion', 'not a url', 'not a url'),
    bad('coercion', 'javascript:', 'javascript:alert(1)'),
    bad('coercion', 'ftp:', 'ftp://files.example.com'),
    bad('coercion', 'no scheme', 'zoom.us/j/123456'),
    bad('coercion', 'http:// alone', 'http://'),
    bad('coercion', 'data:', 'data:text/html,<script>alert(1)</script>'),
    bad('coercion', 'number', 42),
    bad('coercion', 'list', ['https://a.example']),
  ],
  LocalDate: [
    bad('coercion', '2026-02-30', '2026-02-30'),
    bad('coercion', 'yesterday', 'yesterday'),
    bad('coercion', '2026-13-01', '2026-13-01'),
    bad('coercion', '2026-02-29 (not a leap year)', '2026-02-29'),
    bad('coercion', '2026-1-1', '2026-1-1'),
    bad('coercion', '01/02/2026', '01/02/2026'),
    bad('coercion', 'a DateTime', '2026-02-28T10:00:00Z'),
    bad('coercion', '0000-00-00', '0000-00-00'),
    bad('coercion', 'number', 20260101),
    bad('coercion', 'object', {}),
  ],
  DateTime: [
    bad('coercion', 'yesterday', 'yesterday'),
    bad('coercion', 'month 13', '2026-13-01T10:00:00Z'),
    bad('coercion', 'Feb 30', '2026-02-30T10:00:00Z'),
    bad('coercion', 'hour 25', '2026-01-01T25:00:00Z'),
    bad('coercion', 'offset +25:00', '2026-01-01T10:00:00+25:00'),
    bad('coercion', 'garbage', 'not a date'),
    bad('coercion', 'boolean', true),
    bad('coercion', 'object', {}),
  ],
  Decimal: [
    bad('coercion', '3 decimals', '1500.125'),
    bad('coercion', '3 decimals (number)', 1500.125),
    bad('coercion', 'negative', '-1'),
    bad('coercion', 'negative (number)', -1),
    bad('coercion', '-0.01', '-0.01'),
    bad('coercion', 'beyond DECIMAL(10,2)', '100000000'),
    bad('coercion', 'beyond DECIMAL(10,2) (number)', 100000000),
    bad('coercion', '1e9 (number)', 1e9),
    bad('coercion', '"1e9"', '1e9'),
    bad('coercion', '"NaN"', 'NaN'),
    bad('coercion', '"Infinity"', 'Infinity'),
    bad('coercion', 'thousands separator', '1,500.00'),
    bad('coercion', 'currency sign', '$100'),
    bad('coercion', 'hex', '0x10'),
    bad('coercion', 'boolean', true),
    bad('coercion', 'object', {}),
    bad('coercion', 'list', [1]),
  ],
};

function enumValues(type: GraphQLNamedType): Bad[] {
  if (!isEnumType(type)) return [];
  const first = type.getValues()[0]!.name;
  return [
    bad('coercion', 'unknown value', 'NOT_A_VALUE'),
    bad('coercion', 'lower case (stored form)', first.toLowerCase()),
    bad('coercion', 'padded', ` ${first} `),
    bad('coercion', 'number', 1),
    bad('coercion', 'boolean', false),
    bad('coercion', 'object', {}),
    bad('coercion', 'list of 2', [first, first]),
    bad('coercion', 'SQL injection', "LEAD' OR 1=1 --"),
  ];
}

const INPUT_OBJECT_BAD: Bad[] = [
  bad('coercion', 'string', 'input'),
  bad('coercion', 'number', 42),
  bad('coercion', 'list', [{}, {}]),
  bad('coercion', 'unknown field', { notAField: 1 }),
];

// ---- schema helpers --------------------------------------------------------------------------

const Query = schema.getQueryType()!;
const Mutation = schema.getMutationType()!;

/** The model a UUID field or argument names (companyId, primaryContactId → Company, Contact), if any. */
function referencedModel(name: string, fallback?: string): string | undefined {
  if (name === 'id') return fallback;
  if (!name.endsWith('Id')) return undefined;
  const stem = name.slice(0, -2).toLowerCase();
  return MODELS.find((m) => stem.endsWith(m.toLowerCase()));
}

/** VARCHAR(n) of an input field: its model's column, else the same field of any model. */
function columnLimit(model: string | undefined, field: string): number | undefined {
  const own = model ? COLUMN_LIMITS[model]?.[field] : undefined;
  if (own !== undefined) return own;
  const others = MODELS.map((m) => COLUMN_LIMITS[m]?.[field]).filter((n): n is number => n !== undefined);
  return others.length ? Math.max(...others) : undefined;
}

type Ids = Record<string, string>;

/** A valid value of `type`, for the required parts of an input around the bad one. */
function validValue(type: GraphQLInputType, name: string, ids: Ids, model?: string): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [validValue(nullable.ofType, name, ids, model)];
  const named = getNamedType(type);
  if (isInputObjectType(named)) return validInput(named, ids, model);
  if (isEnumType(named)) return named.getValues()[0]!.name;
  switch (named.name) {
    case 'String':
      return /email/i.test(name) ? 'probe@example.com' : 'Bad input probe';
    case 'UUID':
      return ids[referencedModel(name, model) ?? ''] ?? UNKNOWN_ID;
    case 'Int':
      return 30;
    case 'Boolean':
      return false;
    case 'Decimal':
      return '100';
    case 'LocalDate':
      return '2099-12-31';
    case 'DateTime':
      return '2099-12-01T10:00:00Z';
    case 'EmailAddress':
      return 'probe@example.com';
    case 'URL':
      return 'https://probe.example';
    default:
      throw new Error(`no valid value for ${named.name}`);
  }
}

function validInput(type: GraphQLInputObjectType, ids: Ids, model?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of Object.values(type.getFields())) {
    if (isNonNullType(field.type) && field.defaultValue === undefined) out[field.name] = validValue(field.type, field.name, ids, model);
  }
  return out;
}

/** Every bad value for an input position of `type` (`limit`: its column's VARCHAR length). */
function badValues(type: GraphQLInputType, options: { limit?: number; writes: boolean; name: string }): Bad[] {
  const out: Bad[] = [];
  if (isNonNullType(type)) out.push(bad('coercion', 'null for a required value', null));
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = nullable.ofType as GraphQLInputType;
    if (isNonNullType(item)) out.push(bad('coercion', 'list with a null item', [null]));
    for (const b of badValues(item, options).filter((v) => v.level === 'coercion' && v.value !== null).slice(0, 2)) out.push(bad('coercion', `list of [${b.label}]`, [b.value]));
    return out;
  }
  const named = getNamedType(type);
  if (isInputObjectType(named)) return [...out, ...INPUT_OBJECT_BAD];
  if (isEnumType(named)) return [...out, ...enumValues(named)];
  out.push(...(WRONG_TYPES[named.name] ?? []));
  const text = named.name === 'String' || named.name === 'URL' || named.name === 'EmailAddress';
  if (options.writes) {
    if (named.name === 'String') out.push(...pick('w:text', UNSTORABLE, 1));
    if (text && options.limit !== undefined) {
      const over = options.limit + 1;
      const value =
        named.name === 'URL' ? `https://x.example/${'a'.repeat(over)}` : named.name === 'EmailAddress' || /email/i.test(options.name) ? `${'a'.repeat(64)}@${'b'.repeat(over)}.com` : 'x'.repeat(over);
      const emoji = bad('resolver', `${over} emoji (column limit ${options.limit})`, '😀'.repeat(over));
      out.push(...pick('w:long', named.name === 'String' ? [bad('resolver', `${over} characters (column limit ${options.limit})`, value), emoji] : [bad('resolver', `${over} characters (column limit ${options.limit})`, value)], 1));
    }
    if (/email/i.test(options.name) && named.name === 'String') {
      out.push(bad('resolver', 'not an email', 'not-an-email'), bad('resolver', 'no dot in the domain', 'bob@localhost'));
    }
    if (named.name === 'Int') out.push(bad('resolver', 'negative', -1));
    if (isNonNullType(type) && (named.name === 'String' || named.name === 'Decimal')) out.push(bad('resolver', 'blank for a required value', '   '));
    if (named.name === 'String') {
      out.push(...INJECTIONS.map((s) => bad('odd', `injection ${JSON.stringify(s).slice(0, 30)}`, s)));
      out.push(bad('odd', '100k characters', 'y'.repeat(100_000)));
    }
    if (!isNonNullType(type)) out.push(bad('odd', 'empty string', ''));
  } else if (named.name === 'String') {
    // Outside filters and lookups, half a surrogate pair in a search argument may just match nothing.
    out.push(...pick('r:text', UNSTORABLE, 1).map((b) => (b.label.includes('surrogate') ? { ...b, level: 'odd' as const } : b)));
  }
  return out;
}

/** A selection that makes the resolvers (and their SQL) run. */
function selection(type: GraphQLNamedType): string {
  if (!isObjectType(type)) return '';
  const fields = type.getFields();
  if (fields.nodes && fields.totalCount) return '{ totalCount pageInfo { hasNextPage endCursor } nodes { __typename } }';
  const inner = Object.values(fields)
    .filter((f) => f.args.every((a) => !isNonNullType(a.type)) && isObjectType(getNamedType(f.type)))
    .map((f) => `${f.name} { __typename }`);
  return `{ __typename ${inner.join(' ')} }`;
}

function setPath(root: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(root);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') node[key] = typeof key === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]!] = value;
  return copy;
}

/** A JSON value as a GraphQL literal (strings as GraphQL strings, so enums become invalid strings). */
function literal(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object') return `{${Object.entries(value as object).map(([k, v]) => `${k}: ${literal(v)}`).join(', ')}}`;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  return JSON.stringify(value);
}

// ---- the corpus ----------------------------------------------------------------------------

interface Case {
  name: string;
  /** mutation: must be a 4xx; query / request: a 4xx or a 200 with errors. */
  kind: 'mutation' | 'query' | 'request';
  /** A GraphQL POST (JSON). */
  query?: string;
  variables?: unknown;
  /** Or an HTTP request of its own (the admin's token is added unless `anonymous`). */
  http?: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer; anonymous?: boolean };
  /** Or bytes on a socket (headers fetch refuses to send); the HTTP parser may answer without a JSON body. */
  raw?: (host: string, token: string) => Buffer;
  /** Only in production (introspection is allowed outside it). */
  productionOnly?: boolean;
}

/** Reset for every corpus, so each target gets the same one. */
let pick = rotator();

function buildCorpus(ids: Ids): Case[] {
  pick = rotator();
  return [...mutationCases(ids), ...queryCases(ids), ...requestCases(ids)];
}

/** Cases for every field of every mutation's arguments, nested inputs included. */
function mutationCases(ids: Ids): Case[] {
  const cases: Case[] = [];
  for (const field of Object.values(Mutation.getFields())) {
    const model = getNamedType(field.type).name;
    const modelName = MODELS.includes(model) ? model : undefined;
    // Batch mutations answer 200 with per-item errors: only values that fail the whole call.
    const batch = isListType(getNullableType(field.type));
    const definitions = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const call = `${field.name}(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})`;
    const query = `mutation Probe${definitions ? `(${definitions})` : ''} { ${call} ${selection(getNamedType(field.type))} }`;
    const base: Record<string, unknown> = {};
    for (const arg of field.args) if (isNonNullType(arg.type)) base[arg.name] = validValue(arg.type, arg.name, ids, modelName);

    /** Makes the request fail as a whole whatever the odd value does (not at `path`). */
    const poisoned = (variables: Record<string, unknown>, path: (string | number)[]): Record<string, unknown> | undefined => {
      const idArgs = field.args.filter((a) => getNamedType(a.type).name === 'UUID');
      if (idArgs.length) return idArgs.reduce((v, a) => setPath(v, [a.name], UNKNOWN_ID), variables);
      const input = field.args.find((a) => isInputObjectType(getNamedType(a.type)));
      if (!input) return undefined;
      const fields = Object.values((getNamedType(input.type) as GraphQLInputObjectType).getFields()).filter((f) => f.name !== path[1]);
      const reference = fields.find((f) => getNamedType(f.type).name === 'UUID' && referencedModel(f.name) !== undefined);
      if (reference) return setPath(variables, [input.name, reference.name], UNKNOWN_ID);
      const limited = fields.find((f) => getNamedType(f.type).name === 'String' && columnLimit(modelName, f.name) !== undefined);
      if (limited) return setPath(variables, [input.name, limited.name], 'z'.repeat(columnLimit(modelName, limited.name)! + 1));
      return undefined;
    };

    const add = (around: Record<string, unknown>, path: (string | number)[], values: Bad[]) => {
      for (const b of values) {
        if (batch && b.level !== 'coercion') continue;
        let variables = setPath(around, path, b.value);
        if (b.level === 'odd') {
          const withPoison = poisoned(variables, path);
          if (!withPoison) continue;
          variables = withPoison;
        }
        cases.push({ name: `${field.name} ${path.join('.')}: ${b.label}${b.level === 'odd' ? ' (poisoned)' : ''}`, kind: 'mutation', query, variables });
      }
    };

    /** Every field of an input object at `path` of `around` (valid apart from the field at fault). */
    const walk = (type: GraphQLInputObjectType, path: (string | number)[], depth: number, around: Record<string, unknown>) => {
      for (const f of Object.values(type.getFields())) {
        const at = [...path, f.name];
        const values = badValues(f.type, { limit: columnLimit(modelName, f.name), writes: true, name: f.name });
        const coercion = values.filter((v) => v.level === 'coercion');
        add(around, at, [
          ...coercion.filter((v) => v.value === null),
          ...pick(`m:${getNamedType(f.type).name}`, coercion.filter((v) => v.value !== null), 2),
          ...values.filter((v) => v.level === 'resolver'),
          ...pick('m:odd', values.filter((v) => v.level === 'odd'), 1),
        ]);
        const inner = getNamedType(f.type);
        if (isInputObjectType(inner) && depth < 2) {
          const innerPath = isListType(getNullableType(f.type)) ? [...at, 0] : at;
          walk(inner, innerPath, depth + 1, setPath(around, innerPath, validInput(inner, ids, modelName)));
        }
        // A required field left out.
        if (isNonNullType(f.type)) {
          const variables = structuredClone(around);
          let node = variables as Record<string | number, unknown>;
          for (const key of path) node = node[key] as Record<string | number, unknown>;
          delete node[f.name];
          cases.push({ name: `${field.name} ${at.join('.')}: missing`, kind: 'mutation', query, variables });
        }
      }
    };

    for (const arg of field.args) {
      const named = getNamedType(arg.type);
      add(base, [arg.name], badValues(arg.type, { writes: true, name: arg.name }).filter((v) => v.level === 'coercion'));
      if (isNonNullType(arg.type)) {
        const variables = structuredClone(base);
        delete variables[arg.name];
        cases.push({ name: `${field.name} ${arg.name}: not provided`, kind: 'mutation', query, variables });
      }
      if (isInputObjectType(named)) walk(named, [arg.name], 0, isNonNullType(arg.type) ? base : { ...base, [arg.name]: validInput(named, ids, modelName) });
    }

    // The same mistakes as inline literals (parseLiteral, validation rules), not variables.
    const input = field.args.find((a) => a.name === 'input' && isInputObjectType(getNamedType(a.type)));
    if (input && !batch) {
      const inputType = getNamedType(input.type) as GraphQLInputObjectType;
      const others = field.args.filter((a) => a !== input && isNonNullType(a.type)).map((a) => `${a.name}: ${literal(base[a.name])}`);
      for (const f of Object.values(inputType.getFields())) {
        const named = getNamedType(f.type);
        if (isInputObjectType(named) || isEnumType(named) || isListType(getNullableType(f.type))) continue;
        const values = badValues(f.type, { limit: columnLimit(modelName, f.name), writes: true, name: f.name }).filter((v) => v.level !== 'odd');
        for (const b of pick(`lit:${named.name}`, values, 1)) {
          const value = { ...(base[input.name] as Record<string, unknown>), [f.name]: b.value };
          const fieldsText = Object.entries(value).map(([k, v]) => `${k}: ${isEnumType(getNamedType(inputType.getFields()[k]!.type)) ? String(v) : literal(v)}`);
          const args = [...others, `${input.name}: {${fieldsText.join(', ')}}`].join(', ');
          cases.push({ name: `${field.name} ${f.name} (inline literal): ${b.label}`, kind: 'mutation', query: `mutation { ${field.name}(${args}) ${selection(getNamedType(field.type))} }` });
        }
      }
    }
  }
  return cases;
}

/**
 * A sibling root field that fails (a page over the maximum) so a query with an odd
 * value never answers a clean 200; nullable, so the probe's own data survives and
 * the answer is a 200 with errors when the odd value was handled well.
 */
const queryPoison = (ids: Ids) => `poison: company(id: "${ids.Company}") { projects(first: ${MAX_PAGE_SIZE + 1}) { totalCount nodes { id } } }`;

function queryCase(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, name: string, level: Level, ids: Ids): Case {
  const model = getNamedType(field.type).name;
  const used = field.args.filter((a) => a.name in args || isNonNullType(a.type));
  const variables: Record<string, unknown> = {};
  for (const a of used) variables[a.name] = a.name in args ? args[a.name] : validValue(a.type, a.name, ids, MODELS.includes(model) ? model : undefined);
  const definitions = used.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = `${field.name}${used.length ? `(${used.map((a) => `${a.name}: $${a.name}`).join(', ')})` : ''}`;
  const query = `query Probe${definitions ? `(${definitions})` : ''} { probe: ${call} ${selection(getNamedType(field.type))}${level === 'odd' ? ` ${queryPoison(ids)}` : ''} }`;
  return { name: `${field.name} ${name}${level === 'odd' ? ' (next to a failing field)' : ''}`, kind: 'query', query, variables };
}

/** Two valid values of a filter's type, for in/notIn. */
function validList(type: GraphQLNamedType): unknown[] {
  if (isEnumType(type)) return type.getValues().slice(0, 2).map((v) => v.name);
  const samples: Record<string, unknown[]> = {
    String: ['a', 'b'],
    Int: [1, 2],
    Boolean: [true, false],
    UUID: [UNKNOWN_ID, UNKNOWN_ID],
    Decimal: ['1.00', '2'],
    LocalDate: ['2026-01-01', '2026-12-31'],
    DateTime: ['2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z'],
  };
  return samples[type.name] ?? ['a'];
}

/** Cases for every list field's filter (each field, each operator), orderBy and paging, and every other root field's arguments. */
function queryCases(ids: Ids): Case[] {
  const cases: Case[] = [];
  for (const field of Object.values(Query.getFields())) {
    const argsByName = Object.fromEntries(field.args.map((a) => [a.name, a]));
    const filterArg = argsByName.filter;
    const connection = !!argsByName.after;
    for (const arg of field.args) {
      if (arg === filterArg) continue;
      if (arg.name === 'orderBy') {
        cases.push(...orderByCases(field, arg, ids));
        continue;
      }
      const values = badValues(arg.type, { writes: false, name: arg.name });
      const coercion = values.filter((v) => v.level === 'coercion');
      const chosen = [...coercion.filter((v) => v.value === null), ...pick(`q:${getNamedType(arg.type).name}`, coercion.filter((v) => v.value !== null), 3), ...values.filter((v) => v.level !== 'coercion')];
      for (const b of chosen) cases.push(queryCase(field, { [arg.name]: b.value }, `${arg.name}: ${b.label}`, b.level, ids));
      if ((arg.name === 'first' || arg.name === 'last') && connection) {
        for (const b of [bad('resolver', 'negative', -1), bad('resolver', `${MAX_PAGE_SIZE + 1}`, MAX_PAGE_SIZE + 1), bad('resolver', '2^31-1', 2 ** 31 - 1)]) {
          cases.push(queryCase(field, { [arg.name]: b.value }, `${arg.name}: ${b.label}`, b.level, ids));
        }
      } else if (getNamedType(arg.type).name === 'Int') {
        for (const b of [bad('odd', 'negative', -1), bad('odd', 'huge', 2 ** 31 - 1)]) cases.push(queryCase(field, { [arg.name]: b.value }, `${arg.name}: ${b.label}`, b.level, ids));
      }
      if (arg.name === 'after' || arg.name === 'before') {
        // The list's own kind of cursor (UUID ids, or the audit log's bigint ids) with an unknown id is valid.
        const node = getNamedType((getNamedType(field.type) as GraphQLObjectType).getFields().nodes!.type) as GraphQLObjectType;
        const uuidIds = getNamedType(node.getFields().id!.type).name === 'UUID';
        for (const b of [
          bad('resolver', 'garbage cursor', 'not a cursor!'),
          bad('resolver', 'base64 garbage', Buffer.from('garbage').toString('base64')),
          bad(uuidIds ? 'odd' : 'resolver', 'a UUID cursor', Buffer.from(`GPC:S:${UNKNOWN_ID}`).toString('base64')),
          bad(uuidIds ? 'resolver' : 'odd', 'a bigint cursor', Buffer.from('GPC:I:12345').toString('base64')),
          bad('resolver', 'a date cursor', Buffer.from('GPC:D:1700000000000').toString('base64')),
          bad('resolver', 'a compound cursor', Buffer.from('GPC:T:["S:a","N:1"]').toString('base64')),
          bad('resolver', 'base64 of NUL', Buffer.from('GPC:S:\u0000').toString('base64')),
          bad('resolver', 'base64 JSON', Buffer.from('GPC:J:{"id":{"$gt":1}}').toString('base64')),
          bad('resolver', 'base64 JSON object', Buffer.from('GPC:O:{"gt":"a"}').toString('base64')),
          bad('odd', 'empty', ''),
        ]) {
          cases.push(queryCase(field, { [arg.name]: b.value }, `${arg.name}: ${b.label}`, b.level, ids));
        }
      }
      if (getNamedType(arg.type).name === 'String' && !connection) {
        for (const b of pick('q:odd', INJECTIONS, 2)) cases.push(queryCase(field, { [arg.name]: b }, `${arg.name}: injection ${JSON.stringify(b).slice(0, 30)}`, 'odd', ids));
      }
    }
    if (connection) {
      cases.push(queryCase(field, { first: 5, last: 5 }, 'first and last together', 'odd', ids));
    }
    if (filterArg) cases.push(...filterCases(field, filterArg, ids));
  }
  return cases;
}

function filterCases(field: GraphQLField<unknown, unknown>, arg: GraphQLArgument, ids: Ids): Case[] {
  const cases: Case[] = [];
  const filterType = getNamedType(arg.type) as GraphQLInputObjectType;
  const add = (filter: unknown, name: string, level: Level) => cases.push(queryCase(field, { filter }, `filter ${name}`, level, ids));
  for (const b of INPUT_OBJECT_BAD) add(b.value, b.label, 'coercion');
  for (const f of Object.values(filterType.getFields())) {
    const type = getNamedType(f.type);
    if (f.name === 'and' || f.name === 'or') {
      add({ [f.name]: 'x' }, `${f.name}: string`, 'coercion');
      add({ [f.name]: [1] }, `${f.name}: [1]`, 'coercion');
      add({ [f.name]: [null] }, `${f.name}: [null]`, 'coercion');
      add({ [f.name]: [] }, `${f.name}: []`, 'odd');
      continue;
    }
    if (f.name === 'not') {
      add({ not: 42 }, 'not: number', 'coercion');
      add({ not: [] }, 'not: []', 'odd');
      continue;
    }
    if (f.name === 'search') {
      for (const b of [bad('coercion', 'number', 42), bad('coercion', 'object', {}), ...pick('f:search-text', UNSTORABLE, 2)]) add({ search: b.value }, `search: ${b.label}`, b.level);
      for (const s of pick('f:search', INJECTIONS, 3)) add({ search: s }, `search: injection ${JSON.stringify(s).slice(0, 30)}`, 'odd');
      add({ search: 'z'.repeat(100_000) }, 'search: 100k characters', 'odd');
      continue;
    }
    if (!isInputObjectType(type)) continue;
    const ops = type.getFields();
    if (ops.eq) {
      // An operator object: three operators (taking turns) get a wrong value of their type.
      for (const op of pick(`f:ops:${type.name}`, Object.values(ops), 3)) {
        const values = badValues(op.type, { writes: false, name: op.name }).filter((v) => v.level === 'coercion');
        for (const b of pick(`f:${type.name}.${op.name}`, values, 1)) add({ [f.name]: { [op.name]: b.value } }, `${f.name}.${op.name}: ${b.label}`, b.level);
      }
      add({ [f.name]: { notAnOperator: 1 } }, `${f.name}: unknown operator`, 'coercion');
      add({ [f.name]: 'x' }, `${f.name}: string instead of operators`, 'coercion');
      if (getNamedType(ops.eq.type).name === 'String') {
        for (const op of pick('f:text-ops', ['eq', 'ne', 'contains', 'startsWith', 'endsWith'], 2)) {
          for (const b of pick('f:text', UNSTORABLE, 1)) add({ [f.name]: { [op]: b.value } }, `${f.name}.${op}: ${b.label}`, 'resolver');
        }
        for (const b of pick('f:text-in', UNSTORABLE, 1)) add({ [f.name]: { [pick('f:in-ops', ['in', 'notIn'], 1)[0]!]: ['ok', b.value] } }, `${f.name} in/notIn: an item with ${b.label}`, 'resolver');
        for (const op of pick('f:inj-ops', ['contains', 'startsWith', 'endsWith', 'eq'], 1)) {
          for (const text of pick('f:inj', INJECTIONS, 1)) add({ [f.name]: { [op]: text } }, `${f.name}.${op}: injection ${JSON.stringify(text).slice(0, 30)}`, 'odd');
        }
      }
      add({ [f.name]: { [pick('f:empty', ['in', 'notIn'], 1)[0]!]: [] } }, `${f.name}: an empty list`, 'odd');
      add({ [f.name]: pick('f:nulls', [{ eq: null }, { ne: null }, { isNull: true }, { isNull: false }, { eq: null, in: null, notIn: null, isNull: null }], 1)[0] }, `${f.name}: null comparisons`, 'odd');
      add({ [f.name]: { [pick('f:list-ops', ['in', 'notIn'], 1)[0]!]: validList(getNamedType(ops.eq.type) as GraphQLNamedType) } }, `${f.name}: a list of valid values`, 'odd');
    } else if (ops.some) {
      add({ [f.name]: { some: 42 } }, `${f.name}.some: number`, 'coercion');
      add({ [f.name]: { every: 'x' } }, `${f.name}.every: string`, 'coercion');
      add({ [f.name]: { nope: {} } }, `${f.name}: unknown quantifier`, 'coercion');
      add({ [f.name]: { none: {} } }, `${f.name}.none: {}`, 'odd');
    } else {
      // A to-one relation: the related model's filter.
      add({ [f.name]: 'x' }, `${f.name}: string`, 'coercion');
      add({ [f.name]: { notAField: { eq: 1 } } }, `${f.name}: unknown field`, 'coercion');
      const text = Object.values(type.getFields()).find((g) => getNamedType(g.type).name === 'StringFilter');
      if (text) add({ [f.name]: { [text.name]: { contains: NUL } } }, `${f.name}.${text.name}.contains: NUL`, 'resolver');
    }
  }
  // Size and nesting.
  const stringField = Object.values(filterType.getFields()).find((g) => getNamedType(g.type).name === 'StringFilter');
  if (stringField) {
    const name = stringField.name;
    add({ [name]: { contains: 'q'.repeat(100_000) } }, `${name}.contains: 100k characters`, 'odd');
    add({ [name]: { eq: null, in: null, isNull: null } }, `${name}: every operator null`, 'odd');
    add({ [name]: { in: Array.from({ length: 70_000 }, (_, i) => `v${i}`) } }, `${name}.in: 70,000 values`, 'resolver');
    add({ or: Array.from({ length: 2_000 }, (_, i) => ({ [name]: { eq: `v${i}` } })) }, 'or of 2,000 conditions', 'odd');
    add({ or: Array.from({ length: 7 }, (_, j) => ({ [name]: { in: Array.from({ length: 10_000 }, (_, i) => `${j}.${i}`) } })) }, 'or of 7 lists of 10,000 values', 'odd');
    // Each round is two levels (an and item, then not), each with two keys: the most JSON per level.
    const nest = (levels: number) => {
      let filter: Record<string, unknown> = { [name]: { contains: 'x' } };
      for (let level = 0; level < levels; level += 2) filter = { and: [{ [name]: { contains: 'x' }, not: filter }] };
      return filter;
    };
    add(nest(MAX_FILTER_DEPTH - 1), `nested to the depth limit (${MAX_FILTER_DEPTH})`, 'odd');
    add(nest(MAX_FILTER_DEPTH + 1), `nested past the depth limit (${MAX_FILTER_DEPTH + 2})`, 'resolver');
  }
  let nested: Record<string, unknown> = {};
  for (let i = 0; i < 50; i += 1) nested = { not: nested };
  add(nested, 'not nested 50 deep', 'resolver');
  return cases;
}

function orderByCases(field: GraphQLField<unknown, unknown>, arg: GraphQLArgument, ids: Ids): Case[] {
  const cases: Case[] = [];
  const type = getNamedType(arg.type) as GraphQLInputObjectType;
  const fields = Object.values(type.getFields());
  const scalar = fields.filter((f) => isEnumType(getNamedType(f.type)));
  const relation = fields.find((f) => isInputObjectType(getNamedType(f.type)));
  const add = (orderBy: unknown, name: string, level: Level) => cases.push(queryCase(field, { orderBy }, `orderBy ${name}`, level, ids));
  add('x', 'string', 'coercion');
  add([null], '[null]', 'coercion');
  add([{ notAField: 'ASC' }], 'unknown field', 'coercion');
  add([{}], 'empty entry', 'resolver');
  if (scalar[0]) {
    add([{ [scalar[0].name]: 'UP' }], 'unknown direction', 'coercion');
    add([{ [scalar[0].name]: 'asc' }], 'lower-case direction', 'coercion');
    add([{ [scalar[0].name]: 1 }], 'number direction', 'coercion');
  }
  if (scalar[1]) add([{ [scalar[0]!.name]: 'ASC', [scalar[1].name]: 'DESC' }], 'two fields in one entry', 'resolver');
  if (relation) {
    const inner = Object.values((getNamedType(relation.type) as GraphQLInputObjectType).getFields()).filter((f) => isEnumType(getNamedType(f.type)));
    if (inner[1]) add([{ [relation.name]: { [inner[0]!.name]: 'ASC', [inner[1].name]: 'ASC' } }], `${relation.name}: two fields in one entry`, 'resolver');
    add([{ [relation.name]: {} }], `${relation.name}: empty`, 'resolver');
  }
  add(Array.from({ length: 5_000 }, () => ({ [scalar[0]!.name]: 'ASC' })), '5,000 entries', 'odd');
  // Related records' fields, nested through to-one relations (Contact → company → primaryContact → …).
  const chain = (levels: number): Record<string, unknown> | undefined => {
    const keys: string[] = [];
    let current: GraphQLInputObjectType = type;
    for (let level = 1; level < levels; level += 1) {
      const next = Object.values(current.getFields()).find((f) => isInputObjectType(getNamedType(f.type)));
      if (!next) return undefined;
      keys.push(next.name);
      current = getNamedType(next.type) as GraphQLInputObjectType;
    }
    const leaf = Object.values(current.getFields()).find((f) => isEnumType(getNamedType(f.type)))!;
    return keys.reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), { [leaf.name]: 'ASC' });
  };
  const atLimit = chain(MAX_FILTER_DEPTH);
  if (atLimit) add([atLimit], `related fields nested to the depth limit (${MAX_FILTER_DEPTH})`, 'odd');
  const pastLimit = chain(MAX_FILTER_DEPTH + 1);
  if (pastLimit) add([pastLimit], `related fields nested past the depth limit (${MAX_FILTER_DEPTH + 1})`, 'resolver');
  const far = chain(60);
  if (far) add([far], 'related fields nested 60 deep', 'resolver');
  return cases;
}

/** Whole-request garbage: bodies, content types, methods, documents over the limits, headers. */
function requestCases(ids: Ids): Case[] {
  const cases: Case[] = [];
  const json = (name: string, body: string | Buffer, headers: Record<string, string> = {}, kind: Case['kind'] = 'request') =>
    cases.push({ name, kind, http: { body, headers: { 'content-type': 'application/json', ...headers } } });
  const post = (name: string, payload: unknown, kind: Case['kind'] = 'request') => json(name, JSON.stringify(payload), {}, kind);
  const MUTATION = `mutation { deleteContact(id: "${UNKNOWN_ID}") { id } }`;
  const WRITE = 'mutation { createService(input: {serviceName: "Written by a bad request"}) { id } }';

  // Bodies.
  for (const [name, body] of [
    ['invalid JSON: {', '{'],
    ['invalid JSON: truncated', '{"query": "{ contacts { totalCount } }"'],
    ['invalid JSON: single quotes', "{'query': '{ __typename }'}"],
    ['invalid JSON: trailing comma', '{"query": "{ __typename }",}'],
    ['invalid JSON: not JSON at all', 'query { __typename }'],
    ['JSON with a byte-order mark', '\ufeff{"query": "{ x }"}'],
    ['empty body', ''],
    ['JSON null', 'null'],
    ['JSON string', '"{ __typename }"'],
    ['JSON number', '123'],
    ['JSON true', 'true'],
    ['JSON array (batching is off)', '[]'],
    ['JSON array of one operation', JSON.stringify([{ query: '{ contacts { totalCount } }' }])],
    ['JSON array of a mutation', JSON.stringify([{ query: WRITE }])],
    ['NaN literal', '{"query": "{ contacts(first: $n) { totalCount } }", "variables": {"n": NaN}}'],
  ] as const) {
    json(name, body);
  }
  // The poison's quotes, escaped for a JSON string.
  const poison = JSON.stringify(queryPoison(ids)).slice(1, -1);
  json('invalid UTF-8 in the document', Buffer.concat([Buffer.from('{"query": "{ contacts(filter: {search: \\"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(`\\"}) { totalCount } ${poison} }"}`)]));
  json('overlong UTF-8 NUL (0xC0 0x80) in a variable', Buffer.concat([Buffer.from(`{"query": "query($s: String) { contacts(filter: {search: $s}) { totalCount } ${poison} }", "variables": {"s": "a`), Buffer.from([0xc0, 0x80]), Buffer.from('b"}}')]));
  json('lone surrogate escapes in a variable', `{"query": "query($s: String) { contacts(filter: {firstName: {contains: $s}}) { totalCount } ${poison} }", "variables": {"s": "\\ud800x\\udfff"}}`);
  json('lone surrogate in a mutation input', `{"query": "mutation($i: CreateServiceInput!) { createService(input: $i) { id } }", "variables": {"i": {"serviceName": "\\ud800", "serviceCategory": "${'c'.repeat(51)}"}}}`, {}, 'mutation');
  json('lone surrogate escape inside the document', JSON.stringify({ query: '{ contacts(filter: {search: "\\uD800"}) { totalCount } }' }));
  json('raw lone surrogate inside the document', `{"query": "{ contacts(filter: {search: \\"\\ud800\\"}) { totalCount } }"}`);
  json('NUL escape inside the document', JSON.stringify({ query: '{ contacts(filter: {search: "a\\u0000b"}) { totalCount } }' }));

  // The request's fields.
  for (const [name, payload, kind] of [
    ['no query', {}],
    ['only variables', { variables: { a: 1 } }],
    ['query null', { query: null }],
    ['query a number', { query: 42 }],
    ['query an object', { query: { kind: 'Document' } }],
    ['query a list', { query: ['{ __typename }'] }],
    ['query empty', { query: '' }],
    ['query blank', { query: '   \n  ' }],
    ['query only a comment', { query: '# nothing' }],
    ['syntax error', { query: '{ contacts(first: ) { totalCount } }' }],
    ['unterminated string', { query: '{ contacts(filter: {search: "abc}) { totalCount } }' }],
    ['unknown field', { query: '{ notAField }' }],
    ['unknown argument', { query: '{ contacts(notAnArg: 1) { totalCount } }' }],
    ['missing selection', { query: '{ contacts }' }],
    ['selection on a scalar', { query: '{ contacts { totalCount { x } } }' }],
    ['variables a string', { query: 'query($n: Int) { contacts(first: $n) { totalCount } }', variables: '{"n": 1}' }],
    ['variables a list', { query: 'query($n: Int) { contacts(first: $n) { totalCount } }', variables: [1] }],
    ['variables a number', { query: 'query($n: Int) { contacts(first: $n) { totalCount } }', variables: 5 }],
    ['variables true', { query: 'query($n: Int) { contacts(first: $n) { totalCount } }', variables: true }],
    ['variables of a mutation a string', { query: 'mutation($id: UUID!) { deleteContact(id: $id) { id } }', variables: 'x' }],
    ['unknown operationName', { query: 'query A { contacts { totalCount } }', operationName: 'Nope' }],
    ['operationName a number', { query: 'query A { contacts { totalCount } }', operationName: 42 }],
    ['operationName an object', { query: 'query A { contacts { totalCount } }', operationName: {} }],
    ['operationName injection', { query: 'query A { contacts { totalCount } }', operationName: 'A") { __schema' }],
    ['two operations, no operationName', { query: 'query A { contacts { totalCount } } query B { companies { totalCount } }' }],
    ['two operations with one name', { query: 'query A { contacts { totalCount } } query A { companies { totalCount } }', operationName: 'A' }],
    ['anonymous and named operations', { query: '{ contacts { totalCount } } query B { companies { totalCount } }' }],
    ['operationName picks a missing mutation', { query: `query A { contacts { totalCount } } ${MUTATION.replace('mutation', 'mutation M')}`, operationName: 'Nope' }],
    ['extensions a string', { query: '{ contacts(first: -1) { totalCount } }', extensions: 'x' }],
    ['persisted query not found', { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }],
    ['persisted query hash mismatch', { query: '{ contacts { totalCount } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } }],
    ['persisted query bad version', { query: '{ contacts { totalCount } }', extensions: { persistedQuery: { version: 99, sha256Hash: 'b'.repeat(64) } } }],
    ['subscription', { query: 'subscription { contacts { totalCount } }' }],
    ['a fragment only', { query: 'fragment F on Query { contacts { totalCount } }' }],
    ['fragment cycle', { query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }],
    ['fragment spreads itself', { query: '{ ...A } fragment A on Query { contacts { totalCount } ...A }' }],
    ['unknown fragment', { query: '{ ...Nope }' }],
    ['unused fragment', { query: '{ contacts(first: -1) { totalCount } } fragment F on Query { contacts { totalCount } }' }],
    ['fragment on an unknown type', { query: '{ ...F } fragment F on Nope { x }' }],
    ['fragment on a wrong type', { query: '{ ...F } fragment F on Contact { id }' }],
    ['duplicate variable definitions', { query: 'query($a: Int, $a: Int) { contacts(first: $a) { totalCount } }', variables: { a: 1 } }],
    ['undefined variable', { query: '{ contacts(first: $a) { totalCount } }', variables: { a: 1 } }],
    ['unused variable', { query: 'query($a: Int) { contacts { totalCount } }', variables: { a: 1 } }],
    ['variable of a wrong type', { query: 'query($a: String) { contacts(first: $a) { totalCount } }', variables: { a: '1' } }],
    ['variable of an unknown type', { query: 'query($a: Nope) { contacts(first: $a) { totalCount } }', variables: { a: 1 } }],
    ['variable of an output type', { query: 'query($a: Contact) { contacts { totalCount } }', variables: { a: {} } }],
    ['duplicate argument', { query: '{ contacts(first: 1, first: 2) { totalCount } }' }],
    ['duplicate input field', { query: '{ contacts(filter: {search: "a", search: "b"}) { totalCount } }' }],
    ['unknown directive', { query: '{ contacts @nope { totalCount } }' }],
    ['@include without if', { query: '{ contacts @include { totalCount } }' }],
    ['@skip with a string', { query: '{ contacts @skip(if: "yes") { totalCount } }' }],
    ['conflicting aliases', { query: '{ a: contacts { totalCount } a: companies { totalCount } }' }],
    ['mutation with a query root field', { query: 'mutation { contacts { totalCount } }' }, 'mutation'],
    ['mutation that does not exist', { query: 'mutation { dropDatabase }' }, 'mutation'],
    ['a valid write next to a syntax error', { query: `${WRITE} {` }, 'mutation'],
    ['a valid write next to an unknown field', { query: WRITE.replace('{ id }', '{ id notAField }') }, 'mutation'],
    ['a valid write and a failing one (stops at the first)', { query: `mutation { a: deleteContact(id: "${UNKNOWN_ID}") { id } b: createService(input: {serviceName: "${'s'.repeat(101)}"}) { id } }` }, 'mutation'],
    ['introspection in production', { query: '{ __schema { types { name } } }' }],
  ] as [string, unknown, Case['kind']?][]) {
    const c: Case = { name, kind: kind ?? 'request', http: { body: JSON.stringify(payload), headers: { 'content-type': 'application/json' } } };
    if (name === 'introspection in production') c.productionOnly = true;
    cases.push(c);
  }

  // Content types.
  const body = JSON.stringify({ query: WRITE });
  for (const type of ['text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql', 'application/xml', 'application/octet-stream', 'application/json-patch+json', 'application/jsonp', '*/*', 'application/json, text/plain', 'application/json; charset=utf-16']) {
    // A type the server might read as JSON gets a write that fails validation; the others a real write, which must not run.
    cases.push({ name: `content type ${type}, a write`, kind: 'mutation', http: { body: type.includes('json') ? body.replace('{ id }', '{ id notAField }') : body, headers: { 'content-type': type } } });
  }
  cases.push({ name: 'form-encoded query', kind: 'mutation', http: { body: `query=${encodeURIComponent(WRITE)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } } });
  cases.push({ name: 'GraphQL document as the body', kind: 'mutation', http: { body: WRITE, headers: { 'content-type': 'application/graphql' } } });
  cases.push({ name: 'no content type, a write', kind: 'mutation', http: { body: Buffer.from(body) } });
  cases.push({ name: 'UTF-16 body', kind: 'mutation', http: { body: Buffer.from(body, 'utf16le'), headers: { 'content-type': 'application/json' } } });

  // Methods.
  const search = (params: Record<string, string>) => `/graphql?${new URLSearchParams(params).toString()}`;
  const preflight = { 'apollo-require-preflight': 'true' };
  cases.push({ name: 'GET with a mutation that would write', kind: 'mutation', http: { method: 'GET', path: search({ query: WRITE }), headers: preflight } });
  cases.push({ name: 'GET with a mutation, no preflight header', kind: 'mutation', http: { method: 'GET', path: search({ query: WRITE }) } });
  cases.push({ name: 'GET picking the mutation of two operations', kind: 'mutation', http: { method: 'GET', path: search({ query: `query Q { contacts { totalCount } } ${WRITE.replace('mutation', 'mutation M')}`, operationName: 'M' }), headers: preflight } });
  cases.push({ name: 'GET without a query', kind: 'request', http: { method: 'GET', path: '/graphql?foo=1', headers: preflight } });
  cases.push({ name: 'GET with variables that are not JSON', kind: 'request', http: { method: 'GET', path: search({ query: 'query($n: Int) { contacts(first: $n) { totalCount } }', variables: '{"n":' }), headers: preflight } });
  cases.push({ name: 'GET with variables a list', kind: 'request', http: { method: 'GET', path: search({ query: 'query($n: Int) { contacts(first: $n) { totalCount } }', variables: '[1]' }), headers: preflight } });
  cases.push({ name: 'GET with extensions not JSON', kind: 'request', http: { method: 'GET', path: search({ query: '{ contacts(first: -1) { totalCount } }', extensions: '{' }), headers: preflight } });
  cases.push({ name: 'GET with a NUL in the query string', kind: 'request', http: { method: 'GET', path: search({ query: '{ contacts(filter: {search: "a\\u0000"}) { totalCount } }' }), headers: preflight } });
  cases.push({
    name: 'GET with variables nested 500 deep',
    kind: 'request',
    http: { method: 'GET', path: search({ query: 'query($f: ContactFilter) { contacts(filter: $f) { totalCount } }', variables: `{"f":${'{"not":'.repeat(500)}{}${'}'.repeat(500)}}` }), headers: preflight },
  });
  cases.push({ name: 'GET with percent-encoding garbage', kind: 'request', http: { method: 'GET', path: '/graphql?query=%E0%A4%A&variables=%FF', headers: preflight } });
  for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) cases.push({ name: `${method} with a write`, kind: 'mutation', http: { method, body: method === 'OPTIONS' ? undefined : body, headers: { 'content-type': 'application/json' } } });

  // Sizes and shapes over the limits.
  cases.push({ name: 'document over the body limit', kind: 'request', http: { body: JSON.stringify({ query: `{ contacts { totalCount } ${' '.repeat(MAX_BODY_BYTES)} }` }), headers: { 'content-type': 'application/json' } } });
  cases.push({ name: 'variables over the body limit', kind: 'mutation', http: { body: JSON.stringify({ query: 'mutation($i: CreateServiceInput!) { createService(input: $i) { id } }', variables: { i: { serviceName: 'x', description: 'd'.repeat(MAX_BODY_BYTES) } } }), headers: { 'content-type': 'application/json' } } });
  cases.push({
    name: 'chunked body over the limit',
    kind: 'mutation',
    raw: (host, token) => {
      const chunk = Buffer.from(JSON.stringify({ query: WRITE, variables: { pad: 'p'.repeat(MAX_BODY_BYTES) } }));
      return Buffer.concat([
        Buffer.from(`POST /graphql HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunk.length.toString(16)}\r\n`),
        chunk,
        Buffer.from('\r\n0\r\n\r\n'),
      ]);
    },
  });
  cases.push({ name: 'content-length larger than the body limit', kind: 'mutation', raw: (host, token) => Buffer.from(`POST /graphql HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${MAX_BODY_BYTES + 1}\r\nConnection: close\r\n\r\n{"query": "mutation { x }"}`) });
  cases.push({ name: 'negative content-length', kind: 'request', raw: (host) => Buffer.from(`POST /graphql HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: -1\r\nConnection: close\r\n\r\n{}`) });

  let chain = 'id';
  for (let level = DEFAULT_LIMITS.depth; level >= 2; level -= 1) chain = `${level % 2 === 0 ? 'primaryContact' : 'company'} { ${chain} }`;
  post(`depth ${DEFAULT_LIMITS.depth + 1}`, { query: `{ company(id: "${ids.Company}") { ${chain} } }` });
  post('depth 1,000', { query: `{ company(id: "${ids.Company}") { ${'primaryContact { company { '.repeat(500)}id${' } }'.repeat(500)} } }` });
  post('a deep mutation', { query: `mutation { deleteContact(id: "${UNKNOWN_ID}") { ${'company { primaryContact { '.repeat(7)}id${' } }'.repeat(7)} } }` }, 'mutation');
  post(`${DEFAULT_LIMITS.aliases + 1} aliases`, { query: `{ ${Array.from({ length: DEFAULT_LIMITS.aliases + 1 }, (_, i) => `a${i}: __typename`).join(' ')} }` });
  post(`${DEFAULT_LIMITS.rootFields + 1} root fields`, {
    query: `{ ${Array.from({ length: DEFAULT_LIMITS.rootFields + 1 }, (_, i) => `r${i}: contacts(first: 1) { totalCount }`).join(' ')} }`,
  });
  post(`${DEFAULT_LIMITS.tokens + 1} tokens`, { query: `{ ${'__typename '.repeat(DEFAULT_LIMITS.tokens)} }` });
  post(`${DEFAULT_LIMITS.directives + 1} directives`, { query: `{ contacts { ${'... @include(if: true) { totalCount } '.repeat(DEFAULT_LIMITS.directives + 1)} } }` });
  post('cost over the limit', { query: '{ companies(first: 100) { nodes { projects(first: 100) { nodes { integrations(first: 100) { nodes { project { company { projects(first: 100) { nodes { id } } } } } } } } } } }' });
  post('cost over the limit through variables', { query: 'query($n: Int) { companies(first: $n) { nodes { projects(first: $n) { nodes { integrations(first: $n) { nodes { id } } } } } } }', variables: { n: 100 } });
  post('fragments multiplying (billion laughs)', {
    query: `{ ...F0 } ${Array.from({ length: 16 }, (_, i) => `fragment F${i} on Query { a${i}: contacts(first: 100) { nodes { id } } ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F16 on Query { contacts { totalCount } }`,
  });
  post('100,000 fields in one selection', { query: `{ contacts { nodes { ${'id '.repeat(100_000)} } } }` });
  post('a 200,000-character field name', { query: `{ ${'f'.repeat(200_000)} }` });
  post('a 500,000-character string literal', { query: `{ contacts(filter: {search: "${'s'.repeat(500_000)}"}) { totalCount } ${queryPoison(ids)} }` });
  // Input nesting: variables nested far deeper than any document may be (built as text: JSON.stringify recurses).
  const nestedNot = (depth: number) => `${'{"not": '.repeat(depth)}{}${'}'.repeat(depth)}`;
  const nestedList = (depth: number) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
  for (const depth of [1_000, 10_000, 100_000]) {
    json(`filter nested ${depth.toLocaleString('en')} deep`, `{"query": "query($f: ContactFilter) { contacts(filter: $f) { totalCount } }", "variables": {"f": ${nestedNot(depth)}}}`);
  }
  json('a filter value nested in 100,000 lists', `{"query": "query($f: ContactFilter) { contacts(filter: $f) { totalCount } }", "variables": {"f": {"firstName": {"in": ${nestedList(100_000)}}}}}`);
  json('a mutation input nested in 100,000 lists', `{"query": "mutation($i: CreateServiceInput!) { createService(input: $i) { id } }", "variables": {"i": {"serviceName": ${nestedList(100_000)}}}}`, {}, 'mutation');
  json('a mutation input nested 100,000 deep, with an Idempotency-Key', `{"query": "mutation($i: CreateServiceInput!) { createService(input: $i) { id } }", "variables": {"i": {"serviceName": "x", "extra": ${nestedNot(100_000)}}}}`, { 'idempotency-key': 'bad-input-deep-1' }, 'mutation');
  json('JSON nested 200,000 deep', `{"query": "{ contacts(first: -1) { totalCount } }", "variables": {"x": ${nestedList(200_000)}}}`);

  // Headers.
  const idem = (name: string, key: string) =>
    cases.push({ name: `Idempotency-Key ${name}`, kind: 'mutation', http: { body: JSON.stringify({ query: MUTATION }), headers: { 'content-type': 'application/json', 'idempotency-key': key } } });
  idem('256 characters', 'k'.repeat(256));
  idem('8,000 characters', 'k'.repeat(8_000));
  idem('empty', '');
  idem('blank', '   ');
  idem('with a space', 'run 42');
  idem('with a tab', 'run\t42');
  idem('non-ASCII (latin-1)', 'caf\u00e9');
  idem('SQL injection', "' OR 1=1 --");
  for (const [name, byte] of [['NUL', '\u0000'], ['SOH', '\u0001'], ['ESC', '\u001b'], ['DEL', '\u007f'], ['bare CR', '\r'], ['vertical tab', '\u000b']] as const) {
    cases.push({
      name: `Idempotency-Key with ${name}`,
      kind: 'mutation',
      raw: (host, token) => {
        const payload = JSON.stringify({ query: MUTATION });
        return Buffer.from(`POST /graphql HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nIdempotency-Key: run${byte}42\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`, 'latin1');
      },
    });
  }
  cases.push({
    name: 'Idempotency-Key with invalid UTF-8',
    kind: 'mutation',
    raw: (host, token) => {
      const payload = JSON.stringify({ query: MUTATION });
      return Buffer.concat([Buffer.from(`POST /graphql HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nIdempotency-Key: run`), Buffer.from([0xff, 0xc0, 0x80]), Buffer.from(`\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`)]);
    },
  });
  cases.push({
    name: 'Idempotency-Key of 40,000 characters (header too large)',
    kind: 'mutation',
    raw: (host, token) => {
      const payload = JSON.stringify({ query: MUTATION });
      return Buffer.from(`POST /graphql HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nIdempotency-Key: ${'k'.repeat(40_000)}\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`);
    },
  });
  cases.push({ name: 'two Idempotency-Keys', kind: 'mutation', raw: (host, token) => {
    const payload = JSON.stringify({ query: MUTATION });
    return Buffer.from(`POST /graphql HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nIdempotency-Key: a\r\nIdempotency-Key: b\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`);
  } });
  for (const [name, headers] of [
    ['a malformed bearer token', { authorization: 'Bearer not.a.jwt' }],
    ['a bearer token with SQL', { authorization: "Bearer ' OR 1=1 --" }],
    ['an Authorization of another scheme', { authorization: 'Basic YWRtaW46YWRtaW4=' }],
    ['a malformed API key', { 'x-api-key': "aur_' OR 1=1 --" }],
    ['an 8,000-character API key', { 'x-api-key': `aur_${'k'.repeat(8_000)}` }],
    ['an X-Run-Id of 8,000 characters', { 'x-run-id': 'r'.repeat(8_000) }],
    ['an X-Request-Id with SQL', { 'x-request-id': "'; DROP TABLE contacts; --" }],
  ] as [string, Record<string, string>][]) {
    cases.push({ name: `a write with ${name}`, kind: 'mutation', http: { body: JSON.stringify({ query: WRITE.replace('{ id }', '{ id notAField }') }), headers: { 'content-type': 'application/json', ...headers }, anonymous: 'authorization' in headers || 'x-api-key' in headers } });
  }
  cases.push({ name: 'an unknown path', kind: 'request', http: { path: '/graphql/../admin', body } });
  return cases;
}

// ---- sending -----------------------------------------------------------------------------------

interface Outcome {
  status: number;
  text: string;
  json?: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  /** The HTTP parser answered (or the connection closed) before the application saw the request. */
  bare?: boolean;
}

function parseJson(text: string): Outcome['json'] {
  try {
    return JSON.parse(text) as Outcome['json'];
  } catch {
    return undefined;
  }
}

/** Sends raw bytes and reads the response (Connection: close), decoding a chunked body. */
function sendRaw(url: string, payload: Buffer): Promise<Outcome> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(30_000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const response = Buffer.concat(chunks).toString('utf8');
      const end = response.indexOf('\r\n\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(response)?.[1] ?? 0);
      const head = end >= 0 ? response.slice(0, end) : response;
      let text = end >= 0 ? response.slice(end + 4) : '';
      if (/^transfer-encoding:\s*chunked/im.test(head)) {
        let out = '';
        let rest = text;
        for (;;) {
          const line = rest.indexOf('\r\n');
          const size = parseInt(rest.slice(0, line), 16);
          if (!size) break;
          out += rest.slice(line + 2, line + 2 + size);
          rest = rest.slice(line + 2 + size + 2);
        }
        text = out;
      }
      const json = parseJson(text);
      resolve({ status, text: status ? text : 'no response (the connection closed)', json, bare: !json });
    });
    socket.write(payload);
  });
}

async function send(api: TestServer, token: string, c: Case): Promise<Outcome> {
  const { host, origin } = new URL(api.url);
  if (c.raw) return sendRaw(api.url, c.raw(host, token));
  const http = c.http ?? { body: JSON.stringify({ query: c.query, variables: c.variables }), headers: { 'content-type': 'application/json' } };
  const headers: Record<string, string> = { ...(http.anonymous ? {} : bearer(token)), ...http.headers };
  try {
    const res = await fetch(`${origin}${http.path ?? '/graphql'}`, { method: http.method ?? 'POST', headers, body: http.body });
    const text = await res.text();
    return { status: res.status, text, json: parseJson(text) };
  } catch (error) {
    return { status: 0, text: `no response: ${(error as Error).message}` };
  }
}

async function runAll(api: TestServer, token: string, cases: Case[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(cases.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < cases.length) {
        const index = next++;
        outcomes[index] = await send(api, token, cases[index]!);
      }
    }),
  );
  return outcomes;
}

// Words that only the server's internals would put in a message.
const INTERNALS = /constraint|violates|foreign key|_fkey|_key\b|_check\b|\bSQL\b|SQLSTATE|\b2[23][0-9A-Z]\d{2}\b|\bP[12]\d{3}\b|prisma|relation "|invocation|\bat \S+:\d+|node_modules|\.ts:\d+|stack|TypeError|RangeError|ReferenceError|undefined is not|Cannot read prop/i;

/** What is wrong with one outcome (empty: nothing). */
function problems(c: Case, o: Outcome, production: boolean): string[] {
  const out: string[] = [];
  if (o.status === 0) return [o.text];
  if (o.status >= 500) out.push(`status ${o.status}`);
  if (o.status < 400 && o.status !== 200) out.push(`status ${o.status}`);
  if (c.kind === 'mutation' && (o.status < 400 || o.status >= 500)) out.push(`a mutation answered ${o.status}, not a 4xx`);
  if (o.bare) {
    // Only the HTTP parser (or Node's request-size checks) answers without a body.
    if (!c.raw || ![400, 413, 431].includes(o.status)) out.push(`no JSON body: ${o.text.slice(0, 80)}`);
    return out;
  }
  const errors = o.json?.errors;
  if (!Array.isArray(errors) || errors.length === 0) {
    out.push(`no errors in the body: ${o.text.slice(0, 120)}`);
    return out;
  }
  for (const e of errors) {
    const code = e.extensions?.code;
    if (typeof code !== 'string') out.push(`an error without a code: ${e.message.slice(0, 120)}`);
    if (code === 'INTERNAL_SERVER_ERROR') out.push(`INTERNAL_SERVER_ERROR: ${e.message.slice(0, 120)}`);
    if (production) {
      if (e.extensions?.stacktrace) out.push('a stack trace');
      if (INTERNALS.test(e.message)) out.push(`internals in the message: ${e.message.slice(0, 160)}`);
      for (const f of (e.extensions?.fieldErrors as { message: string }[] | undefined) ?? []) if (INTERNALS.test(f.message)) out.push(`internals in a field error: ${f.message.slice(0, 160)}`);
    }
  }
  return out;
}

function summary(cases: Case[], outcomes: Outcome[]): string {
  const statuses = new Map<string, number>();
  const codes = new Map<string, number>();
  outcomes.forEach((o) => {
    const key = o.status === 200 ? '200-with-errors' : String(o.status);
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
    for (const e of o.json?.errors ?? []) {
      const code = String(e.extensions?.code ?? 'none');
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
  });
  const list = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}: ${n}`).join(', ');
  return `${cases.length} requests; ${list(statuses)}; codes: ${list(codes)}`;
}

// ---- the suite -------------------------------------------------------------------------------

describe.each(testTargets())('bad input corpus (%s)', (target) => {
  let db: TestDatabase;
  let prod: TestServer;
  let dev: TestServer;
  let token: string;
  let corpus: Case[];

  beforeAll(async () => {
    db = await createTestDatabase(target);
    prod = await startTestServer(db, { production: true });
    dev = await startTestServer(db);
    token = await signToken();
    const ids: Ids = {};
    for (const model of MODELS) {
      const [row] = await db.sql<{ id: string }>(`SELECT id FROM ${tableOf(model)} ORDER BY id LIMIT 1`);
      ids[model] = row!.id;
    }
    corpus = buildCorpus(ids);
  }, 120_000);

  afterAll(async () => {
    await prod?.stop();
    await dev?.stop();
    await db?.drop();
  });

  it('is generated from the schema: every mutation and list field, over 500 requests', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(500);
    for (const field of Object.keys(Mutation.getFields())) expect(corpus.some((c) => c.name.startsWith(`${field} `))).toBe(true);
    for (const field of Object.values(Query.getFields()).filter((f) => f.args.some((a) => a.name === 'filter'))) {
      expect(corpus.filter((c) => c.name.startsWith(`${field.name} filter `)).length).toBeGreaterThan(20);
    }
  });

  it('answers every malformed request with a 4xx or a 200 with errors, in production: no 5xx, no INTERNAL_SERVER_ERROR, no internals, nothing written', async () => {
    const before = await db.checksums();
    const outcomes = await runAll(prod, token, corpus);
    console.log(`bad-input corpus (${target}, production): ${summary(corpus, outcomes)}`);
    if (process.env.BAD_INPUT_VERBOSE) {
      const lines = corpus.map((c, i) => {
        const errors = outcomes[i]!.json?.errors ?? [];
        const paths = errors.flatMap((e) => ((e.extensions?.fieldErrors as { path: string[] }[] | undefined) ?? []).map((f) => f.path.join('.')));
        return `${outcomes[i]!.status}\t${errors.map((e) => e.extensions?.code).join(',')}\t${c.kind}\t${c.name}\t${paths.join(' ')}\t${errors[0]?.message.slice(0, 100) ?? ''}`;
      });
      writeFileSync(process.env.BAD_INPUT_VERBOSE, lines.join('\n'));
    }
    const failures = corpus
      .map((c, i) => ({ c, o: outcomes[i]!, p: problems(c, outcomes[i]!, true) }))
      .filter((f) => f.p.length)
      .map((f) => `${f.c.name} → ${f.o.status}: ${f.p.join('; ')}`);
    expect(failures).toEqual([]);

    // Still up, still answering, nothing written.
    const health = await fetch(new URL('/healthz', prod.url));
    expect(health.status).toBe(200);
    const ok = await prod.post<{ contacts: { totalCount: number } }>('{ contacts(first: 1) { totalCount nodes { id } } }');
    expect({ status: ok.status, errors: ok.body.errors }).toEqual({ status: 200, errors: undefined });
    expect(ok.body.data!.contacts.totalCount).toBeGreaterThan(0);
    expect(await db.checksums()).toEqual(before);
  }, 900_000);

  it('makes text the database cannot hold one batch item\'s error, not the whole call\'s', async () => {
    const before = await db.checksums();
    const res = await prod.post<{ upsertContacts: { index: number; created: boolean; errors: { path: string[]; message: string }[] }[] }>(
      'mutation($input: UpsertContactsInput!) { upsertContacts(input: $input) { index created errors { path message } } }',
      { input: { contacts: [{ email: '\u0000', firstName: 'Nul' }, { email: 'half.\ud83d@example.com', firstName: 'Half' }] } },
    );
    expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });
    expect(res.body.data!.upsertContacts.map((r) => ({ index: r.index, created: r.created, paths: r.errors.map((e) => e.path.join('.')) }))).toEqual([
      { index: 0, created: false, paths: ['input.contacts.0.email'] },
      { index: 1, created: false, paths: ['input.contacts.1.email'] },
    ]);
    expect(await db.checksums()).toEqual(before);
  });

  it('answers a tenth of the corpus the same way outside production', async () => {
    const subset = corpus.filter((c, i) => i % 10 === 0 && !c.productionOnly);
    const before = await db.checksums();
    const outcomes = await runAll(dev, token, subset);
    const failures = subset
      .map((c, i) => ({ c, o: outcomes[i]!, p: problems(c, outcomes[i]!, false) }))
      .filter((f) => f.p.length)
      .map((f) => `${f.c.name} → ${f.o.status}: ${f.p.join('; ')}`);
    expect(failures).toEqual([]);
    expect((await fetch(new URL('/healthz', dev.url))).status).toBe(200);
    expect(await db.checksums()).toEqual(before);
  }, 600_000);
});
