// What `serve` checks before it takes requests (the database's own write check runs before the
// migrations, in main.ts): FILES_DIR takes a write, and the settings that name things in the
// database name something that is there. Each problem is
// one line naming the setting; all are listed at once, so one start shows every fix needed.
import type { Config } from '../config/config.js';
import { DomainError } from '../domain/errors.js';
import type { Database } from '../storage/db.js';
import type { FileStore } from '../storage/file-store.js';
import { findBodyRef, listBodyRefs } from '../storage/repositories/users.js';

export interface StartupCheck {
  /** Problems that stop the start, one line each. */
  problems: string[];
  /** Worth saying, not worth refusing to start for. */
  warnings: string[];
}

export async function checkStartup(config: Readonly<Config>, database: Database, files: FileStore): Promise<StartupCheck> {
  const problems: string[] = [];
  const warnings: string[] = [];
  const line = (e: unknown) => (e instanceof DomainError ? e.message : String((e as Error).message ?? e));
  await files.checkWritable().catch((e: unknown) => problems.push(line(e)));
  const wanted = config.oidc?.municipality;
  if (wanted && problems.length === 0) {
    // An empty database (a new installation) gets its municipality later; a database with
    // municipalities but not this one is a typo that would refuse every new SSO account.
    if (!(await findBodyRef(database.db, wanted))) {
      const names = (await listBodyRefs(database.db)).map((b) => b.slug);
      if (names.length > 0) problems.push(`OIDC_MUNICIPALITY "${wanted}": no such municipality (there are: ${names.join(', ')})`);
      else warnings.push(`OIDC_MUNICIPALITY "${wanted}": the database has no municipality yet`);
    }
  }
  return { problems, warnings };
}

/** Throws the problems as one error (exit 3), or returns the warnings. */
export async function assertStartup(config: Readonly<Config>, database: Database, files: FileStore): Promise<string[]> {
  const { problems, warnings } = await checkStartup(config, database, files);
  if (problems.length > 0) throw new DomainError('unavailable', `cannot start:\n  ${problems.join('\n  ')}`, 'config');
  return warnings;
}
