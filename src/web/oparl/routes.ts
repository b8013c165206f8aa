// The open-data edge: the OParl 1.1 API under /oparl/v1 (public, read-only, CORS open to every
// origin as spec 2-06 requires) and the bulk dumps under /data/. Thin: validate the query, call
// OparlService, send JSON. Errors inside /oparl/v1 are OParl error objects (spec 2-09).
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { DEFAULT_LIMIT, type ListParams, MAX_LIMIT, type OparlService } from '../../services/oparl/service.js';
import { parseFilterTime } from '../../services/oparl/time.js';
import { type BodyList, OPARL_PREFIX, bodyLists, segmentOf } from '../../services/oparl/urls.js';
import { dataRoutes } from './data-routes.js';

export interface OpenDataDeps {
  oparl: OparlService;
  /** Where `protokol export` writes the nightly dump (FILES_DIR/open-data); null: no /data/. */
  dumpDir: string | null;
  baseUrl: string;
}

const ERROR_TYPE = 'https://schema.oparl.org/1.1/Error';
const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS' };

const filterTime = (field: string) =>
  z
    .string()
    .max(64, `${field} er for lang`)
    .transform((raw, ctx) => {
      const parsed = parseFilterTime(raw);
      if (parsed === null) {
        ctx.addIssue({ code: 'custom', message: `${field} skal være et tidspunkt med tidszone, fx 2024-01-01T00:00:00+01:00` });
        return z.NEVER;
      }
      return parsed;
    })
    .optional();

const listQuery = z
  .object({
    created_since: filterTime('created_since'),
    created_until: filterTime('created_until'),
    modified_since: filterTime('modified_since'),
    modified_until: filterTime('modified_until'),
    omit_internal: z.enum(['true', 'false'], { message: 'omit_internal skal være true eller false' }).optional(),
    limit: z.coerce
      .number({ message: 'limit skal være et tal' })
      .int('limit skal være et helt tal')
      .min(1, 'limit skal være mindst 1')
      .max(MAX_LIMIT, `limit må højst være ${MAX_LIMIT}`)
      .optional(),
    page: z.string().max(512, 'page er for lang').optional(),
  })
  .passthrough();

function listParams(c: Context): ListParams {
  const parsed = listQuery.safeParse(c.req.query());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError('invalid_input', issue?.message ?? 'Ugyldig forespørgsel', issue?.path.join('.'));
  }
  const q = parsed.data;
  return {
    filters: { createdSince: q.created_since, createdUntil: q.created_until, modifiedSince: q.modified_since, modifiedUntil: q.modified_until },
    omitInternal: q.omit_internal === 'true',
    limit: q.limit ?? DEFAULT_LIMIT,
    page: q.page,
  };
}

const status = (e: DomainError) => (e.code === 'not_found' ? 404 : e.code === 'invalid_input' ? 400 : e.code === 'unavailable' ? 503 : 500);

function sendJson(c: Context, body: unknown, code: 200 | 400 | 404 | 500 | 503 = 200): Response {
  return c.body(JSON.stringify(body), code, { 'Content-Type': 'application/json; charset=utf-8', ...CORS });
}

const listBySegment = new Map<string, BodyList>(Object.entries(bodyLists).map(([k, v]) => [v, k as BodyList]));
const typeBySegment = new Map<string, keyof typeof segmentOf>(Object.entries(segmentOf).map(([k, v]) => [v, k as keyof typeof segmentOf]));

export function oparlRoutes(oparl: OparlService): Hono {
  const app = new Hono();
  app.onError((err, c) => {
    if (err instanceof DomainError) {
      return sendJson(c, { type: ERROR_TYPE, message: err.message, debug: err.where ? `Parameter/objekt: ${err.where}` : err.code }, status(err));
    }
    throw err; // the app's error handler logs it and answers 500
  });
  app.options('*', (c) => c.body(null, 204, { ...CORS, 'Access-Control-Max-Age': '86400' }));

  app.get('/body', async (c) => sendJson(c, await oparl.bodyList(listParams(c))));
  app.get('/body/:id', async (c) => sendJson(c, await oparl.body(c.req.param('id'))));
  app.get('/body/:id/:list', async (c) => {
    const list = listBySegment.get(c.req.param('list'));
    if (!list) throw new DomainError('not_found', `Listen ${c.req.param('list')} findes ikke`, c.req.path);
    return sendJson(c, await oparl.list(c.req.param('id'), list, listParams(c)));
  });
  app.get('/organization/:id/meeting', async (c) => sendJson(c, await oparl.organizationMeetings(c.req.param('id'), listParams(c))));
  app.get('/party/:bodyId/:letter', async (c) => sendJson(c, await oparl.party(c.req.param('bodyId'), c.req.param('letter'))));
  app.get('/location/:bodyId/:key', async (c) => sendJson(c, await oparl.location(c.req.param('bodyId'), c.req.param('key'))));
  app.get('/:segment/:id', async (c) => {
    const type = typeBySegment.get(c.req.param('segment'));
    if (!type) throw new DomainError('not_found', `Adressen ${c.req.path} findes ikke`, c.req.path);
    return sendJson(c, await oparl.object(type, c.req.param('id')));
  });
  app.all('*', (c) => {
    throw new DomainError('not_found', `Adressen ${c.req.path} findes ikke i OParl-API'et`, c.req.path);
  });
  return app;
}

/** Mounted at "/" by web/app.ts: /oparl/v1 (without and with a trailing slash) and /data/. */
export function openDataRoutes(deps: OpenDataDeps): Hono {
  const app = new Hono();
  // The System answers with and without the trailing slash (its id has one).
  const system = async (c: Context) => sendJson(c, await deps.oparl.system());
  app.get(OPARL_PREFIX, system);
  app.get(`${OPARL_PREFIX}/`, system);
  app.route(OPARL_PREFIX, oparlRoutes(deps.oparl));
  if (deps.dumpDir) app.route('/', dataRoutes(deps.dumpDir, deps.baseUrl));
  return app;
}
