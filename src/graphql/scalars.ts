// The contract's scalars. UUID, DateTime and EmailAddress come from graphql-scalars;
// LocalDate, URL and Decimal are ours because the stored value must come back
// unchanged: Prisma returns DATE columns as a Date at UTC midnight, graphql-scalars'
// URL would append a slash to "https://aurum.tt", and money must never be a float.
//
// Automation tools send sloppy input: every scalar here trims surrounding
// whitespace, and a blank string means "no value" (null), which the input checks
// then accept for optional fields and reject for required ones.
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphQLDateTime, GraphQLEmailAddress, GraphQLUUID } from 'graphql-scalars';
import { Prisma } from '../generated/prisma/client';

/**
 * The same scalar, but trimming strings and reading a blank string as null;
 * `check` adds a rule the database holds the value to (returns what is wrong).
 */
function lenient<T>(
  scalar: GraphQLScalarType<T, unknown>,
  transform: (text: string) => string = (text) => text,
  check: (value: T) => string | undefined = () => undefined,
): GraphQLScalarType<T | null, unknown> {
  const config = scalar.toConfig();
  const prepare = (value: unknown) => (typeof value === 'string' ? transform(value.trim()) : value);
  const checked = (value: T): T => {
    const problem = check(value);
    if (problem) throw invalid(problem);
    return value;
  };
  return new GraphQLScalarType<T | null, unknown>({
    ...config,
    parseValue: (value) => {
      const prepared = prepare(value);
      return prepared === '' ? null : checked(config.parseValue!(prepared) as T);
    },
    parseLiteral: (ast, variables) => {
      try {
        if (ast.kind !== Kind.STRING) return checked(config.parseLiteral!(ast, variables) as T);
        const prepared = prepare(ast.value) as string;
        return prepared === '' ? null : checked(config.parseLiteral!({ ...ast, value: prepared }, variables) as T);
      } catch (error) {
        // Point at the document's own node, so the error can name the input field.
        if (error instanceof GraphQLError) throw new GraphQLError(error.message, { nodes: ast, extensions: error.extensions });
        throw error;
      }
    },
  });
}

export const DateTimeScalar = lenient(GraphQLDateTime as GraphQLScalarType<Date, unknown>);
const LenientUUID = lenient(GraphQLUUID as GraphQLScalarType<string, unknown>, (text) => text.toLowerCase());
// Output ids come from uuid columns: already valid, so they are not matched against
// the pattern again (thousands per dashboard response).
export const UUIDScalar = new GraphQLScalarType({ ...LenientUUID.toConfig(), serialize: (value) => (typeof value === 'string' ? value : LenientUUID.serialize(value)) });
// graphql-scalars accepts "alice@localhost"; the contacts_email CHECK wants a dot after the @.
export const EmailAddressScalar = lenient(
  GraphQLEmailAddress as GraphQLScalarType<string, unknown>,
  (text) => text.toLowerCase(),
  (email) => (/@[^@]+\.[^@.]+$/.test(email) ? undefined : `Value is not a valid email address (its domain needs a dot): ${email.slice(0, 80)}`),
);

/** An input error; `node` (an inline literal) lets ./input-errors.ts name the field at fault. */
function invalid(message: string, node?: ValueNode): GraphQLError {
  return new GraphQLError(message, { nodes: node, extensions: { code: 'BAD_USER_INPUT' } });
}

/** Runs a literal's parse, pointing any error at the literal. */
function atNode<T>(ast: ValueNode, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof GraphQLError && !error.nodes) throw invalid(error.message, ast);
    throw error;
  }
}

