// Stage 3 of the GraphQL pipeline: requests without credentials (the website
// form) are limited per client address, over a sliding minute: no 60 seconds ever
// hold more than the limit (a fixed minute let twice the limit through at its
// edge). Counted in Postgres, so every instance shares the count.
import type { PrismaClient } from '../generated/prisma/client';
import { errorResponse, type HttpResponse } from './response';

export type RateLimit = (address: string) => Promise<HttpResponse | undefined>;

/** A limiter of anonymous requests: resolves to the 429 to answer, or undefined when the request may go on. */
export function anonymousRateLimit(prisma: PrismaClient, perMinute: number): RateLimit {
  return async (address) => {
    const bucket = `anonymous:${address}`;
    const [row] = await prisma.$queryRaw<{ allowed: boolean; retry_after: number }[]>`SELECT allowed, retry_after FROM app_private.hit_rate_limit(${bucket}, 60, ${perMinute}::int)`;
    if (row!.allowed) return undefined;
    return errorResponse(429, 'TOO_MANY_REQUESTS', `Too many requests from this address: at most ${perMinute} a minute without signing in; retry in ${row!.retry_after} s`, {
      'retry-after': String(row!.retry_after),
    });
  };
}
