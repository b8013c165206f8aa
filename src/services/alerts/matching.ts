// Matching a published agenda or minutes against the confirmed subscriptions. What is matched
// is exactly what the public search sees: the meeting's search documents (built only through
// publicView, so a closed item contributes its neutral title and published decision, never
// its text) and, for a followed search, the search index itself, narrowed to the meeting's
// committee and day. One mail (or one digest line) per subscription per event: the dedupe key
// names the subscription, the meeting and the kind, so a correction or a second process
// working through the same event queues nothing twice.
import { absoluteUrl, publicPaths } from '../../domain/public-urls.js';
import { formatDate } from '../../render/format.js';
import { type MailEntry, renderMail } from '../../render/mail.js';
import { buildSearchDocuments } from '../../search/documents.js';
import { searchIndexFor } from '../../search/index.js';
import type { SearchDocument, SearchHit } from '../../search/model.js';
import { parseQuery } from '../../search/query.js';
import { type AlertEvent, type AlertMeeting, alertMeeting, committeeMemberIds } from '../../storage/repositories/alert-events.js';
import { type SubscriptionRow, confirmedSubscriptions, insertPendingMatch, insertSubscriptionToken } from '../../storage/repositories/subscriptions.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { randomToken, sha256Hex } from '../auth/secrets.js';
import { queueMail } from '../mail/queue.js';
import { type AlertDeps, type Frequency, alertPaths, frequencyLabel } from './deps.js';

/** What one subscription gets of one event: the intro and the items. Stored as is for digests. */
export interface AlertMatch {
  subject: string;
  intro: string;
  entries: MailEntry[];
}

const kindWord = { agenda: 'dagsordenen', minutes: 'referatet' } as const;

function entryOf(deps: AlertDeps, doc: SearchDocument, kind: 'agenda' | 'minutes', hit?: SearchHit): MailEntry {
  const lines: MailEntry['lines'] = [];
  if (hit?.snippet) lines.push({ label: 'Fundet', text: hit.snippet });
  if (kind === 'minutes' && doc.fields.decision.trim() !== '') lines.push({ label: 'Beslutning', text: doc.fields.decision.trim().slice(0, 600) });
  return { title: doc.title, url: absoluteUrl(deps.baseUrl, doc.url), lines };
}

/** Per distinct search text, the hits of this meeting (one index search each, however many follow it). */
async function searchHits(db: Db, deps: AlertDeps, meeting: AlertMeeting, queries: Set<string>): Promise<Map<string, SearchHit[]>> {
  const index = searchIndexFor(deps.database);
  const out = new Map<string, SearchHit[]>();
  for (const q of queries) {
    const query = parseQuery(q);
    if (query.empty) continue;
    const found = await index.search(db, {
      query,
      filters: { organizationIds: [meeting.organizationId], from: meeting.date, to: meeting.date },
      sort: 'relevance',
      page: 1,
      pageSize: 100,
    });
    out.set(
      q,
      found.hits.filter((h) => h.meetingId === meeting.id),
    );
  }
  return out;
}

