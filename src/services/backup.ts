// The backup use case: choose the file name, then let storage do the dialect's backup.
import { resolve } from 'node:path';
import type { DatabaseConfig } from '../config/config.js';
import type { Database } from '../storage/db.js';
import { type BackupResult, backupDatabase } from '../storage/backup.js';

export type { BackupResult };

/** `./data/backups/protokol-20261123-054741.db` (SQLite) or `.dump` (pg_dump custom format). */
export function defaultBackupPath(config: DatabaseConfig, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return resolve(`./data/backups/protokol-${stamp}.${config.kind === 'sqlite' ? 'db' : 'dump'}`);
}

export function backup(database: Database, config: DatabaseConfig, out: string | undefined): Promise<BackupResult> {
  const target = resolve(out ?? defaultBackupPath(config, new Date()));
  return backupDatabase(database, target, config.kind === 'postgres' ? config.url : null);
}
