// Random valid read operations over the schema, for the differential test of the
// compiled read path: random selections and nesting, arguments (filters with every
// operator, relation filters, some/every/none, and/or/not, search, orderBy with
// related fields, paging with cursors taken from earlier answers), aliases, named
// and inline fragments, variables and @include/@skip. Deterministic for a seed, so
// a failure can be replayed. Values come from the data (samples read first), so
// filters match rows often enough to be worth comparing.
import {
  getNamedType,
  getNullableType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLUnionType,
  isEnumType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/** mulberry32: a small, seedable PRNG. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  some<T>(items: readonly T[], min: number, max: number): T[] {
    const pool = [...items];
    const n = Math.min(pool.length, this.int(min, max));
    const out: T[] = [];
    for (let i = 0; i < n; i += 1) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return out;
  }
}

/** Values seen in answers, per `Type.field` (GraphQL output forms: enum names, decimal strings). */
export type Samples = Map<string, unknown[]>;

/**
 * How a connection was reached from the root: each field with its arguments
 * (paging left out), and the selections in between. Asking along the same way
 * again reaches the same list, so its cursors mean something there.
 */
export type Way = ({ field: string; args: string; many?: true } | { on: string } | { step: 'nodes' | 'edges' | 'node' })[];

/** Cursors seen in answers, per list (the way to it). */
export type Cursors = Map<string, { way: Way; cursors: string[] }>;

/** Where an answer holds cursors: the response path and the way to the list. */
export interface CursorSite {
  path: string[];
  way: Way;
}

export interface GeneratedQuery {
  query: string;
  variables: Record<string, unknown>;
  sites: CursorSite[];
}

const MAX_DEPTH = 4;

/** Type name of the object type a `XFilter` / `XOrderBy` input belongs to. */
const OBJECT_OF_MODEL: Record<string, string> = { AuditLog: 'AuditLogEntry' };

export class QueryGenerator {
  private vars: { name: string; type: string; value: unknown }[] = [];
  private fragments: string[] = [];
  private sites: CursorSite[] = [];
  private counter = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rng: Rng,
    private readonly samples: Samples,
    private readonly cursors: Cursors,
  ) {}

  generate(): GeneratedQuery {
    this.vars = [];
    this.fragments = [];
    this.sites = [];
    const query = this.schema.getQueryType()!;
    const roots = Object.values(query.getFields()).filter((f) => !f.name.startsWith('__'));
    const chosen = this.rng.some(roots, 1, 3);
    const selections = chosen.map((field) => this.field(query, field, 0, [], []));
    // Paging on: the next or previous page of a list an earlier answer showed, as a client asks for it.
    // Only lists of one parent: below a list of parents, a cursor belongs to one of them, and what
    // the others answer to it depends on how Prisma loaded them (an empty page, or the rows after
    // the cursor's place in the order), which no client relies on.
    const lists = [...this.cursors.values()].filter((list) => list.cursors.length && !list.way.some((segment) => 'step' in segment || ('many' in segment && segment.many)));
    if (lists.length && this.rng.chance(0.35)) selections.push(this.nextPage(this.rng.pick(lists)));
    if (this.rng.chance(0.05)) selections.push('__typename');
    const header = this.vars.length ? `(${this.vars.map((v) => `$${v.name}: ${v.type}`).join(', ')})` : '';
    const text = `query Q${header} { ${selections.join(' ')} }${this.fragments.map((f) => `\n${f}`).join('')}`;
    return { query: text, variables: Object.fromEntries(this.vars.map((v) => [v.name, v.value])), sites: this.sites };
  }

  private id(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  // ---- selections ------------------------------------------------------------------------

  private field(parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>, depth: number, path: string[], way: Way, alias?: string): string {
    alias ??= this.rng.chance(0.12) ? this.id('a') : undefined;
    const key = alias ?? field.name;
    const named = getNamedType(field.type);
    const { text: args, kept } = this.args(parent, field);
    const here: Way = [...way, { field: field.name, args: kept, ...(getNullableType(field.type) instanceof GraphQLList ? { many: true as const } : {}) }];
    let text = `${alias ? `${alias}: ` : ''}${field.name}${args}${this.directive()}`;
    if (isObjectType(named)) text += ` { ${this.selection(named, depth + 1, [...path, key], here)} }`;
    else if (named instanceof GraphQLUnionType) text += ` { ${this.union(named, depth + 1, [...path, key], here)} }`;
    return text;
  }

  /** The way to a list again, ending in a page after or before one of its cursors. */
  private nextPage(list: { way: Way; cursors: string[] }): string {
    const cursor = this.rng.pick(list.cursors);
    const last = list.way.length - 1;
    const inner = () => `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor } nodes { __typename }`;
    let text = '';
    for (let i = last; i >= 0; i -= 1) {
      const segment = list.way[i]!;
      const body = i === last ? inner() : text;
      if ('field' in segment) {
        let args = segment.args;
        if (i === last) {
          const paging = this.rng.chance(0.5) ? `first: ${this.rng.int(1, 5)}, after: ${JSON.stringify(cursor)}` : `last: ${this.rng.int(1, 5)}, before: ${JSON.stringify(cursor)}`;
          args = args ? `${args}, ${paging}` : paging;
        }
        text = `${i === 0 ? `${this.id('p')}: ` : ''}${segment.field}${args ? `(${args})` : ''} { ${body} }`;
      } else if ('on' in segment) text = `... on ${segment.on} { ${body} }`;
      else text = `${segment.step} { ${body} }`;
    }
    return text;
  }

  /** Now and then an @include or @skip, with a literal or a variable. */
  private directive(): string {
    if (!this.rng.chance(0.06)) return '';
    const condition = this.rng.chance(0.5) ? this.rng.pick(['true', 'false']) : `$${this.variable('Boolean!', this.rng.chance(0.5))}`;
    return ` @${this.rng.pick(['include', 'skip'])}(if: ${condition})`;
  }

  private selection(type: GraphQLObjectType, depth: number, path: string[], way: Way): string {
    if (type.name.endsWith('Connection') && type.getFields().pageInfo) return this.connection(type, depth, path, way);
    const fields = Object.values(type.getFields());
    const leaves = fields.filter((f) => !isObjectType(getNamedType(f.type)) && !(getNamedType(f.type) instanceof GraphQLUnionType));
    const nested = fields.filter((f) => isObjectType(getNamedType(f.type)) || getNamedType(f.type) instanceof GraphQLUnionType);
    const parts = this.rng.some(leaves, 1, Math.min(6, leaves.length)).map((f) => this.field(type, f, depth, path, way));
    if (depth < MAX_DEPTH) {
      const p = depth <= 1 ? 0.35 : depth === 2 ? 0.2 : 0.1;
      for (const f of nested) if (this.rng.chance(p)) parts.push(this.field(type, f, depth, path, way));
      if (this.rng.chance(0.05) && nested.length) {
        // The same field twice under two names (with their own arguments).
        parts.push(this.field(type, this.rng.pick(nested), depth, path, way, this.id('d')));
      }
    }
    if (this.rng.chance(0.08)) parts.push('__typename');
    return this.fragmented(type, parts);
  }

  /** Moves some of a selection into an inline fragment or a named fragment. */
  private fragmented(type: GraphQLObjectType, parts: string[]): string {
    if (parts.length > 1 && this.rng.chance(0.1)) {
      const moved = parts.splice(0, this.rng.int(1, parts.length - 1));
      parts.push(`... on ${type.name} { ${moved.join(' ')} }`);
    }
    if (parts.length > 1 && this.rng.chance(0.08)) {
      const name = this.id('F');
      const moved = parts.splice(0, this.rng.int(1, parts.length - 1));
      this.fragments.push(`fragment ${name} on ${type.name} { ${moved.join(' ')} }`);
      parts.push(`...${name}`);
    }
    return parts.join(' ');
  }

  private union(type: GraphQLUnionType, depth: number, path: string[], way: Way): string {
    const parts = this.rng.some(type.getTypes(), 1, 3).map((member) => `... on ${member.name} { ${this.selection(member, depth, path, [...way, { on: member.name }])} }`);
    if (this.rng.chance(0.4)) parts.push('__typename');
    return parts.join(' ');
  }

  private connection(type: GraphQLObjectType, depth: number, path: string[], way: Way): string {
    const fields = type.getFields();
    const parts: string[] = [];
    const key = (name: string) => (this.rng.chance(0.1) ? this.id('k') : name);
    const head = (name: string, as: string) => (as === name ? name : `${as}: ${name}`);
    let cursors = false;
    if (this.rng.chance(0.6)) parts.push(head('totalCount', key('totalCount')));
    if (this.rng.chance(0.45)) {
      const info = this.rng.some(['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor', '__typename'], 1, 5);
      cursors ||= info.some((f) => f.endsWith('Cursor'));
      parts.push(`${head('pageInfo', key('pageInfo'))} { ${info.join(' ')} }`);
    }
    const nodeType = getNamedType(fields.nodes!.type) as GraphQLObjectType;
    if (this.rng.chance(0.7) || parts.length === 0) {
      const as = key('nodes');
      parts.push(`${head('nodes', as)} { ${this.selection(nodeType, depth, [...path, as], [...way, { step: 'nodes' }])} }`);
    }
    if (this.rng.chance(0.35)) {
      const as = key('edges');
      const edge: string[] = [];
      if (this.rng.chance(0.8)) {
        edge.push('cursor');
        cursors = true;
      }
      if (this.rng.chance(0.7) || edge.length === 0) edge.push(`node { ${this.selection(nodeType, depth, [...path, as, 'node'], [...way, { step: 'edges' }, { step: 'node' }])} }`);
      if (this.rng.chance(0.1)) edge.push('__typename');
      parts.push(`${head('edges', as)} { ${edge.join(' ')} }`);
    }
    if (this.rng.chance(0.05)) parts.push('__typename');
    if (cursors) this.sites.push({ path, way });
    return parts.join(' ');
  }

  // ---- arguments ---------------------------------------------------------------------------

  /** The field's arguments, and those of them that say which list it is (not the paging), as written (literals). */
  private args(parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>): { text: string; kept: string } {
    if (field.args.length === 0) return { text: '', kept: '' };
    const connection = getNamedType(field.type);
    const given: string[] = [];
    const kept: string[] = [];
    const paging = isObjectType(connection) && connection.getFields().pageInfo ? this.paging() : {};
    for (const arg of field.args) {
      const isPaging = ['first', 'last', 'after', 'before'].includes(arg.name) && arg.name in paging;
      let value: unknown;
      if (isPaging) value = paging[arg.name];
      else if (['first', 'last', 'after', 'before'].includes(arg.name) && isObjectType(connection) && connection.getFields().pageInfo) continue;
      else value = this.argValue(parent, field, arg);
      if (value === undefined) continue;
      given.push(`${arg.name}: ${this.place(arg.type, value)}`);
      if (!isPaging) kept.push(`${arg.name}: ${literal(arg.type, value)}`);
    }
    return { text: given.length ? `(${given.join(', ')})` : '', kept: kept.join(', ') };
  }

  /**
   * Paging arguments of a connection, sometimes invalid (the resolvers' errors are
   * compared too). Cursors come with nextPage(): a cursor pages the list it came from.
   */
  private paging(): Record<string, unknown> {
    const size = () => (this.rng.chance(0.05) ? this.rng.pick([0, 101, -1, 100]) : this.rng.int(1, 7));
    const mode = this.rng.next();
    if (mode < 0.35) return {};
    if (mode < 0.75) return { first: size() };
    if (mode < 0.95) return { last: size() };
    const garbage = 'bm90IGEgY3Vyc29y';
    return this.rng.pick([{ first: 2, last: 2 }, { after: garbage, before: garbage }, { first: 2, before: garbage }, { last: 1, after: garbage }, { after: garbage }]);
  }

  private argValue(parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>, arg: GraphQLArgument): unknown {
    const named = getNamedType(arg.type);
    const required = arg.type instanceof GraphQLNonNull;
    if (!required && !this.rng.chance(arg.name === 'filter' ? 0.45 : arg.name === 'orderBy' ? 0.4 : 0.35)) return undefined;
    if (named instanceof GraphQLInputObjectType && named.name.endsWith('Filter')) return this.filter(named, 0);
    if (arg.type instanceof GraphQLList || getNullableType(arg.type) instanceof GraphQLList) {
      if (named instanceof GraphQLInputObjectType) return this.orderBy(named);
      return this.rng.some(this.leafValues(named, undefined, undefined), 0, 3);
    }
    const type = getNamedType(field.type);
    // Root fields by id or key: a value of the returned type.
    const owner = isObjectType(type) && parent === this.schema.getQueryType() ? type.name : parent.name;
    const key = { id: 'id', email: 'email', invoiceNumber: 'invoiceNumber', ticketNumber: 'ticketNumber', companyId: 'companyId' }[arg.name];
    const values = this.leafValues(named, key ? (arg.name === 'companyId' ? 'Company' : owner) : undefined, key === 'companyId' ? 'id' : key);
    if (arg.name === 'minDaysOverdue') return this.rng.pick([0, 1, 10, 30, 90, -1]);
    if (arg.name === 'first') return this.rng.chance(0.05) ? this.rng.pick([101, -1, 0]) : this.rng.int(1, 10);
    if (arg.name === 'country') return this.rng.pick([...(this.samples.get('Company.country') ?? []), 'barbados', 'Nowhere']);
    return this.rng.pick(values);
  }

  /** Candidate values of a leaf type: samples of `Type.field` when given, else typical ones. */
  private leafValues(type: GraphQLNamedType, owner: string | undefined, field: string | undefined): unknown[] {
    const sampled = owner && field ? (this.samples.get(`${owner}.${field}`) ?? []).filter((v) => v !== null) : [];
    if (isEnumType(type)) return type.getValues().map((v) => v.name);
    if (sampled.length) return sampled;
    switch (type.name) {
      case 'Int':
        return [0, 1, 3, 10, 100];
      case 'Float':
        return [0.5, 1];
      case 'Boolean':
        return [true, false];
      case 'Decimal':
        return ['0', '100.5', '500', '2500.00'];
      case 'LocalDate':
        return ['2025-01-01', '2026-06-15', '2026-12-31', '2024-02-29'];
      case 'DateTime':
        return ['2025-06-01T00:00:00.000Z', '2026-11-01T12:00:00.000Z'];
      case 'UUID':
        return [...(this.samples.get('Company.id') ?? []).slice(0, 3), '00000000-0000-4000-8000-000000000000'];
      case 'EmailAddress':
        return ['nobody@example.com'];
      default:
        return ['a', 'e', 'Trinidad', 'INV', 'zz'];
    }
  }

  /** A filter input: one to three conditions, some nested. */
  private filter(type: GraphQLInputObjectType, depth: number): Record<string, unknown> {
    const owner = OBJECT_OF_MODEL[type.name.replace(/Filter$/, '')] ?? type.name.replace(/Filter$/, '');
    const fields = Object.values(type.getFields());
    const out: Record<string, unknown> = {};
    const count = depth > 2 ? 1 : this.rng.int(1, 3);
    for (let i = 0; i < count; i += 1) {
      const f = this.rng.pick(fields);
      const named = getNamedType(f.type);
      if (f.name === 'and' || f.name === 'or') {
        if (depth >= 3) continue;
        const n = this.rng.pick([0, 1, 2, 2]);
        out[f.name] = Array.from({ length: n }, () => (this.rng.chance(0.1) ? {} : this.filter(type, depth + 1)));
      } else if (f.name === 'not') {
        if (depth >= 3) continue;
        out.not = this.rng.chance(0.1) ? {} : this.filter(type, depth + 1);
      } else if (f.name === 'search') {
        out.search = this.fragmentOf(this.rng.pick(this.leafValues(named, owner, this.rng.pick(['companyName', 'projectName', 'firstName', 'email', 'title', 'toolName', 'noteText', 'serviceName', 'subject', 'invoiceNumber', 'actor']))));
      } else if (named instanceof GraphQLInputObjectType && named.name.endsWith('ListFilter')) {
        if (depth >= 3) continue;
        const inner = getNamedType(named.getFields().some!.type) as GraphQLInputObjectType;
        out[f.name] = { [this.rng.pick(['some', 'every', 'none'])]: this.rng.chance(0.1) ? {} : this.filter(inner, depth + 1) };
      } else if (named instanceof GraphQLInputObjectType && named.getFields().eq) {
        out[f.name] = this.operators(named, owner, f.name);
      } else if (named instanceof GraphQLInputObjectType) {
        if (depth >= 3) continue;
        out[f.name] = this.rng.chance(0.1) ? {} : this.filter(named, depth + 1);
      }
    }
    return out;
  }

  /** An operator object (`{ eq: ... }`) for one field. */
  private operators(type: GraphQLInputObjectType, owner: string, field: string): Record<string, unknown> {
    const ops = Object.keys(type.getFields());
    const leaf = getNamedType(type.getFields().eq!.type);
    const values = this.leafValues(leaf, owner, field);
    const out: Record<string, unknown> = {};
    for (const op of this.rng.some(ops, 1, 2)) {
      if (op === 'isNull') out[op] = this.rng.chance(0.5);
      else if (op === 'in' || op === 'notIn') out[op] = this.rng.some(values, 0, 4);
      else if (op === 'contains' || op === 'startsWith' || op === 'endsWith') out[op] = this.fragmentOf(this.rng.pick(values));
      else if ((op === 'eq' || op === 'ne') && this.rng.chance(0.08)) out[op] = null;
      else out[op] = this.rng.pick(values);
    }
    return out;
  }

  /** A piece of a sampled text, in random case (the string operators ignore case). */
  private fragmentOf(value: unknown): string {
    const text = String(value ?? 'a');
    const start = this.rng.int(0, Math.max(0, text.length - 1));
    const piece = text.slice(start, start + this.rng.int(1, 4)) || 'a';
    return this.rng.chance(0.3) ? piece.toUpperCase() : this.rng.chance(0.3) ? piece.toLowerCase() : piece;
  }

  private orderBy(type: GraphQLInputObjectType): Record<string, unknown>[] {
    return Array.from({ length: this.rng.int(1, 2) }, () => this.orderEntry(type, 0));
  }

  private orderEntry(type: GraphQLInputObjectType, depth: number): Record<string, unknown> {
    const fields = Object.values(type.getFields()).filter((f) => depth < 2 || isEnumType(getNamedType(f.type)));
    const pickOne = () => {
      const f = this.rng.pick(fields);
      const named = getNamedType(f.type);
      return [f.name, named instanceof GraphQLInputObjectType ? this.orderEntry(named, depth + 1) : this.rng.pick(['ASC', 'DESC'])] as const;
    };
    const entries = [pickOne()];
    if (this.rng.chance(0.02)) entries.push(pickOne());
    return Object.fromEntries(entries);
  }

  // ---- values in the document ------------------------------------------------------------------

  /** A value inline, or (sometimes) as a variable of the argument's type. */
  private place(type: GraphQLInputType, value: unknown): string {
    if (this.rng.chance(0.3)) return `$${this.variable(typeString(type), value)}`;
    return literal(type, value);
  }

  private variable(type: string, value: unknown): string {
    const name = this.id('v');
    this.vars.push({ name, type, value });
    return name;
  }
}

function typeString(type: GraphQLInputType): string {
  if (type instanceof GraphQLNonNull) return `${typeString(type.ofType)}!`;
  if (type instanceof GraphQLList) return `[${typeString(type.ofType)}]`;
  return type.name;
}

/** A GraphQL literal of `value` (variables' JSON form: enum values as names) for `type`. */
export function literal(type: GraphQLInputType, value: unknown): string {
  if (value === null || value === undefined) return 'null';
  const nullable = getNullableType(type);
  if (nullable instanceof GraphQLList) {
    const items = Array.isArray(value) ? value : [value];
    return `[${items.map((item) => literal(nullable.ofType, item)).join(', ')}]`;
  }
  if (nullable instanceof GraphQLEnumType) return String(value);
  if (nullable instanceof GraphQLInputObjectType) {
    const fields = nullable.getFields();
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${literal(fields[k]!.type, v)}`)
      .join(', ')} }`;
  }
  if (isScalarType(nullable) && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  return JSON.stringify(String(value));
}

/**
 * A query reading every leaf field of every root list (first: 100), to take
 * samples from: `collectSamples` walks its answer.
 */
export function samplingQuery(schema: GraphQLSchema): string {
  const query = schema.getQueryType()!;
  const parts: string[] = [];
  for (const field of Object.values(query.getFields())) {
    const type = getNamedType(field.type);
    if (!isObjectType(type) || !type.getFields().pageInfo) continue;
    const node = getNamedType(type.getFields().nodes!.type) as GraphQLObjectType;
    const leaves = Object.values(node.getFields()).filter((f) => f.args.length === 0 && (isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type))) && getNamedType(f.type).name !== 'JSON');
    parts.push(`${field.name}(first: 100) { nodes { __typename ${leaves.map((f) => f.name).join(' ')} } }`);
  }
  return `{ ${parts.join(' ')} }`;
}

