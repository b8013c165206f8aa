// A saved search as an Atom feed (/soeg/feed.atom?q=…): the same search the page runs, newest
// meeting first, so people who do not want e-mail follow the same thing in a feed reader.
// The index holds only what the public may see, so the feed can hold nothing else.
import { Hono } from 'hono';
import { DomainError } from '../../domain/errors.js';
import { nameUuid, renderAtom } from '../../render/atom.js';
import { type SearchService, portalVocabulary, searchParamsSchema } from '../../services/search/search.js';
import { parseQuery } from '../middleware/request-guard.js';

const schema = searchParamsSchema(portalVocabulary);
const unmark = (s: string) => s.replaceAll('\u0001', '').replaceAll('\u0002', '');

export function searchFeedRoutes(deps: { search?: SearchService | undefined; baseUrl: string }): Hono {
  const app = new Hono();
  app.get('/soeg/feed.atom', async (c) => {
    const params = parseQuery(c, schema);
    if (!deps.search) throw new DomainError('unavailable', 'Søgningen er ikke sat op');
    // Without words the search finds nothing: an empty feed (a link stripped of its query stays valid).
    const outcome = params.q.trim() === '' ? { result: null } : await deps.search.search({ ...params, sort: 'date', page: 1 });
    const query = `q=${encodeURIComponent(params.q)}`;
    const xml = renderAtom({
      id: nameUuid(`${deps.baseUrl}/soeg/feed.atom?${query}`),
      title: `Søgning: ${params.q}`,
      selfUrl: `${deps.baseUrl}/soeg/feed.atom?${query}`,
      alternateUrl: `${deps.baseUrl}/soeg?${query}`,
      author: 'Protokol',
      entries: (outcome.result?.hits ?? []).map((h) => ({
        id: nameUuid(`${deps.baseUrl}${h.url}`),
        title: `${h.title} (${h.organizationName})`,
        updated: `${h.meetingDate}T00:00:00Z`,
        link: `${deps.baseUrl}${h.url}`,
        summary: unmark(h.snippet),
      })),
    });
    return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' });
  });
  return app;
}
