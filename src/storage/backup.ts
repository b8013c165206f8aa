// Backups. SQLite: the online backup API, consistent while the server keeps writing.
// PostgreSQL: pg_dump in custom format (restore with pg_restore), which must be at least as
// new as the server; we check that first and say so plainly instead of leaving a bad file.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { sql } from 'kysely';
import { DomainError } from '../domain/errors.js';
import type { Database } from './db.js';

export interface BackupResult {
  path: string;
  method: 'sqlite-online-backup' | 'pg_dump';
}

export async function backupDatabase(database: Database, target: string, pgUrl: string | null): Promise<BackupResult> {
  // A backup is the whole database: the owner's alone (0600 file, 0700 new directory).
  if (mkdirSync(dirname(target), { recursive: true, mode: 0o700 }) !== undefined) chmodSync(dirname(target), 0o700);
  // Write beside the target and rename at the end: a failed backup leaves no half file.
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    if (database.sqlite) {
      await database.sqlite.backup(partial);
      chmodSync(partial, 0o600);
      renameSync(partial, target);
      return { path: target, method: 'sqlite-online-backup' };
    }
    if (!pgUrl) throw new DomainError('invalid_input', 'PostgreSQL backup needs DATABASE_URL');
    await assertPgDumpUsable(database);
    await runPgDump(pgUrl, partial);
    chmodSync(partial, 0o600);
    renameSync(partial, target);
    return { path: target, method: 'pg_dump' };
  } finally {
    if (existsSync(partial)) rmSync(partial, { force: true });
  }
}

function pgDumpMajor(): number | null {
  const r = spawnSync('pg_dump', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  const m = /(\d+)(?:\.\d+)?/.exec(r.stdout);
  return m ? Number(m[1]) : null;
}

async function assertPgDumpUsable(database: Database): Promise<void> {
  const client = pgDumpMajor();
  if (client === null) {
    throw new DomainError(
      'unavailable',
      'pg_dump was not found on PATH. Install the PostgreSQL client tools (Debian: apt-get install postgresql-client) and try again.',
      'pg_dump',
    );
  }
  const r = await sql<{ v: string }>`select current_setting('server_version_num') as v`.execute(database.db);
  const server = Math.floor(Number(r.rows[0]?.v ?? 0) / 10000);
  if (client < server) {
    throw new DomainError('unavailable', `pg_dump ${client} cannot back up a PostgreSQL ${server} server; install pg_dump ${server} or newer.`, 'pg_dump');
  }
}

function runPgDump(url: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // The password travels in PGPASSWORD, not on the command line where `ps` would show it.
    const u = new URL(url);
    const password = decodeURIComponent(u.password);
    u.password = '';
    const child = spawn('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${u.toString()}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => reject(new DomainError('unavailable', `pg_dump could not start: ${e.message}`, 'pg_dump')));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new DomainError('unavailable', `pg_dump failed (exit ${code}): ${stderr.trim()}`, 'pg_dump'))));
  });
}
