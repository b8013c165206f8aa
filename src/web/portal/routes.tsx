// The public portal's routes. Thin: read the parameters, call one PortalService use case,
// render. Not-found and other errors are thrown and mapped once in middleware/errors.tsx.
import { type Context, Hono } from 'hono';
import type { FileReader, PortalService } from '../../services/portal/portal.js';
import { AccessibilityPage } from './accessibility-page.js';
import { CasePage } from './case-page.js';
import { BodyListPage, FrontPage } from './front-page.js';
import { ItemPage } from './item-page.js';
import { MeetingPage, versionSlug } from './meeting-page.js';
import { OrganizationPage } from './organization-page.js';
import { PersonPage } from './person-page.js';
import { PEOPLE_PATH, PeopleListPage } from './people-list-page.js';
import { z } from 'zod';
import { sendPage } from './render.js';
import { DomainError } from '../../domain/errors.js';
import type { PublicationKind } from '../../domain/publication.js';
import { type SearchService, portalVocabulary, searchParamsSchema } from '../../services/search/search.js';
import { parseQuery } from '../middleware/request-guard.js';
import { SearchPage, searchPath } from './search-page.js';

export interface PortalDeps {
  portal: PortalService;
  files: FileReader;
  baseUrl: string;
  /** Absent (tests of other pages), /soeg answers 503. */
  search?: SearchService | undefined;
}

const searchSchema = searchParamsSchema(portalVocabulary);

/** /personer's filters: one value each, empty = all (the form's "Alle …" choice). */
const peopleFilterSchema = z
  .object({
    parti: z.string().trim().max(40).optional(),
    udvalg: z.string().trim().max(100).optional(),
  })
  .transform((q) => ({ party: q.parti || null, committee: q.udvalg || null }));

/** RFC 6266: an ASCII fallback name plus the exact UTF-8 name; `attachment` saves rather than shows. */
export function contentDisposition(fileName: string, kind: 'inline' | 'attachment' = 'inline'): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** An attachment's bytes, never able to run script in our origin (an uploaded HTML or SVG file). */
export function sendFile(
  c: Context,
  file: { fileName: string; mediaType: string; bytes: Uint8Array },
  headers: Record<string, string>,
  disposition: 'inline' | 'attachment' = 'inline',
): Response {
  return c.body(new Uint8Array(file.bytes), 200, {
    'Content-Type': file.mediaType,
    'Content-Disposition': contentDisposition(file.fileName, disposition),
    'Content-Length': String(file.bytes.byteLength),
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    ...headers,
  });
}

export function portalRoutes({ portal, files, baseUrl, search }: PortalDeps): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    const home = await portal.home();
    if (home.kind === 'single') return sendPage(c, <FrontPage page={home.page} path="/" baseUrl={baseUrl} isHome={true} />);
    return sendPage(c, <BodyListPage bodies={home.bodies} path="/" baseUrl={baseUrl} />);
  });

  app.get('/kommune/:slug', async (c) => {
    const page = await portal.bodyFrontPage(c.req.param('slug'));
    return sendPage(c, <FrontPage page={page} path={c.req.path} baseUrl={baseUrl} isHome={false} />);
  });

  app.get('/udvalg/:id', async (c) => {
    const page = await portal.organizationPage(c.req.param('id'));
    return sendPage(c, <OrganizationPage page={page} path={c.req.path} baseUrl={baseUrl} />);
  });

  app.get('/moeder/:id', async (c) => {
    const page = await portal.meetingPage(c.req.param('id'));
    return sendPage(c, <MeetingPage page={page} path={c.req.path} baseUrl={baseUrl} />);
  });

  // An earlier published version (the history a correction leaves): /versioner/dagsorden/1.
  app.get('/moeder/:id/versioner/:kind/:version', async (c) => {
    const kind = (Object.keys(versionSlug) as PublicationKind[]).find((k) => versionSlug[k] === c.req.param('kind'));
    const version = Number(c.req.param('version'));
    if (!kind || !Number.isSafeInteger(version) || version < 1) throw new DomainError('not_found', 'Versionen findes ikke');
    const page = await portal.versionPage(c.req.param('id'), kind, version);
    return sendPage(c, <MeetingPage page={page} path={c.req.path} baseUrl={baseUrl} />);
  });

  // The item's permalink: its meeting and printed number (URL-encoded), which a re-import
  // keeps, unlike a position. Hono hands the parameter over decoded.
  app.get('/moeder/:meetingId/punkt/:number', async (c) => {
    const page = await portal.itemPage(c.req.param('meetingId'), c.req.param('number'));
    return sendPage(c, <ItemPage page={page} path={c.req.path} baseUrl={baseUrl} />);
  });

  app.get('/sager/:paperId', async (c) => {
    const page = await portal.casePage(c.req.param('paperId'));
    return sendPage(c, <CasePage page={page} path={c.req.path} baseUrl={baseUrl} />);
  });

  app.get(PEOPLE_PATH, async (c) => {
    const list = await portal.peopleList(parseQuery(c, peopleFilterSchema));
    return sendPage(c, <PeopleListPage list={list} path={c.req.path} baseUrl={baseUrl} />);
  });

  app.get('/personer/:personId', async (c) => {
    const page = await portal.personPage(c.req.param('personId'));
    return sendPage(c, <PersonPage page={page} path={c.req.path} baseUrl={baseUrl} />);
  });

  app.get('/soeg', async (c) => {
    // Anything malformed is a 400 naming the parameter, before the index is asked.
    const params = parseQuery(c, searchSchema);
    if (!search) throw new DomainError('unavailable', 'Søgningen er ikke sat op');
    const outcome = await search.search(params);
    // One canonical URL per search, whatever else (tracking tags, defaults) the address carried.
    return sendPage(c, <SearchPage outcome={outcome} path={searchPath(outcome.params)} baseUrl={baseUrl} />);
  });

  app.get('/filer/:id/:fileName', async (c) => {
    // `?hent=1` is the download form (OParl File.downloadUrl): saved rather than shown.
    const download = c.req.query('hent') === '1';
    const file = await portal.publicFile(c.req.param('id'), c.req.param('fileName'));
    const bytes = await files.read(file.sha256);
    // Revalidate every time: a file withdrawn from publication must stop being served at
    // once, also from shared caches. The content hash makes revalidation cheap.
    return sendFile(c, { ...file, bytes }, { 'Cache-Control': 'no-cache', ETag: `"${file.sha256}"` }, download ? 'attachment' : 'inline');
  });

  app.get('/tilgaengelighed', (c) => sendPage(c, <AccessibilityPage path={c.req.path} baseUrl={baseUrl} />));

  return app;
}
