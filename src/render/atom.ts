// Atom 1.0 (RFC 4287) for "newly published agendas and minutes". Pure: the caller passes
// absolute URLs, ids and timestamps; every text and attribute goes through escapeXml.
import { createHash } from 'node:crypto';
import { escapeXml } from './xml.js';

export interface AtomEntry {
  id: string;
  title: string;
  /** ISO timestamp. */
  updated: string;
  link: string;
  /** Plain text; newlines are kept (type="text"). */
  summary: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** The feed's own URL (rel="self"). */
  selfUrl: string;
  /** The HTML page the feed belongs to (rel="alternate"). */
  alternateUrl: string;
  /** Name of the author element Atom requires; the municipality. */
  author: string;
  entries: AtomEntry[];
}

/**
 * urn:uuid from a name (UUID version 5 layout over SHA-1): the same meeting and publication
 * kind give the same id on every fetch and every install, and minutes get a new id from
 * their agenda so a reader shows them as a new entry.
 */
export function nameUuid(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** RFC 3339 in UTC; an unparseable value becomes the epoch rather than invalid XML. */
export function atomDate(iso: string): string {
  const d = new Date(iso);
  return (Number.isNaN(d.getTime()) ? new Date(0) : d).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function renderAtom(feed: AtomFeed): string {
  // A feed's updated is its newest entry's: deterministic, so the ETag only changes with data.
  const updated = feed.entries.reduce((max, e) => (atomDate(e.updated) > max ? atomDate(e.updated) : max), atomDate('1970-01-01T00:00:00Z'));
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternateUrl)}"/>`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
    '  <generator>Protokol</generator>',
  ];
  for (const e of feed.entries) {
    out.push(
      '  <entry>',
      `    <id>${escapeXml(e.id)}</id>`,
      `    <title>${escapeXml(e.title)}</title>`,
      `    <updated>${atomDate(e.updated)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
      `    <summary type="text">${escapeXml(e.summary)}</summary>`,
      '  </entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}
