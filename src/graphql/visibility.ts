// Rows a caller may not see, for models that have such rows (private notes):
// every way of reading the model (by id, lists, counts, relations, the records a
// mutation acts on) adds the model's condition, so hidden rows are absent from
// lists and counts and null by id. For people the database's row-level security
// says the same; this covers API keys, and holds even where RLS is not in play.
import type { Context } from './context';
import type { ModelName } from './filters';

type Where = Record<string, unknown>;

const rules = new Map<ModelName, (ctx: Context) => Where | undefined>();

export function restrictVisibility(model: ModelName, rule: (ctx: Context) => Where | undefined): void {
  rules.set(model, rule);
}

/** `where` narrowed to what the caller may see (undefined: no condition at all). */
export function visibleWhere(ctx: Context, model: ModelName, where?: Where): Where | undefined {
  const rule = rules.get(model)?.(ctx);
  if (!rule) return where;
  return where ? { AND: [where, rule] } : rule;
}

/** A unique `where` by id, narrowed the same way. */
export function visibleById(ctx: Context, model: ModelName, id: string): Where {
  const rule = rules.get(model)?.(ctx);
  return rule ? { id, AND: [rule] } : { id };
}
