// Abuse limits on every GraphQL request, so that no caller can make the server do
// unbounded work. All are checked before execution starts: tokens while parsing
// (graphql-js `maxTokens`), depth, aliases, root fields and directives by a
// validation rule (so Apollo's document cache remembers a passed document), and
// cost once the operation and its variables are known (a plugin's
// didResolveOperation, since validation rules never see variables). A rejection
// is BAD_USER_INPUT (HTTP 400) with `extensions.limit`, `.max` and `.value`.
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  GraphQLInt,
  Kind,
  getNamedType,
  getNullableType,
  getVariableValues,
  isInterfaceType,
  isListType,
  isObjectType,
  valueFromAST,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from './connections';
import type { Context } from './context';

export interface RequestLimits {
  /** Deepest field nesting of an operation, fragments expanded; `__schema` / `__type` subtrees excluded. */
  depth: number;
  /** Largest cost of the executed operation (see `operationCost`). */
  cost: number;
  /** Most aliased fields in the document. */
  aliases: number;
  /** Most lexical tokens in the document. */
  tokens: number;
  /** Most root fields (distinct response keys) of an operation, fragments expanded. */
  rootFields: number;
  /** Most directive uses in the document. */
  directives: number;
}

type LimitName = keyof RequestLimits;

export const DEFAULT_LIMITS: Readonly<RequestLimits> = {
  // The deepest dashboard query, companies → projects → integrations through
  // `edges { node }`, is 10 deep; 12 leaves room for a hop back to a parent.
  // Introspection is exempt: graphql-js' MaxIntrospectionDepthRule bounds its
  // lists, and its `ofType` chain stops at the first null.
  depth: 12,
  // The dashboard (50 companies × 20 projects × 20 integrations and 20 services)
  // costs 64,152; 200,000 is 3× that, about 200k values or a few MB of JSON,
  // while companies → projects → integrations → project → company → projects at
  // 100 a page costs over 100 million.
  cost: 200_000,
  // Counting by status through aliases takes a dozen or two; each aliased root
  // field is one more SQL query, which cost does not see.
  aliases: 30,
  // The standard introspection query is ~180 tokens, the dashboard query ~70;
  // 5,000 leaves room for large generated documents and caps nesting at ~1,600
  // levels, well within the recursive parser's stack.
  tokens: 5_000,
  // Each root field is at least one SQL query; a dashboard reads a handful of lists.
  rootFields: 20,
  // Generated queries use a handful of @include/@skip; thousands are an attack on validation.
  directives: 50,
};

/** Lists that are not a page (a connection's edges/nodes) are assumed to hold a default page. */
const LIST_ESTIMATE = DEFAULT_PAGE_SIZE;

/**
 * Introspection reads the in-memory schema, never the database, and
 * MaxIntrospectionDepthRule bounds its nesting, so `__schema` and `__type` cost a
 * flat amount: about the number of values in this schema's full introspection result.
 */
const INTROSPECTION_COST = 10_000;
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

const COST_FORMULA =
  `cost = 1 per field, and a list field's selection counts n times: n = first ?? last ?? ${DEFAULT_PAGE_SIZE} ` +
  `for a connection's edges and nodes (a paged field's own default for first, if it has one), ${LIST_ESTIMATE} for other lists; ` +
  `__schema and __type cost ${INTROSPECTION_COST}`;

// The tokens limit is graphql-js' own parse error, worded in errors.ts.
const DESCRIPTIONS: Record<Exclude<LimitName, 'tokens'>, string> = {
  depth: 'Query depth',
  cost: 'Query cost',
  aliases: 'Number of aliases',
  rootFields: 'Number of root fields',
  directives: 'Number of directives',
};

function limitExceeded(limit: keyof typeof DESCRIPTIONS, value: number, max: number, node?: ASTNode, detail?: string): GraphQLError {
  const message = `${DESCRIPTIONS[limit]} is ${value}, over the maximum of ${max} (limit "${limit}"${detail ? `; ${detail}` : ''}).`;
  return new GraphQLError(message, { nodes: node, extensions: { code: 'BAD_USER_INPUT', limit, max, value } });
}

type FragmentLookup = (name: string) => FragmentDefinitionNode | undefined;

/**
 * The deepest field nesting, fragments expanded. Each fragment is measured once,
 * so fragments spreading fragments cannot blow up exponentially; a fragment cycle
 * counts 0 (NoFragmentCyclesRule, running alongside, reports it).
 */