export function collectSamples(data: Record<string, { nodes: Record<string, unknown>[] }>, samples: Samples = new Map()): Samples {
  for (const list of Object.values(data)) {
    for (const node of list.nodes) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '__typename' || value === null || Array.isArray(value)) continue;
        const name = `${node.__typename as string}.${key}`;
        const values = samples.get(name) ?? [];
        if (!values.includes(value)) values.push(value);
        samples.set(name, values);
      }
    }
  }
  return samples;
}

/** Remembers the cursors an answer holds at the places the generator noted, per list. */
export function collectCursors(data: unknown, sites: CursorSite[], cursors: Cursors): void {
  for (const site of sites) {
    const key = JSON.stringify(site.way);
    for (const connection of at(data, site.path)) {
      const found: string[] = [];
      for (const value of Object.values(connection as Record<string, unknown>)) {
        const items = Array.isArray(value) ? value : [value];
        for (const item of items) {
          if (typeof item !== 'object' || item === null) continue;
          for (const text of Object.values(item)) if (typeof text === 'string' && isCursor(text)) found.push(text);
        }
      }
      const list = cursors.get(key) ?? { way: site.way, cursors: [] };
      for (const cursor of found) if (!list.cursors.includes(cursor)) list.cursors.push(cursor);
      list.cursors = list.cursors.slice(-50);
      cursors.set(key, list);
    }
  }
}

function isCursor(text: string): boolean {
  const decoded = Buffer.from(text, 'base64').toString('utf8');
  return decoded.startsWith('GPC:') || decoded.startsWith('OffsetConnection:');
}

/** The values at a response path; arrays along the way are walked element by element. */
function at(value: unknown, path: string[]): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item) => at(item, path));
  if (path.length === 0) return [value];
  if (typeof value !== 'object') return [];
  return at((value as Record<string, unknown>)[path[0]!], path.slice(1));
}
