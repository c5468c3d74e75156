// The committed schema.graphql is the printed schema: run `npm run codegen` after
// changing the schema (and commit the result).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, printSchema } from 'graphql';
import { schema } from '../src/graphql/schema';

it('schema.graphql is up to date (npm run codegen)', () => {
  const committed = readFileSync(path.join(__dirname, '..', 'schema.graphql'), 'utf8');
  expect(printSchema(buildSchema(committed))).toBe(printSchema(schema));
});