function blankAsNull<T>(value: unknown, parse: (value: unknown) => T): T | null {
  return typeof value === 'string' && value.trim() === '' ? null : parse(value);
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseLocalDate(value: unknown): Date {
  if (typeof value === 'string') value = value.trim();
  if (typeof value !== 'string') throw invalid(`LocalDate must be a string YYYY-MM-DD (got ${typeof value})`);
  const m = LOCAL_DATE.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !date || date.toISOString().slice(0, 10) !== value) {
    throw invalid(`LocalDate must be a calendar date YYYY-MM-DD (got "${value.slice(0, 40)}")`);
  }
  return date;
}

export const LocalDateScalar = new GraphQLScalarType<Date | null, string>({
  name: 'LocalDate',
  description: 'A calendar date without time or zone, `YYYY-MM-DD` (DATE columns).',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && LOCAL_DATE.test(value)) return value;
    throw new GraphQLError(`LocalDate cannot represent ${String(value)}`);
  },
  parseValue: (value) => blankAsNull(value, parseLocalDate),
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.STRING) throw invalid('LocalDate must be a string YYYY-MM-DD', ast);
    return atNode(ast, () => blankAsNull(ast.value, parseLocalDate));
  },
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
});

export function parseUrl(value: unknown): string {
  if (typeof value !== 'string') throw invalid(`URL must be a string (got ${typeof value})`);
  const text = value.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(`URL must be an absolute http(s) URL (got "${text.slice(0, 80)}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid(`URL must use http or https (got ${url.protocol})`);
  return text;
}

export const URLScalar = new GraphQLScalarType<string | null, string>({
  name: 'URL',
  description: 'An absolute http(s) URL, returned exactly as stored.',
  serialize: (value) => String(value),
  parseValue: (value) => blankAsNull(value, parseUrl),
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.STRING) throw invalid('URL must be a string', ast);
    return atNode(ast, () => blankAsNull(ast.value, parseUrl));
  },
  specifiedByURL: 'https://url.spec.whatwg.org/',
});

/** Largest value of DECIMAL(10,2). */
export const MAX_MONEY = new Prisma.Decimal('99999999.99');
const MONEY = /^\d+(\.\d{1,2})?$/;

export function parseMoney(value: unknown): Prisma.Decimal {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid('Decimal must be a finite amount');
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    throw invalid(`Decimal must be a string like "1500.00" or a number (got ${typeof value})`);
  }
  if (text.startsWith('-')) throw invalid(`Decimal must not be negative (got ${text.slice(0, 40)})`);
  if (!MONEY.test(text)) {
    throw invalid(
      /^\d+\.\d{3,}$/.test(text)
        ? `Decimal allows at most 2 decimal places (got ${text.slice(0, 40)})`
        : `Decimal must be a plain amount like "1500.00" (got "${text.slice(0, 40)}")`,
    );
  }
  const amount = new Prisma.Decimal(text);
  if (amount.greaterThan(MAX_MONEY)) throw invalid(`Decimal must be at most 99999999.99 (got ${text.slice(0, 40)})`);
  return amount;
}

export const DecimalScalar = new GraphQLScalarType<Prisma.Decimal | null, string>({
  name: 'Decimal',
  description:
    'Money as a JSON string with exactly the stored precision ("1500.00"), never a float. ' +
    'Input: a string or a number, at least 0, at most 2 decimals and at most 99999999.99 (DECIMAL(10,2)).',
  serialize(value) {
    if (Prisma.Decimal.isDecimal(value)) return (value as Prisma.Decimal).toFixed(2);
    if (typeof value === 'string' || typeof value === 'number') return new Prisma.Decimal(value).toFixed(2);
    throw new GraphQLError(`Decimal cannot represent ${String(value)}`);
  },
  parseValue: (value) => blankAsNull(value, parseMoney),
  parseLiteral(ast: ValueNode) {
    if (ast.kind === Kind.STRING) return atNode(ast, () => blankAsNull(ast.value, parseMoney));
    if (ast.kind === Kind.FLOAT || ast.kind === Kind.INT) return atNode(ast, () => parseMoney(ast.value));
    throw invalid('Decimal must be a string or a number', ast);
  },
});
