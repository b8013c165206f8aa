// The meeting room's and members' own stylesheet and script, served by these screens' routes
// (the CSP allows only same-origin files, no inline style or script). Fingerprinted URLs so
// browsers may keep them; outside /redigering and /medlem so both kinds of user may load them.
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import type { AuthEnv } from '../auth/context.js';

// Tablet first: large touch targets (WCAG 2.5.5's 44 px), one item per card, nothing wider
// than the screen. Colours are DKFDS's own.
const css = `
.room-card { margin: 0 0 2.4rem; max-width: 96rem; scroll-margin-top: 1.6rem; }
.room-card .card-content { padding: 1.6rem 2.4rem; }
.room-card .form-group-radio, .room-card .form-group-checkbox { min-height: 4.4rem; display: flex; align-items: center; }
.room-card .button, .member-card .button { min-height: 4.4rem; }
.room-card .form-select, .member-card .form-select { min-height: 4.4rem; }
.attendance-rows { display: grid; grid-template-columns: repeat(auto-fill, minmax(28rem, 1fr)); gap: 0 2.4rem; }
.attendance-row .form-group { margin-top: 1.2rem; }
.substitute-row, .pair-row { display: flex; flex-wrap: wrap; gap: 0 2.4rem; align-items: flex-end; }
.substitute-row .form-group, .pair-row .form-group { margin-top: 1.2rem; }
.vote-choice { margin-bottom: 1.6rem; }
.room-details { margin: 1.6rem 0; border-top: 1px solid #ccc; padding-top: 0.8rem; }
.room-details > summary { cursor: pointer; min-height: 4.4rem; display: flex; align-items: center; font-weight: 600; color: #0059b3; }
.room-details > summary:focus { outline: 3px solid #0059b3; outline-offset: 2px; }
.room-recommendation { border-left: 4px solid #ccc; padding-left: 1.6rem; margin: 1.2rem 0; }
.pre-line { white-space: pre-line; }
.room-next a { display: inline-flex; align-items: center; min-height: 4.4rem; font-weight: 600; }
.room-index ol { columns: 2 28rem; }
.room-index li { min-height: 4.4rem; display: flex; align-items: center; flex-wrap: wrap; }
.room-links li { margin-bottom: 0.8rem; }
.member-card { margin: 0 0 2.4rem; max-width: 96rem; }
.member-card .card-content { padding: 1.6rem 2.4rem; }
.case-history { margin: 1.2rem 0; }
.case-history li { margin-bottom: 0.8rem; }
.approval-table { max-width: 96rem; }
`;

// Quick picks with JavaScript: choosing one fills the decision field at once (the user can
// go on typing), and the radio goes back to "Brug teksten i feltet" so what is sent is the
// field. An input event lets editor.js notice the unsaved change.
const js = `
document.addEventListener('change', function (event) {
  var radio = event.target;
  if (!radio || radio.name !== 'hurtigvalg' || !radio.value) return;
  var form = radio.form;
  var field = form && form.querySelector('textarea[name="beslutning"]');
  if (!field) return;
  field.value = radio.value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  var keep = form.querySelector('input[name="hurtigvalg"][value=""]');
  if (keep) keep.checked = true;
  field.focus();
});
`;

const fingerprint = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 12);
const PREFIX = '/redigering-filer';
export const ROOM_CSS = `${PREFIX}/moedet-${fingerprint(css)}.css`;
export const ROOM_JS = `${PREFIX}/moedet-${fingerprint(js)}.js`;

export function registerRoomAssets(app: Hono<AuthEnv>): void {
  const send = (body: string, type: string) => () =>
    new Response(body, { headers: { 'Content-Type': type, 'Cache-Control': 'public, max-age=31536000, immutable' } });
  app.get(ROOM_CSS, send(css, 'text/css; charset=utf-8'));
  app.get(ROOM_JS, send(js, 'text/javascript; charset=utf-8'));
}
