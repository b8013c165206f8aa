// Shared by the meeting-room and members' HTTP tests: the real web app with the staff side
// over a seeded municipality, accounts for the secretary and the committee's members, a
// signed-in browser (cookie jar + the session's CSRF token) and form posts.
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import type { Principal } from '../../src/domain/access.js';
import { createWebApp } from '../../src/main.js';
import { principalForUser } from '../../src/services/auth/principal.js';
import type { LifecycleDeps } from '../../src/services/lifecycle/deps.js';
import { addItem } from '../../src/services/lifecycle/items.js';
import { createMeeting } from '../../src/services/lifecycle/meetings.js';
import { publishAgenda } from '../../src/services/lifecycle/publication.js';
import { createUser } from '../../src/services/users/create-user.js';
import type { Database } from '../../src/storage/db.js';
import { FileStore } from '../../src/storage/file-store.js';
import { CANARY, type SeededMunicipality, seedMunicipality } from '../support/factories.js';
import { CookieJar, logIn } from './auth-support.js';

export const BASE_URL = 'http://127.0.0.1:3999';
export const PASSWORD = 'korrekt-hest-batteri';
/** "Today" in these tests: the seeded minutes are past, the new meetings coming. */
export const NOW = new Date('2024-08-20T08:00:00Z');

export interface RoomWorld {
  app: Hono;
  deps: LifecycleDeps;
  seed: SeededMunicipality;
  errors: unknown[];
  principals: Record<'secretary' | 'anne' | 'bent' | 'dorte' | 'erik', Principal>;
}

export async function roomWorld(database: Database, filesDir: string): Promise<RoomWorld> {
  const files = new FileStore(filesDir);
  const errors: unknown[] = [];
  const app = createWebApp(database, files, {
    baseUrl: BASE_URL,
    today: () => '2024-08-20',
    staff: { files, oidc: null, now: () => NOW },
    logError: (e) => errors.push(e),
  });
  const seed = await seedMunicipality(database.db, files);
  const account = async (email: string, input: { role: string; personId?: string; municipality?: string }) => {
    const user = await createUser(database, { email, password: PASSWORD, ...input });
    return (await principalForUser(database.db, user.id))!;
  };
  const { savePerson } = await import('../../src/storage/repositories/archive-writer.js');
  const erik = await savePerson(database.db, { source: 'test', externalId: 'person-erik', bodyId: seed.bodyId, name: 'Erik Eriksen' });
  const principals = {
    secretary: await account('sekretaer@testrup.dk', { role: 'secretary', municipality: 'testrup' }),
    anne: await account('anne@testrup.dk', { role: 'member', personId: seed.people.chair.id }),
    bent: await account('bent@testrup.dk', { role: 'member', personId: seed.people.member.id }),
    dorte: await account('dorte@testrup.dk', { role: 'member', personId: seed.people.substitute.id }),
    erik: await account('erik@testrup.dk', { role: 'member', personId: erik }),
  };
  return { app, deps: { database, files, now: () => NOW }, seed, errors, principals };
}

/** A signed-in browser: its cookies and the session's CSRF token (read from a page's form). */
export class Browser {
  readonly jar = new CookieJar();
  csrf = '';
  constructor(private readonly app: Hono) {}

  async logIn(email: string): Promise<this> {
    const res = await logIn(this.app, this.jar, email, PASSWORD);
    assert.equal(res.status, 303, `log in ${email}`);
    return this;
  }

  async get(path: string): Promise<{ status: number; html: string; location: string | null }> {
    const res = await this.app.request(path, { headers: { cookie: this.jar.header() } });
    this.jar.take(res);
    const html = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token) this.csrf = token;
    return { status: res.status, html, location: res.headers.get('location') };
  }

  /** Posts a form (repeated names as arrays); `_csrf` is added unless given. */
  async post(path: string, fields: Record<string, string | string[]>): Promise<{ status: number; html: string; location: string | null }> {
    const form = new URLSearchParams();
    if (!('_csrf' in fields)) form.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
    const res = await this.app.request(path, { method: 'POST', headers: { cookie: this.jar.header() }, body: form });
    this.jar.take(res);
    return { status: res.status, html: await res.text(), location: res.headers.get('location') };
  }
}

let dateCounter = 0;

/** A committee meeting with an open case item and a closed item, its agenda sent out. */
export async function sentOutMeeting(world: RoomWorld, options: { date?: string; caseNumber?: string; publish?: boolean } = {}) {
  dateCounter++;
  const { deps, seed, principals } = world;
  const date = options.date ?? `2024-10-${String(dateCounter).padStart(2, '0')}`;
  const meeting = await createMeeting(deps, principals.secretary, { organizationId: seed.committeeId, date, start: '16:00', location: 'Byrådssalen' });
  const open = await addItem(deps, principals.secretary, meeting.id, {
    title: 'Skolestruktur 2026',
    public: true,
    caseNumber: options.caseNumber ?? `24-00${1000 + dateCounter}`,
    caseTitle: 'Skolestruktur',
    sections: [
      { heading: 'Indstilling', text: 'Direktionen indstiller, at skolestrukturen godkendes.' },
      { heading: 'Beslutningskompetence', text: 'Kommunalbestyrelsen' },
      { heading: 'Sagsfremstilling', text: 'Skolerne samles i tre distrikter.' },
    ],
  });
  const closed = await addItem(deps, principals.secretary, meeting.id, {
    title: `Personalesag ${CANARY}`,
    public: false,
    publicTitle: 'Lukket punkt: Personalesag',
    closedReason: 'Personsag (Styrelsesloven § 10)',
    sections: [{ heading: 'Sagsfremstilling', text: `Fortroligt: ${CANARY}` }],
  });
  if (options.publish !== false) await publishAgenda(deps, principals.secretary, meeting.id);
  return { meetingId: meeting.id, openItemId: open.id, closedItemId: closed.id, date, itemIds: meeting.itemIds };
}

/** The attendance form with Carla absent and Dorte in her seat. */
export function attendanceForm(world: RoomWorld, version?: number): Record<string, string> {
  const { people } = world.seed;
  return {
    raekker: '3',
    'person-0': people.chair.id,
    'fremmoede-0': 'present',
    'person-1': people.member.id,
    'fremmoede-1': 'present',
    'person-2': people.absentee.id,
    'fremmoede-2': 'absent',
    suppleanter: '2',
    'suppleant-0': people.substitute.id,
    'suppleant-for-0': people.absentee.id,
    'suppleant-1': '',
    'suppleant-for-1': '',
    ...(version !== undefined ? { version: String(version) } : {}),
  };
}

/** Where a redirect-after-post goes, without the success message. */
export const pathOf = (location: string | null): string => (location ?? '').replace(/[?&]besked=[^#]*/, '');