/** The matches of one publication event, by subscription. Reads only; queues nothing. */
export async function matchPublication(
  deps: AlertDeps,
  event: Pick<AlertEvent, 'kind' | 'meetingId'>,
  options: { db?: Db; subscriptions?: SubscriptionRow[] } = {},
): Promise<{ meeting: AlertMeeting; matches: Map<SubscriptionRow, AlertMatch> }> {
  const db = options.db ?? deps.database.db;
  const matches = new Map<SubscriptionRow, AlertMatch>();
  const meeting = await alertMeeting(db, event.meetingId);
  if (!meeting || (event.kind !== 'agenda' && event.kind !== 'minutes')) return { meeting: meeting as AlertMeeting, matches };
  const kind = event.kind;
  const docs = await buildSearchDocuments(db, [meeting.id]);
  if (docs.length === 0) return { meeting, matches };
  const subs = options.subscriptions ?? (await confirmedSubscriptions(db));
  const hits = await searchHits(db, deps, meeting, new Set(subs.filter((s) => s.kind === 'search' && s.query).map((s) => s.query ?? '')));
  const members = subs.some((s) => s.kind === 'person') ? new Set(await committeeMemberIds(db, meeting.organizationId, meeting.date)) : new Set<string>();
  const docById = new Map(docs.map((d) => [d.itemId, d]));
  const what = `${kindWord[kind]} for ${meeting.organizationName}s møde ${formatDate(meeting.date)}`;
  for (const s of subs) {
    let entries: MailEntry[] = [];
    if (s.kind === 'search') {
      entries = (hits.get(s.query ?? '') ?? []).flatMap((h) => {
        const doc = docById.get(h.itemId);
        return doc ? [entryOf(deps, doc, kind, h)] : [];
      });
    } else if (s.kind === 'case') {
      entries = docs.filter((d) => d.paperId !== null && d.paperId === s.target).map((d) => entryOf(deps, d, kind));
    } else if (
      (s.kind === 'committee' && s.target === meeting.organizationId) ||
      (s.kind === 'person' && s.target && members.has(s.target)) ||
      s.kind === 'all'
    ) {
      entries = docs.map((d) => entryOf(deps, d, kind));
    }
    if (entries.length === 0) continue;
    matches.set(s, {
      subject: `${s.label}: ${kind === 'minutes' ? 'referat' : 'dagsorden'} fra ${meeting.organizationName} ${formatDate(meeting.date)}`,
      intro: `${meeting.bodyName} har offentliggjort ${what}. ${entries.length === 1 ? 'Et punkt' : `${entries.length} punkter`} handler om det, du følger.`,
      entries,
    });
  }
  return { meeting, matches };
}

/** A subscriber's mail: the match(es), why it came, and the links to manage and leave (a manage token minted for this mail). */
export async function queueSubscriberMail(
  trx: Db,
  deps: AlertDeps,
  s: SubscriptionRow,
  dedupeKey: string,
  content: { subject: string; intro: string; entries: MailEntry[] },
  municipality: string,
): Promise<boolean> {
  const token = randomToken();
  const mail = renderMail({
    municipality,
    ...content,
    why: `Du får denne mail, fordi du følger ${s.label} (${frequencyLabel[s.frequency as Frequency].toLowerCase()}) på ${municipality}s dagsordener og referater.`,
    manageUrl: absoluteUrl(deps.baseUrl, alertPaths.manage(token)),
    unsubscribeUrl: absoluteUrl(deps.baseUrl, alertPaths.unsubscribe(token)),
  });
  const queued = await queueMail(trx, { ...mail, dedupeKey, toAddress: s.email, subscriptionId: s.id }, deps.now());
  if (queued) await insertSubscriptionToken(trx, sha256Hex(token), s.id, 'manage', deps.now().toISOString());
  return queued;
}

/** Matches one event and queues what it gives: instant mails now, digest lines for later. */
export async function queueAlertsFor(deps: AlertDeps, event: AlertEvent): Promise<{ mails: number; digestLines: number }> {
  const { meeting, matches } = await matchPublication(deps, event);
  let mails = 0;
  let digestLines = 0;
  if (matches.size === 0) return { mails, digestLines };
  await deps.database.db.transaction().execute(async (trx) => {
    for (const [s, match] of matches) {
      const key = `alert:${s.id}:${meeting.id}:${event.kind}`;
      if (s.frequency === 'instant') {
        if (await queueSubscriberMail(trx, deps, s, key, match, meeting.bodyName)) mails++;
      } else {
        await insertPendingMatch(trx, key, s.id, JSON.stringify({ ...match, municipality: meeting.bodyName }), deps.now().toISOString());
        digestLines++;
      }
    }
  });
  return { mails, digestLines };
}

/** The meeting's public page, for feeds and notices. */
export const meetingUrl = (deps: AlertDeps, meetingId: string): string => absoluteUrl(deps.baseUrl, publicPaths.meeting(meetingId));
