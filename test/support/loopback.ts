// A Hono app (or any fetch handler) served on 127.0.0.1 with a free port: for tests that speak
// real HTTP (the sync client), never the internet. The handler is made once the port is known,
// so the app's absolute URLs (OParl ids) name the real address.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';

export interface Loopback {
  /** "http://127.0.0.1:PORT" */
  url: string;
  close(): Promise<void>;
}

export async function serveLoopback(make: (baseUrl: string) => (req: Request) => Response | Promise<Response>): Promise<Loopback> {
  let handler: ((req: Request) => Response | Promise<Response>) | null = null;
  const server = createAdaptorServer({ fetch: (req: Request) => (handler ? handler(req) : new Response('not ready', { status: 503 })) }) as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  handler = make(url);
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
