// The operator's endpoints: /healthz (the process answers), /readyz (and its database does:
// a load balancer sends traffic only then) and /metrics (Prometheus). /metrics tells how busy
// and how big the installation is, so it answers only a direct connection from this machine
// (Prometheus beside it, or a scrape through an SSH tunnel); through a reverse proxy — any
// X-Forwarded-For — or from elsewhere it is 404, as if it did not exist.
import { Hono } from 'hono';
import { isLoopback } from './auth/redirects.js';
import type { Metrics } from './middleware/metrics.js';

export interface OpsDeps {
  metrics: Metrics;
  /** Resolves when the database answers; rejects with why not. */
  ready: () => Promise<void>;
}

export function opsRoutes(deps: OpsDeps): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await deps.ready();
      return c.json({ status: 'ready' });
    } catch (e) {
      return c.json({ status: 'unavailable', reason: (e as Error).message }, 503);
    }
  });
  app.get('/metrics', async (c) => {
    const peer = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
    if (!peer || !isLoopback(peer) || c.req.header('x-forwarded-for') !== undefined || c.req.header('forwarded') !== undefined) return c.notFound();
    return c.body(await deps.metrics.registry.metrics(), 200, { 'Content-Type': deps.metrics.registry.contentType, 'Cache-Control': 'no-store' });
  });
  return app;
}
