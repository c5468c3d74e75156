// Input errors that GraphQL itself finds (a bad email, date, enum value or money
// amount in a mutation's input; a missing required field) name the field at fault
// in `extensions.fieldErrors`, like the errors our own input checks raise, so a
// client handles them all one way. graphql-js reports a variable's bad field in
// its message ('... at "input.email"') and an inline literal's by its AST node;
// both become a path such as ["input", "email"].
import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, Kind, visit, type ASTNode, type DocumentNode } from 'graphql';
import type { Context } from './context';
import type { FieldError } from './errors';

const VARIABLE_VALUE = /^Variable "\$(\w+)" got invalid value [\s\S]*?(?: at "([^"]+)")?; ([\s\S]*)$/;
const VARIABLE_MISSING = /^Variable "\$(\w+)" of (?:required|non-null) type "[^"]+" (?:was not provided|must not be null)\.$/;
// A field missing from, or unknown to, an input object: graphql-js names the
// object's path and the field separately.
const OBJECT_FIELD = /^Field "(\w+)" (?:(of required type "[^"]+" was not provided)|is not defined by type "[^"]+")\./;

/** "input.lines[2].amount" → ["input", "lines", "2", "amount"] */
function splitPath(text: string): string[] {
  return text.split(/\.|\[(\d+)\]/).filter((part) => part !== undefined && part !== '');
}

/** The field errors of a variable-coercion error, from its message. */
export function variableFieldErrors(message: string): FieldError[] | undefined {
  const value = VARIABLE_VALUE.exec(message);
  if (value) {
    const path = splitPath(value[2] ?? value[1]!);
    const field = OBJECT_FIELD.exec(value[3]!.trim());
    if (field) return [{ path: [...path, field[1]!], message: field[2] ? 'is required' : 'is not a field of this input' }];
    return [{ path, message: value[3]!.trim() }];
  }
  const missing = VARIABLE_MISSING.exec(message);
  if (missing) return [{ path: [missing[1]!], message: 'is required' }];
  return undefined;
}

/** Argument, object-field and list-index names from the operation down to `target`. */
function literalPath(document: DocumentNode, target: ASTNode): string[] | undefined {
  let found: string[] | undefined;
  visit(document, {
    enter(node, _key, parent, _path, ancestors) {
      if (node !== target) return undefined;
      const chain = [...ancestors, parent, node].filter((a): a is ASTNode => !!a && !Array.isArray(a) && typeof a === 'object' && 'kind' in a);
      const names: string[] = [];
      chain.forEach((a, i) => {
        if (a.kind === Kind.ARGUMENT || a.kind === Kind.OBJECT_FIELD) names.push(a.name.value);
        const next = chain[i + 1];
        if (a.kind === Kind.LIST && next) names.push(String((a.values as readonly ASTNode[]).indexOf(next)));
      });
      found = names;
      return BREAK;
    },
  });
  return found;
}

const REQUIRED_FIELD = /^Field "(?:\w+\.)?(\w+)" of required type "[^"]+" was not provided\.$/;
const UNKNOWN_FIELD = /^Field "(\w+)" is not defined by type "[^"]+"\./;
const WRONG_VALUE_PREFIX = /^Expected value of type "[^"]+", found [\s\S]*?; /;
const VALUE_KINDS = new Set<string>([Kind.STRING, Kind.INT, Kind.FLOAT, Kind.BOOLEAN, Kind.NULL, Kind.ENUM, Kind.LIST, Kind.OBJECT, Kind.OBJECT_FIELD]);

/** The field errors of a validation error about a literal argument value, located in the document. */
function literalFieldErrors(document: DocumentNode, error: GraphQLError): FieldError[] | undefined {
  const node = error.nodes?.[0];
  if (!node || !VALUE_KINDS.has(node.kind)) return undefined;
  const path = literalPath(document, node);
  if (!path?.length) return undefined;
  const required = REQUIRED_FIELD.exec(error.message);
  if (required) return [{ path: [...path, required[1]!], message: 'is required' }];
  if (UNKNOWN_FIELD.test(error.message)) return [{ path, message: 'is not a field of this input' }];
  return [{ path, message: error.message.replace(WRONG_VALUE_PREFIX, '').trim() }];
}

/** Adds fieldErrors to the validation errors that are about input values. */
export const inputErrorsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async validationDidStart({ document }) {
        return async (errors) => {
          for (const error of errors ?? []) {
            if (!(error instanceof GraphQLError)) continue;
            const fieldErrors = literalFieldErrors(document, error);
            if (fieldErrors) (error.extensions as Record<string, unknown>).fieldErrors = fieldErrors;
          }
        };
      },
    };
  },
};
