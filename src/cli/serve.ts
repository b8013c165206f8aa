// `protokol serve`: migrate, optionally load the demo into an empty database, and serve the
// portal. The port is bound first, so a second start on a busy port fails at once with a
// clear message; requests that arrive while the demo loads simply wait for it.
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import pino from 'pino';
import { buildWebApp, openContext } from '../main.js';
import { databaseIsEmpty, loadDemo } from '../services/demo/load-demo.js';
import { startDumpSchedule } from '../services/export/schedule.js';
import { OparlService } from '../services/oparl/service.js';
import { startFileSweeps } from '../services/file-sweep.js';
import { assertStartup } from '../services/startup-checks.js';
import { startAlertWorker } from '../services/alerts/worker.js';
import type { Command } from './command.js';
import { type Output, ServeError, configFrom, databaseFlags, databaseFlagsHelp, parse } from './options.js';

const usage = [
  'Usage: protokol serve [options]',
  '',
  'Serves the public portal. Stop with Ctrl-C (the database is closed cleanly).',
  '',
  '  --host HOST          interface to listen on (env HOST; default 127.0.0.1)',
  '  --port PORT          port (env PORT; default 3000)',
  '  --demo-if-empty      load Demo Kommune when the database has no municipality yet',
  ...databaseFlagsHelp,
].join('\n');

export const serveCommand: Command = {
  name: 'serve',
  usage,
  async run(argv, env, io) {
    const { values } = parse('serve', argv, {
      ...databaseFlags,
      host: { type: 'string' },
      port: { type: 'string', short: 'p' },
      'demo-if-empty': { type: 'boolean' },
    });
    if (values.help) return (io.out(usage), 0);
    const config = configFrom(values, env, { HOST: values.host, PORT: values.port });
    const log = pino({ level: config.logLevel, base: { app: 'protokol' } });

    // The node bindings (env) carry the socket, so sign-in rate limits see the client's address.
    let handler: ((req: Request, env: unknown) => Response | Promise<Response>) | null = null;
    let markReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    const server = createAdaptorServer({
      fetch: async (req: Request, env: unknown) => {
        await ready;
        return handler ? handler(req, env) : new Response('Protokol starter ikke korrekt', { status: 503 });
      },
    }) as Server;

    await listen(server, config.host, config.port);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

    let ctx: Awaited<ReturnType<typeof openContext>>;
    let mailWorker: ReturnType<typeof startAlertWorker> | null = null;
    try {
      ctx = await openContext(config, { migrate: true });
    } catch (e) {
      server.close();
      throw e;
    }
    try {
      if (values['demo-if-empty'] && (await databaseIsEmpty(ctx.database))) {
        io.out('Empty database: loading Demo Kommune …');
        const r = await loadDemo(ctx.database, ctx.files);
        io.out(`Demo Kommune loaded: ${r.meetings} meetings, ${r.items} items.`);
      }
      for (const warning of await assertStartup(config, ctx.database, ctx.files)) io.err(`protokol serve: ${warning}`);
      // Alerts and notices by e-mail, when SMTP_URL is set: the queue is sent from here.
      const db = ctx.database;
      mailWorker = config.mail
        ? startAlertWorker({ database: db, baseUrl: config.baseUrl, ...config.mail, onError: (e) => log.error({ err: e }, 'mail queue pass failed') })
        : null;
      handler = buildWebApp(ctx, log, mailWorker?.poke).fetch;
    } catch (e) {
      server.close();
      await mailWorker?.stop();
      await ctx.close();
      throw e;
    }
    markReady();
    log.debug({ url, database: ctx.database.describe }, 'listening');
    io.out(`Protokol is running at ${url} (${ctx.database.describe}). Press Ctrl-C to stop.`);
    // The open-data dump at /data/, kept current in the background once the server is ready.
    const dumps = config.openDataNightly
      ? startDumpSchedule({
          oparl: new OparlService(ctx.database.db, config.baseUrl, ctx.files, { license: config.oparlLicense }),
          filesDir: config.filesDir,
          log,
        })
      : null;
    const sweeps = startFileSweeps(ctx, log);
    return waitForShutdown(
      server,
      async () => {
        sweeps.stop();
        await dumps?.stop();
        await mailWorker?.stop();
        await ctx.close();
      },
      io,
    );
  },
};

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (e.code === 'EADDRINUSE') {
        reject(
          new ServeError(
            `Port ${port} on ${host} is already in use (is Protokol already running?). Stop the other process or choose another port with PORT=… or --port.`,
          ),
        );
      } else if (e.code === 'EACCES') {
        reject(new ServeError(`Not allowed to listen on ${host}:${port}. Choose a port above 1023 with PORT=… or --port.`));
      } else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') {
        reject(new ServeError(`Cannot listen on ${host}: no such address on this machine. Check HOST or --host.`));
      } else reject(e);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Resolves with exit code 0 after SIGINT/SIGTERM: stop accepting, finish requests, close the DB. */
function waitForShutdown(server: Server, closeDb: () => Promise<void>, io: Output): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      io.out(`\n${signal} received: stopping …`);
      // Keep-alive connections would hold close() open; idle ones go now, busy ones in 5 s.
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 5000);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        closeDb()
          .then(() => io.out('Database closed. Bye.'))
          .catch((e: unknown) => io.err(`Error while closing the database: ${String(e)}`))
          .finally(() => {
            process.off('SIGINT', onInt);
            process.off('SIGTERM', onTerm);
            resolve(0);
          });
      });
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}
