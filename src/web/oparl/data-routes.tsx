// /data/: the latest nightly dump (written by `protokol serve` itself, or by `protokol export`)
// for download, with its README, on a portal page. Only the names the export writes are ever
// served from the dump directory.
import { readFile } from 'node:fs/promises';
import { setTimeout } from 'node:timers/promises';
import { Hono } from 'hono';
import { DomainError } from '../../domain/errors.js';
import { type DumpListing, dumpFilePath, isDumpFileName, latestDump } from '../../services/export/export.js';
import { Layout } from '../portal/layout.js';
import { sendPage } from '../portal/render.js';

const types: Record<string, string> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

const kb = (bytes: number) => `${new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 }).format(bytes / 1024)} kB`;

function DataPage(props: { listing: DumpListing; baseUrl: string }) {
  const { files, generated } = props.listing;
  return (
    <Layout title="Åbne data" path="/data/" baseUrl={props.baseUrl} breadcrumbs={[{ label: 'Forside', href: '/' }, { label: 'Åbne data' }]}>
      <h1>Åbne data</h1>
      <p>
        Alle offentlige dagsordener, referater, sager, beslutninger og bilag kan hentes som data. Data følger den åbne standard OParl 1.1 og kan også hentes
        løbende gennem OParl-API'et på <a href="/oparl/v1/">/oparl/v1/</a>.
      </p>
      <h2>Seneste samlede udtræk</h2>
      {files.length === 0 ? (
        <p>Der er endnu ikke lavet et udtræk. Det laves hver nat.</p>
      ) : (
        <>
          {generated ? <p>Lavet {generated.slice(0, 10)}. Filen README.md beskriver hver kolonne.</p> : null}
          <ul>
            {files.map((f) => (
              <li>
                <a href={`/data/${f.name}`}>{f.name}</a> ({kb(f.size)})
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}

export function dataRoutes(dumpDir: string, baseUrl: string): Hono {
  const app = new Hono();
  app.get('/data', (c) => c.redirect('/data/', 301));
  app.get('/data/', async (c) => sendPage(c, <DataPage listing={await latestDump(dumpDir)} baseUrl={baseUrl} />));
  app.get('/data/:name', async (c) => {
    const name = c.req.param('name');
    // A new dump is swapped in by two renames; in the instant between them, look once more.
    const read = () => readFile(dumpFilePath(dumpDir, name));
    const bytes = isDumpFileName(name)
      ? await read()
          .catch(() => setTimeout(50).then(read))
          .catch(() => null)
      : null;
    if (!bytes) throw new DomainError('not_found', 'Filen findes ikke', name);
    const ext = name.split('.').at(-1) ?? '';
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': types[ext] ?? 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-cache',
    });
  });
  return app;
}
