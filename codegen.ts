// GraphQL Code Generator: prints the Pothos schema to the committed schema.graphql
// and types the operations the tests send (test/generated, git-ignored).
// `npm run codegen` runs it; test/schema-file.test.ts fails when schema.graphql is stale.
import type { CodegenConfig } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';
import { schema } from './src/graphql/schema';

const sdl = printSchema(schema);

const config: CodegenConfig = {
  schema: sdl,
  overwrite: true,
  generates: {
    'schema.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: true, sort: true },
    },
    'test/generated/': {
      preset: 'client',
      documents: ['test/**/*.ts', '!test/generated/**'],
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: {
          UUID: 'string',
          DateTime: 'string',
          LocalDate: 'string',
          EmailAddress: 'string',
          URL: 'string',
          Decimal: 'string',
        },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
