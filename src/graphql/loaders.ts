// Per-request DataLoaders, for what the Prisma plugin cannot plan (polymorphic
// notes, per-parent aggregates). Loaders live in a WeakMap keyed by the request's
// context, so they die with the request and never leak data between callers.
import DataLoader from 'dataloader';
import type { Context } from './context';

const loadersByRequest = new WeakMap<Context, Map<string, DataLoader<unknown, unknown>>>();

export function requestLoader<K, V>(
  ctx: Context,
  name: string,
  batch: (keys: readonly K[]) => Promise<(V | Error)[]>,
): DataLoader<K, V> {
  let loaders = loadersByRequest.get(ctx);
  if (!loaders) {
    loaders = new Map();
    loadersByRequest.set(ctx, loaders);
  }
  let loader = loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch);
    loaders.set(name, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}

/** Orders rows fetched with `WHERE id IN (...)` like the keys; missing ids are null. */
export function byIds<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}
