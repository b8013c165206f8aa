// What every editor route needs: who is signed in (a session, never an API token: the pages
// post forms with the session's CSRF token), whether they may use the secretariat's screens,
// and sending a page that no shared cache may keep (it holds closed items and a CSRF token).
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Principal } from '../../domain/access.js';
import type { MeetingState } from '../../domain/meeting.js';
import { DomainError } from '../../domain/errors.js';
import type { AuthEnv } from '../auth/context.js';
import { sendPage } from '../portal/render.js';
import { isEditor } from './layout.js';

export interface Viewer {
  principal: Principal;
  /** The session's CSRF token: every form posts it as `_csrf`. */
  csrf: string;
}

/** A signed-in person (session cookie), else 401 (pages redirect to /login?next=…). */
export function requireViewer(c: Context<AuthEnv>): Viewer {
  const principal = c.get('principal');
  const session = c.get('session');
  if (!principal || !session) throw new DomainError('unauthenticated', 'Du skal logge ind for at bruge redigeringen');
  return { principal, csrf: session.csrfToken };
}

/** An administrator or secretary, else 403 (401 when not signed in). */
export function requireEditorViewer(c: Context<AuthEnv>): Viewer {
  const v = requireViewer(c);
  if (!isEditor(v.principal)) throw new DomainError('forbidden', 'Kun sekretariatet og administratorer kan redigere møder');
  return v;
}

/** A member (a principal linked to a Person), else 403. */
export function requireMemberViewer(c: Context<AuthEnv>): Viewer {
  const v = requireViewer(c);
  if (v.principal.personId === null) throw new DomainError('forbidden', 'Siden er for udvalgsmedlemmer');
  return v;
}

export function editorPage(c: Context, page: JSX.Element, status: ContentfulStatusCode = 200): Response | Promise<Response> {
  c.header('Cache-Control', 'no-store');
  return sendPage(c, page, status);
}

/** Redirect-after-post (303), with an optional success message the next page shows. */
export function seeOther(c: Context, path: string, message?: string): Response {
  c.header('Cache-Control', 'no-store');
  if (message === undefined) return c.redirect(path, 303);
  const [base, hash] = path.split('#', 2) as [string, string | undefined];
  const sep = base.includes('?') ? '&' : '?';
  return c.redirect(`${base}${sep}besked=${encodeURIComponent(message)}${hash ? `#${hash}` : ''}`, 303);
}

/**
 * The success message of a redirect-after-post. Only known messages are shown (a crafted
 * link cannot put arbitrary text on the page).
 */
export function flashMessage(c: Context): string | undefined {
  const m = c.req.query('besked');
  return m !== undefined && FLASH_MESSAGES.has(m) ? m : undefined;
}

// Filled only while the editor's modules are evaluated (each screen's `const X = flash('…')`
// at its top), never by a request or an app: a constant allow-list in effect, the same for
// every app in the process. Not exported, so nothing else can add to it.
const FLASH_MESSAGES = new Set<string>();

/** Registers a success message (at module top level only) so flashMessage() will show it; returns it for seeOther. */
export function flash(message: string): string {
  FLASH_MESSAGES.add(message);
  return message;
}

/**
 * A button on the meeting editor that leads to another editor screen (the meeting room's
 * attendance and decisions, the minutes). The editor routes factory hands the list to the
 * meeting editor, so each app gets its own and nothing is shared between apps.
 */
export interface MeetingEditorLink {
  label: string;
  href: (meetingId: string) => string;
  show?: (state: MeetingState) => boolean;
}
