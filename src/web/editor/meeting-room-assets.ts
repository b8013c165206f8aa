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
.quick-pick-list { list-style: none; padding: 0; margin: 0.8rem 0 0; display: flex; flex-wrap: wrap; gap: 0.8rem; }
.quick-pick-list li { margin: 0; }
.quick-picks[hidden] { display: none; }
.quick-pick-list .button { margin: 0; }
.member-card { margin: 0 0 2.4rem; max-width: 96rem; }
.member-card .card-content { padding: 1.6rem 2.4rem; }
.case-history { margin: 1.2rem 0; }
.case-history li { margin-bottom: 0.8rem; }
.approval-table { max-width: 96rem; }
`;

// Quick picks with JavaScript: real buttons (shown here, the radio fallback removed) that add
// the pick after the typed text when pressed, by the same rule as withQuickPick on the
// server; nothing happens on focus or arrow keys. Focus goes to the end of the field so the
// user can type on. An input event lets editor.js notice the unsaved change.
const js = `
document.querySelectorAll('[data-quick-picks]').forEach(function (group) {
  var form = group.closest('form');
  var fallback = form && form.querySelector('.quick-pick-fallback');
  if (fallback) fallback.remove();
  group.hidden = false;
});
document.addEventListener('click', function (event) {
  var button = event.target && event.target.closest ? event.target.closest('button[data-quick-pick]') : null;
  if (!button) return;
  var group = button.closest('[data-quick-picks]');
  var field = group && document.getElementById(group.getAttribute('data-quick-picks'));
  if (!field) return;
  var pick = button.getAttribute('data-quick-pick');
  var typed = field.value;
  if (typed.trim() === '') field.value = pick;
  else if (typed.indexOf(pick) === -1) field.value = typed.replace(/\\s+$/, '') + '\\n' + pick;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.focus();
  field.setSelectionRange(field.value.length, field.value.length);
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
