// Who may do what (README, "Who may do what"): the scopes each caller has, for
// @pothos/plugin-scope-auth, and the errors a missing scope answers with.
import type { AuthFailure } from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { Actor } from '../graphql/context';

export interface Scopes {
  /** Anyone, signed in or not (the website form). */
  public: boolean;
  /** Queries: every person; keys with `read`. */
  read: boolean;
  /** Creating and changing the working records: every person; keys with `write`. */
  write: boolean;
  /** Deleting records: admins; keys with `write`. */
  remove: boolean;
  /** Invoices and the services catalog: admins; keys with `billing`. */
  billing: boolean;
  /** The audit log: admins. */
  admin: boolean;
}

export function scopesOf(actor: Actor): Scopes {
  const person = actor.kind === 'user';
  const admin = person && actor.role === 'admin';
  const key = actor.kind === 'apiKey' ? actor.scopes : [];
  return {
    public: true,
    read: person || key.includes('read'),
    write: person || key.includes('write'),
    remove: admin || key.includes('write'),
    billing: admin || key.includes('billing'),
    admin,
  };
}

const NEEDS: Record<keyof Scopes, string> = {
  public: 'nothing',
  read: 'a signed-in person or an API key with the read scope',
  write: 'a signed-in person or an API key with the write scope',
  remove: 'an admin or an API key with the write scope',
  billing: 'an admin or an API key with the billing scope',
  admin: 'an admin',
};

function failedScopes(failure: AuthFailure): string[] {
  if ('failures' in failure) return failure.failures.flatMap(failedScopes);
  return 'scope' in failure ? [String(failure.scope)] : [];
}

/**
 * 401 for anonymous callers, 403 naming what is needed for everyone else. (A
 * plain GraphQLError: the builder loads this module, so it cannot use the
 * schema's own error helpers.)
 */
export function authorizationError(actor: Actor, failure: AuthFailure, field: string): GraphQLError {
  if (actor.kind === 'anonymous') {
    return new GraphQLError(`Sign in to use ${field}: send a Supabase access token (Authorization: Bearer ...) or an API key (X-API-Key)`, {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  const needs = [...new Set(failedScopes(failure))].map((s) => NEEDS[s as keyof Scopes] ?? s);
  return new GraphQLError(`${field} needs ${needs.join(' or ') || 'more permissions'}`, { extensions: { code: 'FORBIDDEN' } });
}
