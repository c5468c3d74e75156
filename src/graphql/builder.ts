// The schema builder: generics, plugins and scalars. Defines no types itself.
import SchemaBuilder from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import type PrismaTypes from '../generated/pothos-types';
import { getDatamodel } from '../generated/pothos-types';
import type { Prisma } from '../generated/prisma/client';
import type { Context } from './context';
import { DateTimeScalar, DecimalScalar, EmailAddressScalar, LocalDateScalar, URLScalar, UUIDScalar } from './scalars';

export const builder = new SchemaBuilder<{
  Context: Context;
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
  };
}>({
  plugins: [PrismaPlugin, RelayPlugin],
  // Fields are non-null unless they say otherwise, so the schema tells the truth.
  defaultFieldNullability: false,
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
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

builder.queryType({ description: 'Read Aurum\'s client-lifecycle data.' });