function operationDepth(operation: OperationDefinitionNode, getFragment: FragmentLookup): number {
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (set: SelectionSetNode | undefined): number => {
    let deepest = 0;
    for (const selection of set?.selections ?? []) {
      let depth = 0;
      if (selection.kind === Kind.FIELD) {
        if (!INTROSPECTION_FIELDS.has(selection.name.value)) depth = 1 + depthOf(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        depth = depthOf(selection.selectionSet);
      } else {
        const name = selection.name.value;
        if (!memo.has(name) && !visiting.has(name)) {
          visiting.add(name);
          memo.set(name, depthOf(getFragment(name)?.selectionSet));
          visiting.delete(name);
        }
        depth = memo.get(name) ?? 0;
      }
      deepest = Math.max(deepest, depth);
    }
    return deepest;
  };
  return depthOf(operation.selectionSet);
}

function rootFieldCount(operation: OperationDefinitionNode, getFragment: FragmentLookup): number {
  const keys = new Set<string>();
  const seen = new Set<string>();
  const collect = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) keys.add((selection.alias ?? selection.name).value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        collect(getFragment(selection.name.value)?.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  return keys.size;
}

/** Depth and root fields per operation; aliases and directives per document. */
function documentLimitsRule(limits: RequestLimits): ValidationRule {
  return (context) => {
    const getFragment: FragmentLookup = (name) => context.getFragment(name) ?? undefined;
    let aliases = 0;
    let directives = 0;
    return {
      OperationDefinition(operation) {
        const depth = operationDepth(operation, getFragment);
        if (depth > limits.depth) context.reportError(limitExceeded('depth', depth, limits.depth, operation));
        const rootFields = rootFieldCount(operation, getFragment);
        if (rootFields > limits.rootFields) context.reportError(limitExceeded('rootFields', rootFields, limits.rootFields, operation));
      },
      Field(field) {
        if (field.alias) aliases += 1;
      },
      Directive() {
        directives += 1;
      },
      Document: {
        leave() {
          if (aliases > limits.aliases) context.reportError(limitExceeded('aliases', aliases, limits.aliases));
          if (directives > limits.directives) context.reportError(limitExceeded('directives', directives, limits.directives));
        },
      },
    };
  };
}

/**
 * The page size of a field that takes `first` (a connection, or a dashboard's
 * page of rows): first ?? last ?? the argument's default ?? DEFAULT_PAGE_SIZE,
 * from literals or variables, never negative; undefined for other fields.
 */
function pageSize(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number | undefined {
  const first = field.args.find((arg) => arg.name === 'first');
  if (!first) return undefined;
  for (const name of ['first', 'last']) {
    const arg = node.arguments?.find((a) => a.name.value === name);
    const value = arg && valueFromAST(arg.value, GraphQLInt, variables);
    if (typeof value === 'number') return Math.max(0, value);
  }
  return typeof first.defaultValue === 'number' ? first.defaultValue : DEFAULT_PAGE_SIZE;
}

/**
 * The cost of one operation, fragments counted where they are spread (and
 * selections that graphql-js merges counted each time: an upper bound):
 * - a field costs 1, plus the cost of its selection;
 * - a list field costs 1 + n × the cost of its selection, where n is the page size
 *   (first ?? last ?? DEFAULT_PAGE_SIZE) for the `edges` and `nodes` of a
 *   connection, and for the rows of any field that takes `first` (with that
 *   argument's default, if it has one, instead of DEFAULT_PAGE_SIZE), and
 *   LIST_ESTIMATE for any other list;
 * - `__schema` and `__type` cost INTROSPECTION_COST.
 * So `companies(first: 50) { totalCount nodes { id name } }` costs
 * 1 + (1 + (1 + 50 × 2)) = 103.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, number>();
  const visiting = new Set<string>();

  // `listSize` multiplies the list fields of this selection: the page size inside
  // the result of a paged field, LIST_ESTIMATE elsewhere.
  const costOf = (set: SelectionSetNode | undefined, parent: GraphQLNamedType | undefined, listSize: number): number => {
    let total = 0;
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += costOf(selection.selectionSet, type, listSize);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const key = `${selection.name.value}:${listSize}`;
        if (fragment && !memo.has(key) && !visiting.has(key)) {
          visiting.add(key);
          memo.set(key, costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), listSize));
          visiting.delete(key);
        }
        total += memo.get(key) ?? 0;
      } else if (INTROSPECTION_FIELDS.has(selection.name.value)) {
        total += INTROSPECTION_COST;
      } else {
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        if (!field || !selection.selectionSet) {
          total += 1;
          continue;
        }
        const innerListSize = pageSize(field, selection, variables) ?? LIST_ESTIMATE;
        const inner = costOf(selection.selectionSet, getNamedType(field.type), innerListSize);
        total += 1 + (isListType(getNullableType(field.type)) ? listSize * inner : inner);
      }
    }
    return total;
  };
  return costOf(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, LIST_ESTIMATE);
}

function costLimitPlugin(max: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const { coerced } = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 });
          // Variables that do not coerce fail execution before any resolver runs.
          if (!coerced) return;
          const cost = operationCost(schema, document, operation, coerced);
          if (cost > max) throw limitExceeded('cost', cost, max, operation, COST_FORMULA);
        },
      };
    },
  };
}

/**
 * graphql-js 16 does not check that the schema has the operation's root type (its
 * KnownOperationTypesRule comes in v17): a subscription, which this API has none
 * of, failed in execution with an error without a code, a 500. Not a limit, but a
 * validation rule every request needs, so it rides along with them.
 */
const knownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    if (!context.getSchema().getRootType(operation.operation)) {
      context.reportError(new GraphQLError(`This API has no ${operation.operation} operations.`, { nodes: operation }));
    }
  },
});

/** What Apollo Server needs to enforce these limits (defaults for any not given). */
export function requestLimits(overrides: Partial<RequestLimits> = {}): {
  parseOptions: ParseOptions;
  validationRules: ValidationRule[];
  plugin: ApolloServerPlugin<Context>;
} {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  const limits: RequestLimits = { ...DEFAULT_LIMITS, ...given };
  return {
    parseOptions: { maxTokens: limits.tokens },
    validationRules: [documentLimitsRule(limits), knownOperationTypesRule],
    plugin: costLimitPlugin(limits.cost),
  };
}
