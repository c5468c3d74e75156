// The pieces a compiled statement is made of: bind parameters, table aliases and
// quoted identifiers. A statement is plain text plus its parameter values; nothing
// a client sends is ever spliced into the text.

/** Thrown while compiling: the selection needs the resolvers; `reason` says why (logged, counted). */
export class NotCompilable extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A JSON object key or other constant text as an SQL literal. */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** `{"a","b"}`: an array in Postgres' text form, every element quoted. */
function arrayLiteral(values: readonly unknown[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

/** The parameters and aliases of one statement. */
export class Statement {
  readonly values: unknown[] = [];
  private aliasCount = 0;

  /** `$n::cast` for a value. */
  param(value: unknown, cast?: string): string {
    // A list goes as Postgres' array text: drivers disagree on how to send a JS array
    // (the embedded database's adapter sends JSON).
    this.values.push(Array.isArray(value) ? arrayLiteral(value) : value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }

  alias(prefix = 't'): string {
    this.aliasCount += 1;
    return `${prefix}${this.aliasCount}`;
  }
}
