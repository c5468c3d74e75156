// The development sign-in's token is handed out on this machine only: Apollo
// Sandbox served to a loopback caller already sends it; any other caller gets the
// landing page without it.
import { createTestDatabase, type TestDatabase } from './helpers/db';
import { startTestServer, type TestServer } from './helpers/http';

const TOKEN = 'development-token-of-this-run';
let db: TestDatabase;
let api: TestServer;

beforeAll(async () => {
  db = await createTestDatabase('embedded', { seed: false });
  // One trusted proxy: X-Forwarded-For stands for a caller elsewhere on the network.
  api = await startTestServer(db, { sandboxHeaders: { Authorization: `Bearer ${TOKEN}` }, trustProxyHops: 1, introspection: true });
});

afterAll(async () => {
  await api.stop();
  await db.drop();
});

async function landingPage(headers: Record<string, string> = {}) {
  const res = await fetch(api.url, { headers: { accept: 'text/html', ...headers } });
  return { status: res.status, type: res.headers.get('content-type'), html: await res.text() };
}

test('a browser on this machine gets Apollo Sandbox with the token', async () => {
  const page = await landingPage();
  expect({ status: page.status, type: page.type, token: page.html.includes(TOKEN) }).toEqual({ status: 200, type: 'text/html', token: true });
});

test('a browser elsewhere gets Apollo Sandbox without it', async () => {
  const page = await landingPage({ 'x-forwarded-for': '203.0.113.9' });
  expect({ status: page.status, type: page.type, sandbox: page.html.includes('sandbox'), token: page.html.includes(TOKEN) }).toEqual({
    status: 200,
    type: 'text/html',
    sandbox: true,
    token: false,
  });
});
