// Danish e-mails as text and HTML from one view model. Pure: the caller passes absolute URLs.
// A search snippet's marks (\u0001 … \u0002, search/model.ts) become *word* in the text and
// <mark> in the HTML. Mails that a subscriber can leave carry List-Unsubscribe and
// List-Unsubscribe-Post (RFC 8058 one-click: the mail client POSTs to the URL itself).
import { escapeXml } from './xml.js';

export interface MailEntry {
  title: string;
  url: string;
  /** Lines under the title: where and when, the matched words in context, the decision. */
  lines: { label?: string; text: string }[];
}

export interface MailView {
  municipality: string;
  subject: string;
  /** What happened, first thing in the mail. */
  intro: string;
  entries: MailEntry[];
  /** Why this mail was sent. */
  why: string;
  /** The subscriber's own page (change, unsubscribe, download, delete). */
  manageUrl?: string;
  /** One-click unsubscribe (POST). */
  unsubscribeUrl?: string;
  /** A button-like main link (confirmation, the item to approve). */
  action?: { label: string; url: string };
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

const START = '\u0001';
const END = '\u0002';
const plain = (s: string) => s.replaceAll(START, '*').replaceAll(END, '*');
/** Escaped piece by piece: the marks are control characters, which escapeXml would drop. */
function html(s: string): string {
  const [first = '', ...marked] = s.split(START);
  return [
    escapeXml(first.replaceAll(END, '')),
    ...marked.map((part) => {
      const at = part.indexOf(END);
      return at < 0 ? escapeXml(part) : `<mark>${escapeXml(part.slice(0, at))}</mark>${escapeXml(part.slice(at + 1).replaceAll(END, ''))}`;
    }),
  ].join('');
}

export function renderMail(v: MailView): RenderedMail {
  const text: string[] = [v.intro, ''];
  if (v.action) text.push(`${v.action.label}: ${v.action.url}`, '');
  for (const e of v.entries) {
    text.push(e.title, e.url);
    for (const l of e.lines) text.push(`  ${l.label ? `${l.label}: ` : ''}${plain(l.text)}`);
    text.push('');
  }
  text.push(v.why);
  if (v.manageUrl) text.push(`Ret eller stop dine mails: ${v.manageUrl}`);
  text.push('', `Med venlig hilsen\n${v.municipality}`);

  const entries = v.entries
    .map(
      (e) =>
        `<li style="margin-bottom:1em"><a href="${escapeXml(e.url)}">${escapeXml(e.title)}</a>` +
        e.lines.map((l) => `<br>${l.label ? `<strong>${escapeXml(l.label)}:</strong> ` : ''}${html(l.text)}`).join('') +
        '</li>',
    )
    .join('');
  const body = [
    `<p>${escapeXml(v.intro)}</p>`,
    v.action ? `<p><a href="${escapeXml(v.action.url)}">${escapeXml(v.action.label)}</a></p>` : '',
    entries ? `<ul>${entries}</ul>` : '',
    `<p style="color:#555">${escapeXml(v.why)}${v.manageUrl ? ` <a href="${escapeXml(v.manageUrl)}">Ret eller stop dine mails</a>.` : ''}</p>`,
    `<p>Med venlig hilsen<br>${escapeXml(v.municipality)}</p>`,
  ].join('\n');
  const page = `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>${escapeXml(v.subject)}</title></head><body style="font-family:sans-serif;line-height:1.5">${body}</body></html>`;

  const headers: Record<string, string> = {};
  if (v.unsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${v.unsubscribeUrl}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return { subject: v.subject, text: text.join('\n'), html: page, headers };
}
