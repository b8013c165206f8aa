// `npm run bench:alerts`: matching 10 000 confirmed subscriptions (BENCH_ALERTS_SUBSCRIPTIONS)
// against one published meeting of 20 items on SQLite: the match alone (the search index asked
// once per distinct search text, the meeting's public documents built once), then match and
// queue (one mail with its manage token per matching subscription, in one transaction).
// Figures go into BENCHMARKS.md; never a pass/fail (shared machines are noisy).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import type { Principal } from '../src/domain/access.js';
import { newId } from '../src/domain/ids.js';
import { matchPublication, queueAlertsFor } from '../src/services/alerts/matching.js';
import { addItem } from '../src/services/lifecycle/items.js';
import { createMeeting } from '../src/services/lifecycle/meetings.js';
import { publishAgenda } from '../src/services/lifecycle/publication.js';
import { migrateToLatest, openDatabase } from '../src/storage/db.js';
import { FileStore } from '../src/storage/file-store.js';
import { unprocessedAlertEvents } from '../src/storage/repositories/alert-events.js';
import { mailQueueCounts } from '../src/storage/repositories/mail-queue.js';
import { insertSubscription } from '../src/storage/repositories/subscriptions.js';
import { seedMunicipality } from '../test/support/factories.js';
import { writeBenchBlock } from './report.js';

const N = Number(process.env.BENCH_ALERTS_SUBSCRIPTIONS ?? 10_000);
const WORDS = ['skolestruktur', 'budget', 'trafik', 'cykelsti', 'daginstitution', 'ældrepleje', 'lokalplan', 'vandløb', 'idrætshal', 'bibliotek'];
// A vocabulary of 2 000 search texts: the ten topic words (which match) and their variants and
// unrelated words (which mostly do not), so the index is asked many distinct questions.
const vocabulary = Array.from({ length: 2000 }, (_, i) => (i < 10 ? WORDS[i]! : i % 3 === 0 ? `${WORDS[i % 10]!} ${WORDS[(i * 7) % 10]!}` : `emne${i}`));

const dir = mkdtempSync(join(tmpdir(), 'protokol-bench-alerts-'));
const config = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`, FILES_DIR: join(dir, 'files'), LOG_LEVEL: 'silent' });
const database = await openDatabase(config.database);
try {
  await migrateToLatest(database);
  const files = new FileStore(config.filesDir);
  const seed = await seedMunicipality(database.db, files);
  const deps = { database, files, now: () => new Date() };
  const secretary: Principal = { kind: 'system', id: 'system', label: 'bench', role: 'admin', bodyId: null, committeeIds: null, personId: null };
  const meeting = await createMeeting(deps, secretary, { organizationId: seed.committeeId, date: '2025-05-13', start: '16:00' });
  const papers: string[] = [];
  for (let i = 0; i < 20; i++) {
    const w = WORDS[i % WORDS.length]!;
    const item = await addItem(deps, secretary, meeting.id, {
      title: `${w[0]!.toUpperCase()}${w.slice(1)}: sag ${i + 1}`,
      public: true,
      caseNumber: `25-${String(10_000 + i)}`,
      sections: [{ heading: 'Sagsfremstilling', text: `Forvaltningen har udarbejdet et forslag om ${w} og ${WORDS[(i + 3) % 10]!}. `.repeat(20) }],
    });
    if (item.paperId) papers.push(item.paperId);
  }
  await publishAgenda(deps, secretary, meeting.id);
  const [event] = await unprocessedAlertEvents(database.db);
  if (!event) throw new Error('no publication event');

  const at = new Date().toISOString();
  const texts = new Set<string>();
  await database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < N; i++) {
      const r = i % 20;
      const kind = r < 14 ? 'search' : r < 16 ? 'case' : r < 18 ? 'committee' : r < 19 ? 'person' : 'all';
      const target = kind === 'case' ? papers[i % papers.length]! : kind === 'committee' ? seed.committeeId : kind === 'person' ? seed.people.chair.id : null;
      const query = kind === 'search' ? vocabulary[i % vocabulary.length]! : null;
      if (query) texts.add(query);
      await insertSubscription(
        trx,
        {
          id: newId(),
          email: `borger${i}@example.dk`,
          kind,
          target,
          query,
          label: query ?? kind,
          frequency: 'instant',
          confirmedAt: at,
          createdAt: at,
          lastDigestAt: null,
        },
        `bench-${i}`,
      );
    }
  });

  const alerts = { database, baseUrl: 'https://dagsorden.example.dk', now: () => new Date() };
  const t0 = performance.now();
  const { matches } = await matchPublication(alerts, event);
  const matchMs = performance.now() - t0;
  const t1 = performance.now();
  const queued = await queueAlertsFor(alerts, event);
  const queueMs = performance.now() - t1;
  const counts = await mailQueueCounts(database.db);
  const distinct = texts.size;
  writeBenchBlock(
    'bench-alerts',
    `SQLite, ${N} confirmed subscriptions (70 % searches over ${distinct} distinct texts, 10 % cases, 10 % the committee, 5 % a person, 5 % all) against one published agenda of 20 items`,
    [
      `| match only (public documents + one index search per distinct text) | ${matchMs.toFixed(0)} ms |`,
      `| subscriptions matched | ${matches.size} |`,
      `| match + queue the mails (one transaction) | ${queueMs.toFixed(0)} ms |`,
      `| mails queued | ${queued.mails} (queue: ${JSON.stringify(counts)}) |`,
    ],
    '## Alerts (`npm run bench:alerts`)\n\nMatching every confirmed subscription against one published meeting, as the alert pass in `serve` does after a publication.\n',
  );
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
