// The meeting's documents as PDF: /moeder/:id/dagsorden.pdf, /referat.pdf (404 until the
// minutes are published) and /samlet.pdf (the agenda with the public attachments merged in).
// `?udgave=medlemmer` gives the agenda or minutes with the closed items, for the committee's
// members and secretariat only: anonymous → /login, anyone else → 403, and never cacheable
// by anyone but the member's own browser session (private, no-store).
//
// The public PDFs carry the content hash as their ETag and are revalidated on every use
// (no-cache), as the pages are: a correction must reach the reader at once. The page cache
// (middleware/page-cache.ts) never holds them: it keeps only text/html, and skips every
// request with a query string, so the members' edition cannot pass through it either.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { publicPaths } from '../../domain/public-urls.js';
import type { AuthEnv } from '../auth/context.js';
import type { DocumentKind, MeetingDocuments } from '../../services/meeting-documents.js';
import { noneMatchHits } from '../middleware/etag.js';
import { parseQuery } from '../middleware/request-guard.js';

// `hent=1`: the download form (OParl Meeting.invitation / resultsProtocol downloadUrl).
const querySchema = z.object({ udgave: z.enum(['offentlig', 'medlemmer']).optional(), hent: z.literal('1').optional() }).strict();

/** Where the meeting page links to; `edition` members adds the query. */
export const documentHref = (meetingId: string, kind: DocumentKind, members = false): string => publicPaths.document(meetingId, kind, members);

export function documentRoutes(documents: MeetingDocuments): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const serve = (kind: DocumentKind) => async (c: Context<AuthEnv>) => {
    const { udgave, hent } = parseQuery(c, querySchema);
    const members = udgave === 'medlemmer';
    // Without the staff side (portal-only apps) there is no principal at all.
    const actor = members ? (c.get('principal') ?? null) : null;
    const doc = await documents.prepare({ meetingId: c.req.param('id') ?? '', kind, edition: members ? 'members' : 'public', actor });
    const headers: Record<string, string> = {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `${hent ? 'attachment' : 'inline'}; filename="${doc.fileName}"`,
      'Cache-Control': members ? 'private, no-store' : 'no-cache',
    };
    if (!members) {
      const etag = `"${doc.hash}"`;
      headers.ETag = etag;
      // Answered before anything is rendered or read from the cache.
      if (noneMatchHits(c.req.header('If-None-Match'), etag)) return c.body(null, 304, { ETag: etag, 'Cache-Control': 'no-cache' });
    }
    const bytes = await doc.bytes();
    return c.body(new Uint8Array(bytes), 200, { ...headers, 'Content-Length': String(bytes.byteLength) });
  };
  app.get('/moeder/:id/dagsorden.pdf', serve('dagsorden'));
  app.get('/moeder/:id/referat.pdf', serve('referat'));
  app.get('/moeder/:id/samlet.pdf', serve('samlet'));
  return app;
}
