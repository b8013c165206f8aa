// Follows every internal link from a start page through Hono's app.request(), as a visitor
// or a search engine would, and keeps each response's status and body.
import type { Hono } from 'hono';

export interface Visited {
  status: number;
  body: string;
}

export async function crawl(app: Hono, start = '/', limit = 1000): Promise<Map<string, Visited>> {
  const visited = new Map<string, Visited>();
  const queue = [start];
  while (queue.length > 0 && visited.size < limit) {
    const path = queue.shift()!;
    if (visited.has(path)) continue;
    const res = await app.request(path);
    const bytes = Buffer.from(await res.arrayBuffer());
    // PDFs are searched as latin1 so text streams match byte for byte; HTML as UTF-8.
    const body = (res.headers.get('content-type') ?? '').includes('pdf') ? bytes.toString('latin1') : bytes.toString('utf8');
    visited.set(path, { status: res.status, body });
    for (const m of body.matchAll(/href="(\/[^"#?]*)/g)) {
      if (!visited.has(m[1]!)) queue.push(m[1]!);
    }
  }
  return visited;
}

export function brokenLinks(visited: Map<string, Visited>): string[] {
  return [...visited].filter(([, r]) => r.status !== 200).map(([p, r]) => `${p} → ${r.status}`);
}
