// Counts the SQL statements the API sends, per database and per request. The
// driver adapter is wrapped, so every statement Prisma runs is seen (queries,
// writes, raw SQL, and the transaction's BEGIN/COMMIT), whichever adapter is in use.
// Tests assert that a request's count depends on the query's shape, never on the
// number of rows; the server reports it in the `x-sql-statements` header outside
// production, and the benchmarks read it from there.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQueryable, Transaction } from '@prisma/driver-adapter-utils';

export interface StatementCounter {
  /** Statements sent since the database was opened. */
  total: number;
}

/**
 * A statement sent straight to the driver, bypassing Prisma (the compiled read
 * path): rows as arrays of the database's text, with an optional name under which
 * the statement is prepared once per connection.
 */
export interface RawConnection {
  query(sql: string, values: readonly unknown[], name?: string): Promise<unknown[][]>;
}

interface RequestScope extends StatementCounter {
  /** The driver connection of the request's open transaction, if it has one. */
  transaction?: RawConnection;
}

/** The statements of the request being served (if the server started a scope). */
const requestScope = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` with a fresh per-request counter; returns the counter with the result. */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: StatementCounter }> {
  const statements: RequestScope = { total: 0 };
  const result = await requestScope.run(statements, fn);
  return { result, statements };
}

/**
 * Runs a raw statement where the request's Prisma statements run: on its open
 * transaction's connection (a person's role and claims, the audit settings), else
 * on `outside`; counted like any other statement.
 */
export function rawStatement(counter: StatementCounter, outside: RawConnection, sql: string, values: readonly unknown[], name?: string): Promise<unknown[][]> {
  count(counter);
  return (requestScope.getStore()?.transaction ?? outside).query(sql, values, name);
}

function count(counter: StatementCounter): void {
  counter.total += 1;
  const scope = requestScope.getStore();
  if (scope) scope.total += 1;
}

function wrapQueryable<T extends SqlQueryable>(target: T, counter: StatementCounter): T {
  const queryRaw = target.queryRaw.bind(target);
  const executeRaw = target.executeRaw.bind(target);
  target.queryRaw = (query) => {
    count(counter);
    return queryRaw(query);
  };
  target.executeRaw = (query) => {
    count(counter);
    return executeRaw(query);
  };
  return target;
}

function wrapTransaction(tx: Transaction, counter: StatementCounter): Transaction {
  wrapQueryable(tx, counter);
  // BEGIN was sent by the adapter before the transaction object reached us; COMMIT
  // and ROLLBACK go through executeRaw, except on adapters with "phantom" queries
  // (PGlite's), which send them from commit()/rollback().
  count(counter);
  if (tx.options.usePhantomQuery) {
    for (const method of ['commit', 'rollback'] as const) {
      const original = tx[method].bind(tx);
      tx[method] = () => {
        count(counter);
        return original();
      };
    }
  }
  return tx;
}

/**
 * Wraps an adapter factory so every statement through it is counted in `counter`;
 * with `raw`, a request's transaction also leaves its driver connection in the
 * request's scope for rawStatement, until it ends.
 */
export function countingAdapter<F extends SqlDriverAdapterFactory>(factory: F, counter: StatementCounter, raw?: (tx: Transaction) => RawConnection): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter: SqlDriverAdapter = wrapQueryable(await connect(), counter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx = wrapTransaction(await startTransaction(isolationLevel), counter);
      const scope = requestScope.getStore();
      if (raw && scope) {
        const connection = raw(tx);
        scope.transaction = connection;
        for (const method of ['commit', 'rollback'] as const) {
          const end = tx[method].bind(tx);
          tx[method] = () => {
            if (scope.transaction === connection) scope.transaction = undefined;
            return end();
          };
        }
      }
      return tx;
    };
    return adapter;
  };
  return factory;
}
