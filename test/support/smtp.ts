// A real SMTP server on loopback (smtp-server) that keeps every mail it accepted, parsed by
// mailparser; it can be stopped and started again on the same port, to prove the queue loses
// nothing while the server is away.
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  raw: ParsedMail;
}

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  /** Called after each accepted mail (e.g. to stop the server mid-send). */
  afterEach: ((mail: ReceivedMail) => void) | null;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Waits until `n` mails have arrived in all. */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  let server: SMTPServer | null = null;
  let port = 0;
  const api: TestSmtp = {
    url: '',
    received: [],
    afterEach: null,
    async start() {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        onData(stream, _session, callback) {
          simpleParser(stream)
            .then((parsed) => {
              const to = Array.isArray(parsed.to) ? (parsed.to[0]?.text ?? '') : (parsed.to?.text ?? '');
              const mail = {
                to,
                subject: parsed.subject ?? '',
                text: parsed.text ?? '',
                html: typeof parsed.html === 'string' ? parsed.html : '',
                headers: parsed.headers,
                raw: parsed,
              };
              api.received.push(mail);
              callback();
              api.afterEach?.(mail);
            })
            .catch((e: Error) => callback(e));
        },
      });
      await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
      port = (server.server.address() as AddressInfo).port;
      api.url = `smtp://127.0.0.1:${port}`;
    },
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    async waitFor(n, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (api.received.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} mails, got ${api.received.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
  await api.start();
  return api;
}
