// The Prisma delegate of a model (`Contact` → `db.contact`), for the mechanisms
// that serve every model alike (root queries, CRUD, reference checks).
import type { Db } from './context';
import type { ModelName } from './filters';

type Row = { id: string } & Record<string, unknown>;

export interface Delegate {
  findUnique(args: object): Promise<Row | null>;
  findUniqueOrThrow(args: object): Promise<Row>;
  findMany(args: object): Promise<Row[]>;
  count(args?: object): Promise<number>;
  create(args: object): Promise<Row>;
  update(args: object): Promise<Row>;
  delete(args: object): Promise<Row>;
}

export function delegateOf(db: Db, model: ModelName): Delegate {
  return (db as unknown as Record<string, Delegate>)[model[0]!.toLowerCase() + model.slice(1)]!;
}
