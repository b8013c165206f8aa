// The OpenAPI document at /api/v1/openapi.json: it parses, describes exactly the routes the
// app registers under /api/v1 (compared with Hono's own route list), every $ref resolves, and
// every operation lists the errors it can answer with. The request schemas come from the
// routes' zod schemas, so a body the document calls valid is accepted and one it forbids
// (an unknown field) is refused.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { forEachDatabase } from '../support/databases.js';
import { seedMunicipality } from '../support/factories.js';
import { ApiClient, BASE_URL, type ApiErrorBody, staffApp, token } from './api-lifecycle-helpers.js';

interface OpenApiOperation {
  operationId: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { required: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { $ref?: string; description?: string }>;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

/** Every "$ref" in a JSON value. */
function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refs(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

forEachDatabase('integration API: the OpenAPI document', (t) => {
  let app: Hono;
  let doc: OpenApiDocument;
  let secretary: ApiClient;
  let seed: Awaited<ReturnType<typeof seedMunicipality>>;

  before(async () => {
    const { database, filesDir } = t();
    const built = staffApp(database, filesDir);
    app = built.app;
    seed = await seedMunicipality(database.db, built.files);
    secretary = new ApiClient(app, await token(database, 'secretary', { municipality: 'testrup' }));
    const res = await app.request('/api/v1/openapi.json');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    doc = (await res.json()) as OpenApiDocument;
  });

  it('is an OpenAPI 3.1 document for this site', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.info.version, '1');
    assert.deepEqual(doc.servers, [{ url: BASE_URL }]);
    assert.ok(doc.components.securitySchemes.bearer);
  });

  it('describes exactly the routes the app registers under /api/v1', () => {
    const registered = new Set(app.routes.filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)),
    );
    assert.deepEqual([...documented].sort(), [...registered].sort());
    for (const must of [
      'POST /api/v1/meetings',
      'POST /api/v1/items/:id/attachments',
      'PUT /api/v1/items/:id/decision',
      'GET /api/v1/search',
      'GET /api/v1/openapi.json',
    ]) {
      assert.ok(registered.has(must), must);
    }
  });

  it('resolves every $ref and gives every operation its error responses', () => {
    for (const ref of refs(doc)) {
      const [, section, name] = /^#\/components\/(schemas|responses)\/(.+)$/.exec(ref) ?? [];
      assert.ok(section && name && (doc.components as unknown as Record<string, Record<string, unknown>>)[section]?.[name], `${ref} resolves`);
    }
    const ids = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${path}`;
        assert.ok(!ids.has(op.operationId), `${where}: unique operationId`);
        ids.add(op.operationId);
        const statuses = Object.keys(op.responses);
        assert.ok(
          statuses.some((s) => s.startsWith('2')),
          `${where}: a success response`,
        );
        const isPublic = Array.isArray(op.security) && op.security.length === 0;
        if (!isPublic) {
          assert.ok(statuses.includes('401'), `${where}: 401`);
          if (path !== '/api/v1/me') assert.ok(statuses.includes('403'), `${where}: 403`);
        }
        const hasInput = (op.parameters?.length ?? 0) > 0 || op.requestBody !== undefined;
        if (hasInput) assert.ok(statuses.includes('400'), `${where}: 400`);
        if (path.includes('{id}')) assert.ok(statuses.includes('404'), `${where}: 404`);
        if (['post', 'put', 'patch', 'delete'].includes(method) && !isPublic)
          assert.ok(statuses.includes('409') || path.endsWith('/cpr-false-positives') || path.endsWith('/meetings/series'), `${where}: 409`);
        for (const p of (op.parameters ?? []).filter((x) => x.in === 'path'))
          assert.ok(path.includes(`{${p.name}}`) && p.required, `${where}: path parameter ${p.name}`);
      }
    }
  });

  it('takes its request schemas from the routes: a documented body is accepted, an undocumented field refused', async () => {
    const create = doc.paths['/api/v1/meetings']?.post?.requestBody?.content['application/json']?.schema as {
      properties: Record<string, unknown>;
      required: string[];
      additionalProperties: boolean;
    };
    assert.deepEqual(Object.keys(create.properties).sort(), ['end', 'location', 'organization', 'start']);
    assert.deepEqual(create.required.sort(), ['organization', 'start']);
    assert.equal(create.additionalProperties, false);
    const ok = await secretary.post<{ id: string }>('/api/v1/meetings', {
      organization: seed.committeeId,
      start: '2025-10-07T16:00',
      end: '2025-10-07T18:00',
      location: 'Rådhuset',
    });
    assert.equal(ok.status, 201, ok.text);
    const unknown = await secretary.post<ApiErrorBody>('/api/v1/meetings', { organization: seed.committeeId, start: '2025-10-07', room: 'A' });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.json.error.field, 'room');

    const upload = doc.paths['/api/v1/items/{id}/attachments']?.post?.requestBody?.content['multipart/form-data']?.schema as { required: string[] };
    assert.deepEqual(upload.required.sort(), ['file', 'public', 'title']);
    const attendance = doc.paths['/api/v1/meetings/{id}/attendance']?.put?.requestBody?.content['application/json']?.schema as { oneOf: unknown[] };
    assert.equal(attendance.oneOf.length, 2, 'the list alone, or with version and change note');
    const list = doc.paths['/api/v1/meetings']?.get?.parameters?.map((p) => p.name).sort();
    assert.deepEqual(list, ['from', 'organization', 'to']);
  });
});
