// Issue 14's must-show: while a PDF bomb and two DOCX bombs (one whose zip headers lie about
// the size) are uploaded to the real server, `/` keeps answering. Each bomb is stored, marked
// unreadable with the bound that stopped it, and blocks publishing until marked checked.
// Latency and RSS are printed (BENCHMARKS.md), not asserted: the machine is shared. Through
// the real binary, since app.request() would not show a stalled event loop.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { createApiToken } from '../../src/services/auth/tokens.js';
import { type Database, openDatabase } from '../../src/storage/db.js';
import { FileStore } from '../../src/storage/file-store.js';
import { docxBomb, lyingDocxBomb, pdfBomb } from '../support/bombs.js';
import { type RunningServer, cliEnv, runCli, startServer } from '../support/cli.js';
import { createEmptyDatabase } from '../support/databases.js';
import { type SeededMunicipality, seedMunicipality } from '../support/factories.js';
import { freePort } from '../support/postgres-server.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// Built once, before any server starts: compressing 400 MB takes this (test) process seconds,
// which would stall the probe itself.
const bombs = [
  { name: 'bombe.pdf', type: 'application/pdf', bytes: pdfBomb(150), format: 'application/pdf' },
  { name: 'bombe.docx', type: DOCX, bytes: docxBomb(400), format: DOCX },
  { name: 'loegn.docx', type: DOCX, bytes: lyingDocxBomb(400), format: DOCX },
];

/** Peak resident set of a process (VmHWM), in MB; null where /proc is not there. */
export function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`uploads in the extraction sandbox, real server on ${dialect}`, () => {
    let database: Database;
    let seed: SeededMunicipality;
    let server: RunningServer;
    let bearer: string;
    let drop: () => Promise<void>;

    before(async () => {
      const empty = await createEmptyDatabase(dialect);
      drop = empty.drop;
      const filesDir = join(mkdtempSync(join(tmpdir(), 'protokol-sandbox-')), 'files');
      const env = cliEnv({ DATABASE_URL: empty.url, FILES_DIR: filesDir, PORT: String(await freePort()), OPEN_DATA_NIGHTLY: '0' });
      const migrated = await runCli(['migrate'], env);
      assert.equal(migrated.code, 0, migrated.stderr);
      database = await openDatabase(loadConfig({ DATABASE_URL: empty.url, FILES_DIR: filesDir }).database);
      seed = await seedMunicipality(database.db, new FileStore(filesDir));
      bearer = (await createApiToken(database, { name: 'ESDH', role: 'secretary', municipality: seed.bodySlug })).token;
      server = await startServer([], env);
    });
    after(async () => {
      await server?.stop('SIGINT');
      await database?.close();
      await drop?.();
    });

    const api = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> => {
      const headers: Record<string, string> = { Authorization: `Bearer ${bearer}` };
      let payload: string | FormData | undefined;
      if (body instanceof FormData) payload = body;
      else if (body !== undefined) {
        payload = JSON.stringify(body);
        headers['Content-Type'] = 'application/json';
      }
      const res = await fetch(`${server.url}/api/v1${path}`, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
      const text = await res.text();
      return { status: res.status, json: (text ? JSON.parse(text) : null) as T };
    };

    it('keeps answering / while bombs upload; each is stored as unreadable and blocks the agenda until checked', async () => {
      const meetingId = (await api<{ id: string }>('POST', '/meetings', { organization: seed.committeeId, start: '2025-04-08T16:00' })).json.id;
      const item = await api<{ id: string }>('POST', `/meetings/${meetingId}/items`, {
        title: 'Budget 2026',
        public: true,
        sections: [{ heading: 'Sagsfremstilling', text: 'Budgettet.' }],
      });
      assert.equal(item.status, 201);

      assert.equal((await fetch(`${server.url}/`)).status, 200, 'a warm-up request');

      // The probe: `/` every 50 ms for as long as the uploads run.
      let probing = true;
      const latencies: number[] = [];
      const failures: string[] = [];
      const probe = (async () => {
        while (probing) {
          const t0 = performance.now();
          try {
            const res = await fetch(`${server.url}/`);
            await res.arrayBuffer();
            if (res.status !== 200) failures.push(`status ${res.status}`);
          } catch (e) {
            failures.push((e as Error).message);
          }
          latencies.push(performance.now() - t0);
          await new Promise((r) => setTimeout(r, 50));
        }
      })();

      const results: { id: string; textStatus: string; textProblem: string | null }[] = [];
      try {
        for (const b of bombs) {
          const form = new FormData();
          form.set('file', new Blob([b.bytes], { type: b.type }), b.name);
          form.set('title', b.name);
          form.set('public', 'true');
          const res = await api<{ id: string; textStatus: string; textProblem: string | null }>('POST', `/items/${item.json.id}/attachments`, form);
          assert.equal(res.status, 201, `${b.name} is stored: ${JSON.stringify(res.json)}`);
          results.push(res.json);
        }
      } finally {
        probing = false;
        await probe;
      }
      const rss = peakRssMb(server.child.pid!);
      const sizes = bombs.map((b) => `${b.name} ${(b.bytes.length / 1024).toFixed(0)} KB`).join(', ');
      console.log(
        `[upload-sandbox ${dialect}] ${sizes}; / answered ${latencies.length} times, max ${Math.max(...latencies).toFixed(0)} ms; server peak RSS ${rss?.toFixed(0) ?? '?'} MB`,
      );

      assert.deepEqual(failures, [], 'every / request succeeded');
      assert.ok(latencies.length >= 3, `/ was requested during the uploads (${latencies.length} times)`);
      if (rss !== null) assert.ok(rss < 512, `server peak RSS ${rss.toFixed(0)} MB < 512 MB`);
      for (const r of results) {
        assert.equal(r.textStatus, 'unreadable');
        assert.match(r.textProblem ?? '', /kunne ikke læses: .*\((tid|hukommelse|udpakket størrelse|tekstmængde)\)/);
      }
      assert.match(results[1]!.textProblem!, /udpakket størrelse/, 'the DOCX bomb passes the decompressed-size bound');
      assert.match(results[2]!.textProblem!, /udpakket størrelse/, 'the lying header is caught by the bytes really inflated');
      assert.match(results[0]!.textProblem!, /udpakket størrelse/, 'the PDF bomb passes the decompressed-size bound');

      const staff = await api<{ items: { id: string; attachments: { id: string; textStatus: string; textProblem: string | null; mediaType: string }[] }[] }>(
        'GET',
        `/meetings/${meetingId}`,
      );
      const files = staff.json.items.find((i) => i.id === item.json.id)!.attachments;
      assert.deepEqual(
        files.map((f) => [f.textStatus, f.mediaType]),
        bombs.map((b) => ['unreadable', b.format]),
      );
      assert.ok(
        files.every((f) => f.textProblem !== null),
        'the reason is stored with the file',
      );

      const refused = await api<{ error: { details: { hits: { attachmentId: string; fingerprint: string; reason: string }[] } } }>(
        'POST',
        `/meetings/${meetingId}/publish-agenda`,
      );
      assert.equal(refused.status, 409, 'publishing is blocked');
      const hits = refused.json.error.details.hits;
      assert.deepEqual(hits.map((h) => [h.attachmentId, h.reason]).sort(), results.map((r) => [r.id, 'unscanned']).sort());
      for (const h of hits) assert.equal((await api('POST', `/meetings/${meetingId}/cpr-false-positives`, { fingerprint: h.fingerprint })).status < 300, true);
      assert.equal((await api('POST', `/meetings/${meetingId}/publish-agenda`)).status, 200, 'published once a person marked them checked');
    });
  });
}
