// Prometheus metrics of one process (prom-client, a registry of its own so several apps in one
// process — the tests — do not share counters): request durations by kind of page and status
// class, the page cache's hits and misses, the database pool, and the process's own (memory,
// CPU, event-loop lag). Labels are kinds, never paths: a path per label would grow without end.
import type { MiddlewareHandler } from 'hono';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface Metrics {
  registry: Registry;
  /** Times every request; put first, so it sees the whole of it. */
  middleware: MiddlewareHandler;
  pageCache: { hit(): void; miss(): void };
}

/** The kind of a path, for the `route` label. */
export function routeKind(path: string): string {
  if (path.startsWith('/moeder/')) return 'meeting';
  if (path === '/soeg' || path.startsWith('/api/v1/search')) return 'search';
  if (path.startsWith('/oparl/')) return 'oparl';
  if (path.startsWith('/api/')) return 'api';
  if (path.startsWith('/redigering') || path.startsWith('/medlem')) return 'staff';
  if (path.startsWith('/static/') || path.startsWith('/assets/')) return 'static';
  if (/\.(ics|atom|xml)$/.test(path) || path.startsWith('/data/')) return 'feed';
  if (path === '/healthz' || path === '/readyz' || path === '/metrics') return 'ops';
  return 'portal';
}

export function createMetrics(options: { pool?: () => PoolStats | null; defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaults !== false) collectDefaultMetrics({ register: registry, prefix: 'protokol_' });
  const duration = new Histogram({
    name: 'protokol_http_request_duration_seconds',
    help: 'Time to answer a request, by kind of page, method and status class.',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const cache = new Counter({
    name: 'protokol_page_cache_requests_total',
    help: 'Cacheable page requests answered from the page cache (hit) or rendered (miss).',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const pool = options.pool;
  if (pool) {
    new Gauge({
      name: 'protokol_db_pool_connections',
      help: 'PostgreSQL pool connections by state (total, idle, waiting clients).',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const s = pool();
        if (!s) return;
        this.set({ state: 'total' }, s.total);
        this.set({ state: 'idle' }, s.idle);
        this.set({ state: 'waiting' }, s.waiting);
      },
    });
  }
  const middleware: MiddlewareHandler = async (c, next) => {
    const end = duration.startTimer({ route: routeKind(c.req.path), method: c.req.method === 'HEAD' ? 'GET' : c.req.method });
    try {
      await next();
    } finally {
      end({ status: `${Math.floor(c.res.status / 100)}xx` });
    }
  };
  return {
    registry,
    middleware,
    pageCache: { hit: () => cache.inc({ result: 'hit' }), miss: () => cache.inc({ result: 'miss' }) },
  };
}
