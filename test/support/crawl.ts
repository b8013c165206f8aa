// Follows every internal link from a start page through Hono's app.request(), as a visitor
// or a search engine would, and keeps each response's status and body. Internal means a
// root-relative href, or (given the public baseUrl) an absolute URL on that origin wherever
// it appears: the sitemap's <loc>, the Atom feed's href and the calendar's URL: lines.
import type { Hono } from 'hono';

export interface Visited {
  status: number;
  body: string;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function crawl(app: Hono, start: string | string[] = '/', limit = 1000, baseUrl?: string): Promise<Map<string, Visited>> {
  const visited = new Map<string, Visited>();
  const queue = Array.isArray(start) ? [...start] : [start];
  const absolute = baseUrl ? new RegExp(`${escapeRegExp(baseUrl.replace(/\/$/, ''))}(/[^"#?<\\s\\\\]*)`, 'g') : null;
  while (queue.length > 0 && visited.size < limit) {
    const path = queue.shift()!;
    if (visited.has(path)) continue;
    const res = await app.request(path);
    const bytes = Buffer.from(await res.arrayBuffer());
    // PDFs are searched as latin1 so text streams match byte for byte; HTML as UTF-8.
    const body = (res.headers.get('content-type') ?? '').includes('pdf') ? bytes.toString('latin1') : bytes.toString('utf8');
    visited.set(path, { status: res.status, body });
    const found = [...body.matchAll(/href="(\/[^"#?]*)/g)].map((m) => m[1]!);
    // Calendar lines are folded at 75 octets; unfold before looking for URLs in them.
    if (absolute) found.push(...[...body.replace(/\r\n /g, '').matchAll(absolute)].map((m) => m[1]!));
    for (const next of found) {
      if (!visited.has(next)) queue.push(next);
    }
  }
  return visited;
}

export function brokenLinks(visited: Map<string, Visited>): string[] {
  return [...visited].filter(([, r]) => r.status !== 200).map(([p, r]) => `${p} → ${r.status}`);
}
