// Stage 5 of the GraphQL pipeline (an Apollo plugin, run as Apollo sends its
// answer): the HTTP status of a GraphQL response. A mutation that fails as a whole
// answers with the 4xx of its error, so an automation tool's error route fires;
// queries with partial data keep 200. Several input errors become one
// BAD_USER_INPUT error listing every bad field, so a client that reads only the
// first error still sees them all.
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../graphql/context';
import { HTTP_STATUS, type FieldError } from '../graphql/errors';

export const httpStatusPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        const { data, errors } = result;
        if (!errors?.length) return;
        const failedWhole = data == null || Object.values(data).every((value) => value === null);
        if (!failedWhole) return;
        const fieldErrors = errors.map((e) => (e.extensions?.code === 'BAD_USER_INPUT' ? (e.extensions.fieldErrors as FieldError[] | undefined) : undefined));
        if (errors.length > 1 && fieldErrors.every(Boolean)) {
          const all = fieldErrors.flat() as FieldError[];
          result.errors = [
            {
              message: `Invalid input: ${all.map((f) => `${f.path.join('.')}: ${f.message}`).join('; ')}`,
              extensions: { code: 'BAD_USER_INPUT', fieldErrors: all },
            },
          ];
        }
        const statuses = result.errors!.map((e) => HTTP_STATUS[String(e.extensions?.code)] ?? 500);
        const status = statuses.every((s) => s === 500) ? 500 : Math.max(...statuses.filter((s) => s !== 500));
        response.http.status = status;
      },
    };
  },
};
