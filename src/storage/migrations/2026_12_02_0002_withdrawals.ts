// Withdrawal (issue 13): a published version or a single attachment can be taken back after
// publication, with a required reason. The row stays (staff see what was withdrawn, when, by
// whom and why; the audit log holds the same) and every public reader skips it. A withdrawn
// attachment is also set non-public by the service, so the readers that only know the publish
// flag (portal, OParl, export, search) drop it without knowing about withdrawal. Frozen once
// shipped.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  for (const table of ['publication', 'file']) {
    await db.schema.alterTable(table).addColumn('withdrawn_at', 'text').execute();
    await db.schema.alterTable(table).addColumn('withdrawn_by', 'text').execute();
    await db.schema.alterTable(table).addColumn('withdrawn_reason', 'text').execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['publication', 'file']) {
    for (const column of ['withdrawn_reason', 'withdrawn_by', 'withdrawn_at']) {
      await db.schema.alterTable(table).dropColumn(column).execute();
    }
  }
}
