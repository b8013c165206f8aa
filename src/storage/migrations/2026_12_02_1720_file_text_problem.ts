// Why an attachment's text could not be read (issue 14, uploads in a sandbox): the Danish
// sentence naming the bound that stopped the extraction (time, memory, decompressed size,
// amount of text). Null for every file read normally and for every file stored before. Such
// a file keeps text '' and so blocks publishing until a person marks it checked, like a scan.
// Frozen once shipped.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('file').addColumn('text_problem', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('file').dropColumn('text_problem').execute();
}
