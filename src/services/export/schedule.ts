// The open-data dump, kept by `protokol serve` itself (OPEN_DATA_NIGHTLY, default on): once the
// server is ready, a dump is written in the background when there is none, it is more than a
// day old, or the data changed since it was written; then whenever the data changes, and every
// night at 03:00 Danish time. "The data changed" is OparlService.changeMarker, read every
// POLL_MS (20 s): a depublication (an item closed, a file's flag turned off, a deletion)
// leaves /data/ within a minute, not the next night. Changes in a burst (an import) coalesce:
// one dump at a time, and the next tick looks again. The marker a dump was written at is kept
// beside it, so a restart does not rewrite an unchanged dump. Timers are unref'd (they never
// keep the process alive) and stopped on shutdown, which also aborts a dump being written
// (between two pages; its temporary directory is removed). Requests never wait for a dump.
//
// Several app processes sharing a database each run this schedule. A lock file in the dump
// directory lets one of them write while the others skip that run; the lock is only an
// economy: writeDump's directory swap keeps `latest` whole even when two writers do overlap
// (a stale lock after a crash, `protokol export` from cron at the same time).
import { hostname } from 'node:os';
import { mkdir, open, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { addDays, danishDate, danishInstant } from '../../domain/clock.js';
import type { OparlService } from '../oparl/service.js';
import { type ExportReport, latestDumpMarker, latestDumpTime, openDataDir, writeDump } from './export.js';

/** The slice of pino the schedule logs with. */
export interface ScheduleLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface DumpScheduleOptions {
  oparl: OparlService;
  filesDir: string;
  log: ScheduleLog;
  /** Injected by tests; the real clock otherwise. */
  now?: () => Date;
  /** How often the data's change marker is read; POLL_MS unless a test makes it short. */
  pollMs?: number;
}

/** How often the schedule looks whether the data changed (a dump follows within a minute). */
export const POLL_MS = 20_000;

export interface DumpSchedule {
  /** Clears the timer and aborts a dump being written; resolves once it has stopped. */
  stop(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A lock older than this is from a process that died while writing: taken over. */
const STALE_LOCK_MS = 6 * 60 * 60 * 1000;
const LOCK = '.writing';

/** The next 03:00 in Denmark strictly after `now` (right across daylight-saving changes). */
export function nextNightlyRun(now: Date, time = '03:00'): Date {
  const today = danishDate(now);
  for (let days = 0; days <= 2; days++) {
    const at = danishInstant(addDays(today, days), time);
    if (at.getTime() > now.getTime()) return at;
  }
  return new Date(now.getTime() + DAY_MS); // unreachable: a local 03:00 comes within two days
}

export function startDumpSchedule(options: DumpScheduleOptions): DumpSchedule {
  const now = options.now ?? (() => new Date());
  const dumpDir = openDataDir(options.filesDir);
  const abort = new AbortController();
  let nightly: NodeJS.Timeout | null = null;
  let poll: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  /** The marker of the data the latest dump (this process's or another's) was written from. */
  let written: string | null = null;

  const run = (reason: 'start-up' | 'nightly' | 'change'): Promise<void> => {
    if (running) return running; // one dump at a time in this process
    if (stopped) return Promise.resolve(); // a check that ended after shutdown began
    running = (async () => {
      const started = Date.now();
      try {
        // Read before the export: a change during it moves the marker again, and the next tick rewrites.
        const marker = await options.oparl.changeMarker();
        const report = await withLock(dumpDir, () => writeDump(options.oparl, options.filesDir, { now, signal: abort.signal, marker }));
        // Written; or skipped because another process is writing, whose dump covers this
        // change or whose own next tick sees it.
        written = marker;
        if (report === null) options.log.info({ reason }, 'open-data dump skipped: another process is writing it');
        else options.log.info({ reason, ms: Date.now() - started, files: summary(report) }, 'open-data dump written');
      } catch (e) {
        if (abort.signal.aborted) options.log.info({ reason }, 'open-data dump stopped by shutdown');
        else options.log.error({ err: e, reason }, 'open-data dump failed');
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const scheduleNext = () => {
    if (stopped) return;
    const at = nextNightlyRun(now());
    nightly = setTimeout(() => void run('nightly').finally(scheduleNext), Math.max(0, at.getTime() - now().getTime()));
    nightly.unref();
  };

  const watch = () => {
    if (stopped) return;
    poll = setTimeout(() => {
      void (async () => {
        try {
          if (!running && (await options.oparl.changeMarker()) !== written && !stopped) await run('change');
        } catch (e) {
          // A check that met the database closing at shutdown is no failure.
          if (!stopped) options.log.error({ err: e }, 'open-data change check failed');
        }
        watch();
      })();
    }, options.pollMs ?? POLL_MS);
    poll.unref();
  };

  // After start-up, off the request path: a missing, day-old or outdated dump is written at once.
  nightly = setTimeout(() => {
    void (async () => {
      try {
        const [time, marker, current] = await Promise.all([latestDumpTime(dumpDir), latestDumpMarker(dumpDir), options.oparl.changeMarker()]);
        written = marker;
        if (!stopped && (time === null || now().getTime() - time.getTime() > DAY_MS || marker !== current)) await run('start-up');
      } catch (e) {
        options.log.error({ err: e }, 'open-data change check failed');
      }
      scheduleNext();
      watch();
    })();
  }, 0);
  nightly.unref();

  return {
    stop: async () => {
      stopped = true;
      if (nightly) clearTimeout(nightly);
      if (poll) clearTimeout(poll);
      abort.abort(new Error('server shutting down'));
      await running;
    },
  };
}

function summary(report: ExportReport): string {
  return report.files.map((f) => `${f.name} ${f.rows}`).join(', ');
}

/** Runs `write` holding the dump directory's lock; null when another process holds it. */
async function withLock<T>(dumpDir: string, write: () => Promise<T>): Promise<T | null> {
  await mkdir(dumpDir, { recursive: true });
  const path = join(dumpDir, LOCK);
  const take = () => open(path, 'wx');
  let handle = await take().catch(async (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e;
    const age = Date.now() - ((await stat(path).catch(() => null))?.mtimeMs ?? 0);
    if (age < STALE_LOCK_MS) return null;
    await unlink(path).catch(() => undefined); // a dead writer's: whoever creates it next wins
    return take().catch(() => null);
  });
  if (!handle) return null;
  try {
    await handle.writeFile(`${process.pid}@${hostname()} ${new Date().toISOString()}\n`);
    await handle.close();
    handle = null;
    return await write();
  } finally {
    await handle?.close();
    await unlink(path).catch(() => undefined);
  }
}
