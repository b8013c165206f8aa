// What the lifecycle services need: the database (writes in transactions), the file store
// (attachment bytes) and a clock (injected by tests).
import type { Database } from '../../storage/db.js';
import type { FileStore } from '../../storage/file-store.js';
import type { ExtractLimits } from './sandbox/limits.js';

export interface LifecycleDeps {
  database: Database;
  files: FileStore;
  now: () => Date;
  /** Bounds on parsing an uploaded file (EXTRACT_* settings); left out, the defaults. */
  extractLimits?: Readonly<ExtractLimits>;
}
