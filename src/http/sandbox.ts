// The development sign-in's Apollo Sandbox: the landing page that already sends
// the run's admin token is served to callers on this machine only. Everyone else
// gets Apollo's own landing page, without it (src/http/apollo.ts).
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLHttpRequest } from './body';
import type { HttpResponse } from './response';

export type SandboxPage = (request: GraphQLHttpRequest, address: string) => Promise<HttpResponse | undefined>;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export const isLoopback = (address: string) => LOOPBACK.test(address);

/** The landing page with `headers` for a loopback caller's browser (GET, asking for HTML); undefined otherwise. */
export async function developmentSandbox(headers: Record<string, string>): Promise<SandboxPage> {
  const plugin = ApolloServerPluginLandingPageLocalDefault({ embed: { runTelemetry: false, initialState: { sharedHeaders: headers } } });
  const listener = await plugin.serverWillStart!({} as never);
  const page = await listener!.renderLandingPage!();
  return async (request, address) => {
    if (request.http.method !== 'GET' || !/\btext\/html\b/.test(request.http.headers.get('accept') ?? '') || !isLoopback(address)) return undefined;
    const html = typeof page.html === 'string' ? page.html : await page.html();
    return { status: 200, headers: { 'content-type': 'text/html' }, body: html };
  };
}
