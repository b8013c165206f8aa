// Documents of one `import` run are committed together, a batch at a time: a commit (WAL pages,
// the search index's segment) cost more than writing a FirstAgenda meeting itself, and
// committing every 32 documents or every second made importing Greve's 94 meetings a quarter
// faster. Each document still lands whole or not at all: it is written under a savepoint of
// the batch (import-document.ts), and a failed one is rolled back alone. A crash loses at
// most the batch in progress, about a second of work, which a re-run (idempotent) redoes.
import type { ControlledTransaction, Kysely, Transaction } from 'kysely';
import type { DB } from '../../storage/schema.js';

export interface BatchLimits {
  documents: number;
  milliseconds: number;
}

export class WriteBatch {
  private trx: ControlledTransaction<DB> | null = null;
  private opened = 0;
  private written = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly limits: BatchLimits = { documents: 32, milliseconds: 1000 },
  ) {}

  /** The open transaction, begun on first use. */
  async transaction(): Promise<Transaction<DB>> {
    if (this.trx === null) {
      this.trx = await this.db.startTransaction().execute();
      this.opened = performance.now();
      this.written = 0;
    }
    return this.trx;
  }

  /** One document is done (written or rolled back to its savepoint): commits when the batch is full or old. */
  async documentDone(): Promise<void> {
    if (this.trx === null) return;
    this.written += 1;
    if (this.written >= this.limits.documents || performance.now() - this.opened >= this.limits.milliseconds) await this.commit();
  }

  async commit(): Promise<void> {
    const trx = this.trx;
    this.trx = null;
    if (trx) await trx.commit().execute();
  }

  async rollback(): Promise<void> {
    const trx = this.trx;
    this.trx = null;
    if (trx) await trx.rollback().execute();
  }
}
