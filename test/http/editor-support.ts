// Helpers for the editor's HTTP tests: a signed-in browser over app.request() (cookie jar,
// the CSRF token read from the pages it gets, forms posted as a browser posts them) and
// accounts for the seeded municipality.
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { danishDate } from '../../src/domain/clock.js';
import { createWebApp } from '../../src/main.js';
import { createUser } from '../../src/services/users/create-user.js';
import type { Database } from '../../src/storage/db.js';
import { FileStore } from '../../src/storage/file-store.js';
import { CookieJar, logIn } from './auth-support.js';

export const EDITOR_BASE_URL = 'http://127.0.0.1:3999';
export const PASSWORD = 'et-langt-kodeord-1';

export function editorApp(database: Database, filesDir: string, now: () => Date): { app: Hono; errors: unknown[]; files: FileStore } {
  const files = new FileStore(filesDir);
  const errors: unknown[] = [];
  const app = createWebApp(database, files, {
    baseUrl: EDITOR_BASE_URL,
    today: () => danishDate(now()),
    staff: { files, oidc: null, now },
    logError: (e) => errors.push(e),
  });
  return { app, errors, files };
}

export interface Page {
  status: number;
  headers: Headers;
  html: string;
  location: string | null;
}

/** Decodes the few entities hono/jsx writes, so tests can look for the text a user reads. */
export const unescapeHtml = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export class Browser {
  readonly jar = new CookieJar();
  csrf = '';

  constructor(readonly app: Hono) {}

  async logIn(email: string, password = PASSWORD): Promise<void> {
    const res = await logIn(this.app, this.jar, email, password, '/redigering');
    assert.equal(res.status, 303, `sign-in of ${email}`);
  }

  private async answer(res: Response): Promise<Page> {
    this.jar.take(res);
    const html = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token) this.csrf = token;
    return { status: res.status, headers: res.headers, html, location: res.headers.get('Location') };
  }

  async get(path: string): Promise<Page> {
    return this.answer(await this.app.request(path, { headers: { cookie: this.jar.header() } }));
  }

  /** Posts a form as a browser does (urlencoded); `_csrf` added unless `withCsrf` is false. */
  async post(path: string, fields: Record<string, string | string[]>, withCsrf = true): Promise<Page> {
    const body = new URLSearchParams();
    if (withCsrf) body.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return this.answer(await this.app.request(path, { method: 'POST', headers: { cookie: this.jar.header() }, body }));
  }

  /** A multipart form with one file, as an upload form posts it. */
  async upload(path: string, fields: Record<string, string>, file: { name: string; type: string; bytes: Uint8Array }): Promise<Page> {
    const form = new FormData();
    form.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new File([file.bytes], file.name, { type: file.type }));
    return this.answer(await this.app.request(path, { method: 'POST', headers: { cookie: this.jar.header() }, body: form }));
  }

  /** Follows a 303 and returns the page it leads to. */
  async follow(page: Page): Promise<Page> {
    assert.equal(page.status, 303, `expected a redirect, got ${page.status}: ${page.html.slice(0, 400)}`);
    assert.ok(page.location);
    return this.get(page.location);
  }
}

export async function makeAccounts(database: Database, people: { chair: { id: string } }): Promise<void> {
  await createUser(database, { email: 'sekretaer@testrup.dk', password: PASSWORD, role: 'secretary', municipality: 'testrup' });
  await createUser(database, { email: 'medlem@testrup.dk', password: PASSWORD, role: 'member', municipality: 'testrup', personId: people.chair.id });
}
