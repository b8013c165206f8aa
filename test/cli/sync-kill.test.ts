// `protokol sync firstagenda` killed with SIGKILL in the middle of a run (no chance to clean
// up: mid-request or mid-transaction) and run again ends with the same database as one clean
// run. The kill comes when the portal on loopback has answered a number of requests.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { bin, cliEnv, repoRoot, runCli } from '../support/cli.js';
import { openTestDatabase } from '../support/databases.js';
import { GREVE_TWO_BODIES, firstAgendaPortal, serveFirstAgenda } from '../support/firstagenda-portal.js';
import type { Loopback } from '../support/loopback.js';
import { contentsWithoutTimestamps } from '../support/tables.js';

describe('protokol sync firstagenda, killed and run again', () => {
  const { answers, list } = firstAgendaPortal(GREVE_TWO_BODIES);
  let server: Loopback;
  let onRequest: (path: string) => void = () => undefined;
  const opened: { dispose: () => Promise<void> }[] = [];
  before(async () => {
    server = await serveFirstAgenda(answers, list, (path) => onRequest(path));
  });
  after(async () => {
    await server.close();
    for (const db of opened) await db.dispose();
  });

  it('ends with the same database as one clean run', async () => {
    const clean = await openTestDatabase('sqlite');
    const killed = await openTestDatabase('sqlite');
    opened.push(clean, killed);
    const args = ['sync', 'firstagenda', server.url, '--municipality', 'Greve Kommune', '--delay-ms', '0', '--concurrency', '1'];
    const once = await runCli(args, cliEnv({ DATABASE_URL: clean.url, FILES_DIR: clean.filesDir }));
    assert.equal(once.code, 0, once.stderr);

    const env = cliEnv({ DATABASE_URL: killed.url, FILES_DIR: killed.filesDir });
    const child = spawn(process.execPath, [bin, ...args], { env, cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let served = 0;
    onRequest = (path) => {
      // At the 10th of the 19 meetings (its attachments not yet fetched): well into the run.
      if (path.startsWith('/api/agenda/dagsorden/') && ++served === 10) child.kill('SIGKILL');
    };
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
    onRequest = () => undefined;
    assert.equal(signal, 'SIGKILL', 'the run was killed before it ended');
    const partial = await killed.database.db
      .selectFrom('meeting')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.ok(Number(partial.n) > 0 && Number(partial.n) < answers.size, `some meetings, not all: ${partial.n}`);

    const again = await runCli(args, env);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(await contentsWithoutTimestamps(killed.database.db), await contentsWithoutTimestamps(clean.database.db));
  });
});
