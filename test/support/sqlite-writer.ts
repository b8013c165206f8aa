// A child process for test/integration/sqlite-processes: `count` transactions that read the
// counter and then write it, the pattern that deferred transactions lose between processes.
import { sql } from 'kysely';
import { openDatabase } from '../../src/storage/db.js';

const [path, count] = [process.argv[2]!, Number(process.argv[3])];
const database = await openDatabase({ kind: 'sqlite', path });
const errors: string[] = [];
for (let i = 0; i < count; i++) {
  try {
    await database.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ n: number }>`select n from counter`.execute(trx);
      await sql`update counter set n = ${(rows[0]?.n ?? 0) + 1}`.execute(trx);
    });
  } catch (e) {
    errors.push((e as Error).message);
  }
}
await database.close();
process.stdout.write(JSON.stringify({ errors }));
