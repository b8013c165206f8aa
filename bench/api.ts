// `npm run bench:api`: the OParl meeting list pages by keyset, so a page deep into 10 000
// meetings should cost what a page of 100 meetings does. Generates one municipality with 100
// and one with 10 000 meetings in a fresh SQLite database, then times the first, the middle
// and the last page of each (p50 of sequential in-process requests through the whole web
// app, no socket), and writes the figures into BENCHMARKS.md ("OParl API"). Never pass/fail.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { createWebApp } from '../src/main.js';
import { migrateToLatest, openDatabase } from '../src/storage/db.js';
import { FileStore } from '../src/storage/file-store.js';
import { saveBody, saveOrganization } from '../src/storage/repositories/archive-writer.js';
import { stableId } from '../src/domain/ids.js';
import { writeBenchBlock } from './report.js';

const BASE = 'http://127.0.0.1:3000';
const LIMIT = 20;
const REPEAT = 50;

const dir = mkdtempSync(join(tmpdir(), 'protokol-bench-api-'));
const config = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`, FILES_DIR: join(dir, 'files'), LOG_LEVEL: 'silent' });
const database = await openDatabase(config.database);
await migrateToLatest(database);

async function municipality(slug: string, meetings: number): Promise<string> {
  return database.db.transaction().execute(async (trx) => {
    const bodyId = await saveBody(trx, { source: 'bench', externalId: slug, slug, name: slug, website: null });
    const organizationId = await saveOrganization(trx, {
      source: 'bench',
      externalId: `${slug}-ku`,
      bodyId,
      termId: null,
      name: 'Kommunalbestyrelsen',
      shortName: 'KB',
      kind: 'council',
      predecessorId: null,
    });
    const now = new Date().toISOString();
    for (let start = 0; start < meetings; start += 500) {
      const rows = [];
      for (let i = start; i < Math.min(meetings, start + 500); i++) {
        const day = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
        rows.push({
          id: stableId('bench', `${slug}-m${i}`),
          organizationId,
          date: day,
          startTime: '16:00',
          endTime: '18:00',
          location: 'Byrådssalen',
          state: 'planned',
          cancelled: 0,
          source: 'bench',
          externalId: `${slug}-m${i}`,
          createdAt: now,
          updatedAt: now,
        });
      }
      await trx.insertInto('meeting').values(rows).execute();
    }
    return bodyId;
  });
}

const small = await municipality('lille', 100);
const large = await municipality('stor', 10_000);
const app = createWebApp(database, new FileStore(config.filesDir), { baseUrl: BASE });

async function json(path: string): Promise<{ links: Record<string, string>; pagination: Record<string, number> }> {
  const res = await app.request(path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as { links: Record<string, string>; pagination: Record<string, number> };
}

async function p50(path: string): Promise<number> {
  for (let i = 0; i < 10; i++) await json(path); // warm the statement cache and the pages
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    await json(path);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

/** The first, middle and last page's paths (the middle one reached by walking `next`). */
async function pages(bodyId: string): Promise<{ first: string; middle: string; last: string; total: number; middleNo: number }> {
  const first = `/oparl/v1/body/${bodyId}/meeting?limit=${LIMIT}`;
  const head = await json(first);
  const total = head.pagination.totalPages ?? 1;
  const middleNo = Math.ceil(total / 2);
  let page = head;
  let path = first;
  for (let n = 1; n < middleNo; n++) {
    path = page.links.next!.slice(BASE.length);
    page = await json(path);
  }
  return { first, middle: path, last: head.links.last!.slice(BASE.length), total, middleNo };
}

const rows: string[] = [];
for (const [label, bodyId] of [
  ['100 meetings', small],
  ['10 000 meetings', large],
] as const) {
  const p = await pages(bodyId);
  const [first, middle, last] = [await p50(p.first), await p50(p.middle), await p50(p.last)];
  rows.push(
    `| ${label} (${p.total} pages of ${LIMIT}): first / middle (page ${p.middleNo}) / last page | p50 ${first.toFixed(1)} / ${middle.toFixed(1)} / ${last.toFixed(1)} ms |`,
  );
}
await database.close();
rmSync(dir, { recursive: true, force: true });

writeBenchBlock(
  'bench-api',
  `SQLite, in-process requests through the whole app (app.request, no socket), after 10 warm-up requests the p50 of ${REPEAT} sequential requests per page; the meetings have no items (nothing embedded)`,
  rows,
  '## OParl API (`npm run bench:api`)\n\nThe meeting list of `/oparl/v1/body/<id>/meeting` pages by keyset on (modified, id), never by OFFSET: the last of 500 pages costs what the first does. What grows with the list is only the two counts every page makes for `pagination` (totalElements, and the keys before the page for currentPage), which is where the extra milliseconds of the larger list go.\n\n',
);
