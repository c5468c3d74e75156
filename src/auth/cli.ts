// `npm run api-key -- create|list|revoke`: API keys for automation tools, on
// DATABASE_URL or the embedded database. A new key is printed once; only its hash
// is stored.
import '../env';
import { ConfigError, loadConfig } from '../config';
import { openDatabase } from '../db/open';
import { createApiKey, listApiKeys, parseScopes, revokeApiKey } from './api-keys';

const USAGE = `usage:
  npm run api-key -- create <name> [--scopes read,write,billing]   (default scopes: read,write)
  npm run api-key -- list
  npm run api-key -- revoke <id or prefix>`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (!command || !['create', 'list', 'revoke'].includes(command)) throw new ConfigError(USAGE);
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    if (command === 'create') {
      const name = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1] === '--scopes')).join(' ');
      if (!name) throw new ConfigError(USAGE);
      let scopes;
      try {
        scopes = parseScopes(option(args, '--scopes') ?? 'read,write');
      } catch (error) {
        throw new ConfigError((error as Error).message);
      }
      const { id, key } = await createApiKey(db.prisma, name, scopes);
      console.log(`Created API key "${name}" (${scopes.join(', ')}) on ${db.where}\n  id:  ${id}\n  key: ${key}\nCopy the key now: it is not stored and cannot be shown again. Send it as the X-API-Key header.`);
    } else if (command === 'list') {
      const keys = await listApiKeys(db.prisma);
      if (keys.length === 0) console.log('No API keys.');
      for (const k of keys) {
        const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active';
        console.log(`${k.id}  aur_${k.prefix}_…  ${k.name}  [${k.scopes.join(',')}]  created ${k.createdAt.toISOString()}  last used ${k.lastUsedAt?.toISOString() ?? 'never'}  ${state}`);
      }
    } else {
      const target = args[0];
      if (!target) throw new ConfigError(USAGE);
      const name = await revokeApiKey(db.prisma, target);
      if (!name) throw new ConfigError(`no API key with id or prefix "${target}"`);
      console.log(`Revoked API key "${name}".`);
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `error: ${error.message}` : error);
  process.exit(1);
});
