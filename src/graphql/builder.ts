// The schema builder: generics, plugins and scalars. Defines no types itself.
import SchemaBuilder from '@pothos/core';
import { GraphQLJSON } from 'graphql-scalars';
import PrismaPlugin from '@pothos/plugin-prisma';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import RelayPlugin from '@pothos/plugin-relay';
import type PrismaTypes from '../generated/pothos-types';
import { getDatamodel } from '../generated/pothos-types';
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import { authorizationError, scopesOf, type Scopes } from '../auth/scopes';
import { logger } from '../logger';
import type { Context } from './context';
import { DateTimeScalar, DecimalScalar, EmailAddressScalar, LocalDateScalar, URLScalar, UUIDScalar } from './scalars';

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: Scopes;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    UUID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    LocalDate: { Input: Date; Output: Date };
    EmailAddress: { Input: string; Output: string };
    URL: { Input: string; Output: string };
    Decimal: { Input: Prisma.Decimal; Output: Prisma.Decimal | string | number };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin],
  scopeAuth: {
    authScopes: (ctx) => scopesOf(ctx.actor),
    unauthorizedError: (_parent, ctx, info, result) => authorizationError(ctx.actor, result.failure, `${info.parentType.name}.${info.fieldName}`),
  },
  // Fields are non-null unless they say otherwise, so the schema tells the truth.
  defaultFieldNullability: false,
  prisma: {
    // The request's transaction when it has one: the plugin only calls model methods.
    client: (ctx) => ctx.db as PrismaClient,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    // A planned query a resolver did not use is a bug worth a line in the log, not on the console.
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : (info) => logger.warn('Prisma query was unused', { field: `${info.parentType.name}.${info.fieldName}` }),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    nodesOnConnection: {},
  },
});

builder.addScalarType('UUID', UUIDScalar);
builder.addScalarType('DateTime', DateTimeScalar);
builder.addScalarType('LocalDate', LocalDateScalar);
builder.addScalarType('EmailAddress', EmailAddressScalar);
builder.addScalarType('URL', URLScalar);
builder.addScalarType('Decimal', DecimalScalar);
builder.addScalarType('JSON', GraphQLJSON);

// Every root field needs its type's scope unless it says otherwise (README, "Who may do what").
builder.queryType({ description: 'Read Aurum\'s client-lifecycle data.', authScopes: { read: true } });
builder.mutationType({
  authScopes: { write: true },
  description:
    'Change Aurum\'s data. Each mutation is atomic; one that fails as a whole answers with an HTTP 4xx status. ' +
    'Send an `Idempotency-Key` header to make a retry safe: the same key and request return the first response without writing again.',
});
