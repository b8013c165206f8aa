// The polite HTTP client of `protokol sync`: a server we mirror is someone else's production
// system, so every request says who we are (User-Agent), requests are few at a time (a
// concurrency limit), spaced per host (a delay), retried with exponential backoff on 429, 5xx
// and network errors (Retry-After honoured), bounded in time and size, and every error names
// the URL. Global fetch (Node 20+), nothing else.
import { readFileSync } from 'node:fs';
import { DomainError } from '../../domain/errors.js';

export interface HttpOptions {
  /** Requests in flight at once (all hosts). */
  concurrency?: number;
  /** Minimum milliseconds between the starts of two requests to the same host. */
  delayMs?: number;
  /** Retries after the first attempt on 429, 5xx and network errors. */
  retries?: number;
  /** The first backoff in ms; doubles each retry. */
  backoffMs?: number;
  /** Longest Retry-After we wait, in ms (a server asking for an hour is refused). */
  maxRetryAfterMs?: number;
  timeoutMs?: number;
  maxBytes?: number;
  /** A contact (email or URL) for the User-Agent, so the server's admin can reach us. */
  contact?: string | null;
  /** Stops waiting and fetching (Ctrl-C). */
  signal?: AbortSignal;
  /** For tests: the fetch to use. */
  fetch?: typeof fetch;
}

export interface HttpStats {
  requests: number;
  retries: number;
}

export interface HttpResponse {
  url: string;
  status: number;
  headers: Headers;
  bytes: Uint8Array;
}

function packageVersion(): string {
  try {
    // dist/src/services/sync/http.js sits four levels below package.json, src/…/http.ts three.
    for (const up of ['../../../../package.json', '../../../package.json']) {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'protokol' && pkg.version) return pkg.version;
    }
  } catch {
    // fall through: the version is a courtesy, never a reason to fail
  }
  return '0';
}

export function userAgent(contact: string | null | undefined): string {
  return `Protokol/${packageVersion()} (+${contact && contact.trim() !== '' ? contact.trim() : 'none'})`;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const t = setTimeout(() => (signal?.removeEventListener('abort', onAbort), resolve()), ms);
    const onAbort = () => (clearTimeout(t), reject(signal?.reason as Error));
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Retry-After as seconds or an HTTP date, in ms; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const retriable = (status: number) => status === 429 || status >= 500;

export class HttpClient {
  readonly stats: HttpStats = { requests: 0, retries: 0 };
  private readonly o: Required<Omit<HttpOptions, 'signal' | 'contact'>> & Pick<HttpOptions, 'signal' | 'contact'>;
  private readonly agent: string;
  private active = 0;
  private readonly queue: (() => void)[] = [];
  private readonly nextStart = new Map<string, number>();

  constructor(options: HttpOptions = {}) {
    this.o = {
      concurrency: Math.max(1, options.concurrency ?? 2),
      delayMs: Math.max(0, options.delayMs ?? 250),
      retries: options.retries ?? 4,
      backoffMs: options.backoffMs ?? 500,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxBytes: options.maxBytes ?? 50 * 1024 * 1024,
      fetch: options.fetch ?? globalThis.fetch,
      signal: options.signal,
      contact: options.contact,
    };
    this.agent = userAgent(options.contact);
  }

  async json<T = unknown>(url: string): Promise<T> {
    const res = await this.get(url, 'application/json');
    try {
      return JSON.parse(new TextDecoder().decode(res.bytes)) as T;
    } catch (e) {
      throw new DomainError('invalid_input', `${url}: the answer is not JSON (${(e as Error).message})`, url);
    }
  }

  async text(url: string): Promise<string> {
    return new TextDecoder().decode((await this.get(url, 'text/html, text/plain, */*')).bytes);
  }

  /** GET with retries; a 4xx other than 429 fails at once (retrying will not help). */
  async get(url: string, accept = '*/*'): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      let wait: number;
      try {
        const res = await this.slot(url, () => this.once(url, accept));
        if (res.status >= 200 && res.status < 300) return res;
        if (!retriable(res.status) || attempt >= this.o.retries) {
          throw new DomainError(res.status === 404 ? 'not_found' : 'unavailable', `${url}: HTTP ${res.status}`, url);
        }
        const asked = retryAfterMs(res.headers.get('retry-after'));
        if (asked !== null && asked > this.o.maxRetryAfterMs) {
          throw new DomainError('unavailable', `${url}: HTTP ${res.status}, the server asks to wait ${Math.round(asked / 1000)} s`, url);
        }
        wait = Math.max(asked ?? 0, this.o.backoffMs * 2 ** attempt);
      } catch (e) {
        if (e instanceof DomainError || this.o.signal?.aborted) throw e;
        if (attempt >= this.o.retries) throw new DomainError('unavailable', `${url}: ${describe(e)}`, url);
        wait = this.o.backoffMs * 2 ** attempt;
      }
      this.stats.retries++;
      await sleep(wait, this.o.signal);
    }
  }

  private async once(url: string, accept: string): Promise<HttpResponse> {
    this.stats.requests++;
    const signals = [AbortSignal.timeout(this.o.timeoutMs), ...(this.o.signal ? [this.o.signal] : [])];
    const res = await this.o.fetch(url, { headers: { 'User-Agent': this.agent, Accept: accept }, signal: AbortSignal.any(signals), redirect: 'follow' });
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > this.o.maxBytes) {
      await res.body?.cancel();
      throw new DomainError('invalid_input', `${url}: the answer is ${declared} bytes, more than the limit of ${this.o.maxBytes}`, url);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > this.o.maxBytes) throw new DomainError('invalid_input', `${url}: the answer is more than the limit of ${this.o.maxBytes} bytes`, url);
        chunks.push(chunk);
      }
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return { url: res.url || url, status: res.status, headers: res.headers, bytes };
  }

  /** Runs `task` when a concurrency slot is free and the host's delay has passed. */
  private async slot<T>(url: string, task: () => Promise<T>): Promise<T> {
    if (this.active >= this.o.concurrency) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.active++;
    try {
      const host = new URL(url).host;
      const now = Date.now();
      const start = Math.max(now, this.nextStart.get(host) ?? 0);
      this.nextStart.set(host, start + this.o.delayMs);
      if (start > now) await sleep(start - now, this.o.signal);
      return await task();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }
}

function describe(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError') return 'no answer in time';
  return err.cause?.code ?? err.cause?.message ?? err.message;
}
