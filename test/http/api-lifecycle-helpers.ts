// Shared by the integration API tests: an app with the staff side, a JSON client over
// app.request() that remembers every answer (so a test can prove the canary is in none it
// should not be in), multipart uploads, and small PDFs with Danish text made with pdfkit.
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { createWebApp } from '../../src/main.js';
import { renderAttachmentPdf } from '../../src/render/pdf/attachment-pdf.js';
import { createApiToken } from '../../src/services/auth/tokens.js';
import type { UserRole } from '../../src/domain/user.js';
import type { Database } from '../../src/storage/db.js';
import { FileStore } from '../../src/storage/file-store.js';

export const BASE_URL = 'https://dagsorden.testrup.dk';

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

export interface Seen {
  /** The token it was sent with; null = anonymous. */
  bearer: string | null;
  method: string;
  path: string;
  status: number;
  body: string;
}

export function staffApp(
  database: Database,
  filesDir: string,
  options: { today?: string; now?: () => Date } = {},
): { app: Hono; errors: unknown[]; files: FileStore } {
  const files = new FileStore(filesDir);
  const errors: unknown[] = [];
  const app = createWebApp(database, files, {
    baseUrl: BASE_URL,
    ...(options.today ? { today: () => options.today! } : {}),
    staff: { files, oidc: null, ...(options.now ? { now: options.now } : {}) },
    logError: (e) => errors.push(e),
  });
  return { app, errors, files };
}

export async function token(
  database: Database,
  role: UserRole,
  scope: { municipality?: string; personId?: string; committeeIds?: string[] },
  name = `${role} test`,
): Promise<string> {
  return (await createApiToken(database, { name, role, ...scope })).token;
}

/** A JSON client with an optional bearer token; every answer is kept in `seen`. */
export class ApiClient {
  constructor(
    private readonly app: Hono,
    readonly bearer: string | null,
    readonly seen: Seen[] = [],
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  as(bearer: string | null): ApiClient {
    return new ApiClient(this.app, bearer, this.seen, this.extraHeaders);
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const h: Record<string, string> = { ...this.extraHeaders, ...headers };
    if (this.bearer) h.Authorization = `Bearer ${this.bearer}`;
    let payload: FormData | string | undefined;
    if (body instanceof FormData) payload = body;
    else if (typeof body === 'string') payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['Content-Type'] ??= 'application/json';
    }
    const res = await this.app.request(path, { method, headers: h, ...(payload === undefined ? {} : { body: payload }) });
    const text = await res.text();
    this.seen.push({ bearer: this.bearer, method, path, status: res.status, body: text });
    let json: unknown = undefined;
    if ((res.headers.get('content-type') ?? '').includes('json') && text !== '') json = JSON.parse(text);
    return { status: res.status, headers: res.headers, text, json: json as T };
  }

  /** The Cookie header this client sends (cookie sessions). */
  cookieHeader(): string {
    return this.extraHeaders.cookie ?? '';
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  put<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }
  patch<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = unknown>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** POST /api/v1/items/{id}/attachments as multipart/form-data. */
  upload<T = unknown>(itemId: string, file: { bytes: Uint8Array; fileName: string; type: string }, fields: Record<string, string>) {
    const form = new FormData();
    form.append('file', new Blob([file.bytes], { type: file.type }), file.fileName);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return this.request<T>('POST', `/api/v1/items/${itemId}/attachments`, form);
  }
}

/** Asserts the status, showing the body when it differs (the error message says why). */
export function expectStatus<T>(answer: Answer<T>, status: number, what = ''): Answer<T> {
  assert.equal(answer.status, status, `${what} → ${answer.status}: ${answer.text.slice(0, 800)}`);
  return answer;
}

export interface ApiErrorBody {
  error: { code: string; message: string; field?: string; details?: unknown };
}

/** A small PDF (pdfkit) with the paragraphs as text. */
export function pdfWith(title: string, paragraphs: string[]): Promise<Uint8Array> {
  return renderAttachmentPdf({ municipality: 'Testrup Kommune', title, subtitle: 'Bilag', paragraphs });
}
