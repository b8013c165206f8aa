// The OParl 1.1 use cases (docs/oparl.md): the System, bodies, the lists a Body links to and
// every object's own URL. Lists of the big types (meetings, items, cases, consultations, files,
// people, memberships) page by keyset in the database; the small ones (organizations with the
// parties, terms, places, bodies) are built whole and paged in memory. With `modified_since`,
// the tombstones of deleted objects join the list in the same (modified, id) order.
import type { Kysely } from 'kysely';
import { DomainError } from '../../domain/errors.js';
import { DEFAULT_OPEN_DATA_LICENSE } from '../../domain/open-data.js';
import type { DB } from '../../storage/schema.js';
import { OparlLocations, locationTombstoneId } from '../../storage/repositories/oparl-locations.js';
import type { MeetingDocumentRow } from '../../storage/repositories/oparl-documents.js';
import { openDataMarker } from '../../storage/repositories/open-data-marker.js';
import {
  type ConsultationRow,
  type FileRow,
  type Key,
  type ListedType,
  OparlQueries,
  type PageStart,
  type RowOf,
  type Scope,
  type TimeFilters,
  type Tombstone,
} from '../../storage/repositories/oparl-queries.js';
import {
  type OparlObject,
  agendaItemObject,
  bodyObject,
  clean,
  consultationObject,
  fileObject,
  locationObject,
  meetingObject,
  membershipObject,
  organizationObject,
  paperObject,
  partyObject,
  personObject,
  systemObject,
  termObject,
  tombstoneObject,
} from './objects.js';
import { type FileBytes, Sha512Digests } from './digests.js';
import { OparlDocuments, documentObject, meetingDocuments } from './documents.js';
import { type ListSource, mergedSources } from './list-source.js';
import { partyLetter } from './parties.js';
import { type BodyList, OparlUrls, type segmentOf } from './urls.js';

/** What the web edge hands over, already validated. */
export interface ListParams {
  filters: TimeFilters;
  omitInternal: boolean;
  limit: number;
  /** The opaque page token of a `links` URL, or undefined for the first page. */
  page?: string | undefined;
}

export interface ListPage {
  data: OparlObject[];
  pagination: { totalElements: number; elementsPerPage: number; currentPage: number; totalPages: number };
  links: { first: string; prev?: string; self: string; next?: string; last: string };
}

export type { FileBytes } from './digests.js';

export interface OparlOptions {
  /** OParl `license` (a URL) of System and of every Body that has not chosen its own. */
  license: string;
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

// ------------------------------------------------------------------------- page tokens

/**
 * A page token: "a.<n>.<key>" page n, after the key; "b.<n>.<key>" page n, before the key;
 * "last". A key is base64url of "modified\nid". The page number rides along in the token, so
 * `currentPage` needs no count of the rows before the page.
 */
type Token = { kind: 'first' } | { kind: 'last' } | { kind: 'after' | 'before'; page: number; key: Key };

function encodeKey(k: Key): string {
  return Buffer.from(`${k.modified}\n${k.id}`, 'utf8').toString('base64url');
}

function parseToken(token: string | undefined): Token {
  if (token === undefined || token === '' || token === 'first') return { kind: 'first' };
  if (token === 'last') return { kind: 'last' };
  const m = /^([ab])\.([1-9][0-9]{0,8})\.([A-Za-z0-9_-]+)$/.exec(token);
  const decoded = m
    ? Buffer.from(m[3] ?? '', 'base64url')
        .toString('utf8')
        .split('\n')
    : [];
  if (!m || decoded.length !== 2 || !decoded[0] || !decoded[1]) {
    throw new DomainError('invalid_input', 'Parameteren page er ikke en gyldig sidemarkør (brug links fra en tidligere side)', 'page');
  }
  return { kind: m[1] === 'a' ? 'after' : 'before', page: Number(m[2]), key: { modified: decoded[0], id: decoded[1] } };
}

/** Merges live rows and tombstones (already each in key order) into one page. */
function mergeKeys<A, B>(a: A[], b: B[], keyA: (x: A) => Key, keyB: (x: B) => Key): ({ live: A } | { dead: B })[] {
  const all = [...a.map((live) => ({ live, key: keyA(live) })), ...b.map((dead) => ({ dead, key: keyB(dead) }))];
  all.sort((x, y) => (x.key.modified < y.key.modified ? -1 : x.key.modified > y.key.modified ? 1 : x.key.id < y.key.id ? -1 : x.key.id > y.key.id ? 1 : 0));
  return all.map((x) => ('live' in x ? { live: x.live } : { dead: x.dead }));
}

const keyOf = (r: { modified: string; id: string }): Key => ({ modified: r.modified, id: r.id });

/** In-memory source over a small, fully built list. */
function memorySource<R extends { modified: string; id: string }>(rows: R[]): ListSource<R> {
  const sorted = [...rows].sort((x, y) => (x.modified < y.modified ? -1 : x.modified > y.modified ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const lt = (r: R, k: Key) => r.modified < k.modified || (r.modified === k.modified && r.id < k.id);
  const gt = (r: R, k: Key) => r.modified > k.modified || (r.modified === k.modified && r.id > k.id);
  return {
    page: async (start, limit) => {
      switch (start.kind) {
        case 'first':
          return sorted.slice(0, limit);
        case 'after':
          return sorted.filter((r) => gt(r, start.key)).slice(0, limit);
        case 'before':
          return sorted.filter((r) => lt(r, start.key)).slice(-limit);
        case 'last':
          return start.count <= 0 ? [] : sorted.slice(-start.count);
      }
    },
    total: async () => sorted.length,
    key: keyOf,
  };
}

/**
 * Counts of the database lists (totalElements), kept against the list's change marker
 * (OparlQueries.changeMarker): a page of a long list then reads no more than `limit` index
 * entries. A marker that is not exact (PostgreSQL) is trusted for MARKER_TTL_MS only.
 */
const MARKER_TTL_MS = 60_000;
const MAX_COUNTS = 2000;

class CountCache {
  private readonly counts = new Map<string, { marker: string; exact: boolean; at: number; total: number }>();

  async get(key: string, marker: () => Promise<{ marker: string; exact: boolean }>, count: () => Promise<number>): Promise<number> {
    const now = Date.now();
    const m = await marker();
    const hit = this.counts.get(key);
    if (hit && hit.marker === m.marker && (hit.exact || now - hit.at < MARKER_TTL_MS)) return hit.total;
    const total = await count();
    this.counts.delete(key);
    if (this.counts.size >= MAX_COUNTS) this.counts.delete(this.counts.keys().next().value as string);
    this.counts.set(key, { ...m, at: now, total });
    return total;
  }
}

function inFilters(r: { created: string; modified: string }, f: TimeFilters): boolean {
  return (
    (!f.createdSince || r.created >= f.createdSince) &&
    (!f.createdUntil || r.created <= f.createdUntil) &&
    (!f.modifiedSince || r.modified >= f.modifiedSince) &&
    (!f.modifiedUntil || r.modified <= f.modifiedUntil)
  );
}

// ------------------------------------------------------------------------------ service

export class OparlService {
  readonly urls: OparlUrls;
  private readonly q: OparlQueries;
  private readonly places: OparlLocations;
  private readonly documents: OparlDocuments;
  private readonly counts = new CountCache();
  private readonly digests: Sha512Digests;

  constructor(
    private readonly db: Kysely<DB>,
    baseUrl: string,
    files: FileBytes | null,
    private readonly options: OparlOptions = { license: DEFAULT_OPEN_DATA_LICENSE },
  ) {
    this.urls = new OparlUrls(baseUrl);
    this.q = new OparlQueries(db);
    this.places = new OparlLocations(db);
    this.documents = new OparlDocuments(db);
    this.digests = new Sha512Digests(files);
  }

  /** Moves whenever what the API shows may have changed (the open-data dump follows it). */
  changeMarker(): Promise<string> {
    return openDataMarker(this.db);
  }

  async system(): Promise<OparlObject> {
    const bodies = await this.q.bodies();
    const created =
      bodies
        .map((b) => b.created ?? '')
        .filter(Boolean)
        .sort()[0] ?? new Date(0).toISOString();
    const modified =
      bodies
        .map((b) => b.modified ?? '')
        .filter(Boolean)
        .sort()
        .at(-1) ?? created;
    return systemObject(this.urls, { created, modified, license: this.options.license });
  }

  /** System.body: every municipality. */
  async bodyList(params: ListParams): Promise<ListPage> {
    const [bodies, licenses] = await Promise.all([this.q.bodies(), this.places.licenses()]);
    const rows = bodies.map((b) => ({ ...b, created: b.created ?? '', modified: b.modified ?? '' })).filter((r) => inFilters(r, params.filters));
    const src = memorySource(rows);
    return this.assemble(this.urls.bodies(), params, src, null, (r) => this.bodyWithTerms(r, params.omitInternal, licenses));
  }

  async body(id: string): Promise<OparlObject> {
    const b = (await this.q.bodies()).find((x) => x.id === id);
    if (!b) throw new DomainError('not_found', `Kommunen ${id} findes ikke`, id);
    return this.bodyWithTerms(b, false, await this.places.licenses());
  }

  private async bodyWithTerms(
    b: Awaited<ReturnType<OparlQueries['bodies']>>[number],
    omitInternal: boolean,
    licenses: Map<string, string>,
  ): Promise<OparlObject> {
    const terms = omitInternal ? [] : (await this.q.terms(b.id)).map((t) => termObject(this.urls, t));
    return bodyObject(this.urls, b, terms, licenses.get(b.id) ?? this.options.license);
  }

  /** One of the lists a Body links to. */
  async list(bodyId: string, list: BodyList, params: ListParams): Promise<ListPage> {
    // An unknown body is a 404, not an empty list.
    if (!(await this.q.bodies()).some((b) => b.id === bodyId)) throw new DomainError('not_found', `Kommunen ${bodyId} findes ikke`, bodyId);
    const self = this.urls.list(bodyId, list);
    const scope: Scope = { bodyId, filters: params.filters };
    switch (list) {
      case 'organization':
        return this.smallList(self, params, bodyId, 'Organization', await this.organizationRows(bodyId));
      case 'legislativeTermList':
        return this.smallList(self, params, bodyId, 'LegislativeTerm', await this.termRows(bodyId));
      case 'locationList':
        return this.smallList(self, params, bodyId, 'Location', await this.locationRows(bodyId));
      case 'meeting':
        return this.bigList(self, params, scope, 'Meeting');
      case 'agendaItem':
        return this.bigList(self, params, scope, 'AgendaItem');
      case 'paper':
        return this.bigList(self, params, scope, 'Paper');
      case 'consultation':
        return this.bigList(self, params, scope, 'Consultation');
      case 'file':
        return this.fileList(self, params, scope);
      case 'person':
        return this.bigList(self, params, scope, 'Person');
      case 'membership':
        return this.bigList(self, params, scope, 'Membership');
    }
  }

  /** Organization.meeting: the meetings of one committee. */
  async organizationMeetings(organizationId: string, params: ListParams): Promise<ListPage> {
    const org = await this.organizationRow(organizationId);
    return this.bigList(this.urls.organizationMeetings(organizationId), params, { bodyId: org.bodyId, organizationId, filters: params.filters }, 'Meeting');
  }

  /** An object's own URL: the live object, its tombstone, or not found. */
  async object(type: keyof typeof segmentOf, id: string): Promise<OparlObject> {
    const live = await this.liveObject(type, id);
    if (live) return live;
    const dead = await this.q.tombstone(type, id);
    if (dead) return tombstoneObject(this.urls, type, dead);
    throw new DomainError('not_found', `Objektet ${id} findes ikke`, id);
  }

  async party(bodyId: string, letter: string): Promise<OparlObject> {
    const row = (await this.partyRows(bodyId)).find((p) => p.letter === letter);
    if (!row) throw new DomainError('not_found', `Partiet ${letter} findes ikke`, letter);
    return partyObject(this.urls, row);
  }

  /** A place's URL: the place while a meeting uses it, then its tombstone. */
  async location(bodyId: string, key: string): Promise<OparlObject> {
    const row = await this.places.one(bodyId, key);
    if (row) return locationObject(this.urls, row);
    const dead = await this.q.tombstone('Location', locationTombstoneId(bodyId, key));
    if (dead) return tombstoneObject(this.urls, 'Location', dead);
    throw new DomainError('not_found', `Stedet ${key} findes ikke`, key);
  }

  private async liveObject(type: keyof typeof segmentOf, id: string): Promise<OparlObject | null> {
    switch (type) {
      case 'Body':
        return (await this.q.bodies()).some((b) => b.id === id) ? this.body(id) : null;
      case 'LegislativeTerm': {
        for (const b of await this.q.bodies()) {
          const t = (await this.q.terms(b.id)).find((x) => x.id === id);
          if (t) return termObject(this.urls, t);
        }
        return null;
      }
      case 'Organization': {
        const org = await this.organizationRow(id).catch(() => null);
        if (!org) return null;
        const members = await this.q.membershipIdsOf([org.id]);
        return organizationObject(
          this.urls,
          org,
          members.map((m) => m.id),
        );
      }
      default: {
        if (type === 'File') {
          const document = await this.documents.object(this.urls, id, (meetingId) => this.q.tombstone('Meeting', meetingId));
          if (document) return document;
        }
        const bodyId = await this.q.bodyOf(type, id);
        if (!bodyId) return null;
        const rows = await this.q.page(type, { bodyId, id }, { kind: 'first' }, 1);
        if (rows.length === 0) return null;
        const [object] = await this.build(type, bodyId, rows, false);
        return object ?? null;
      }
    }
  }

  // ---------------------------------------------------------------------- list assembly

  private async bigList<T extends ListedType>(self: string, params: ListParams, scope: Scope, type: T): Promise<ListPage> {
    const src: ListSource<RowOf[T]> = {
      page: (start, limit) => this.q.page(type, scope, start, limit),
      total: () =>
        this.counts.get(
          this.countKey('live', type, scope),
          () => this.q.changeMarker(type, scope),
          () => this.q.count(type, scope),
        ),
      key: keyOf,
    };
    const dead = params.filters.modifiedSince ? this.tombstoneSource(type, scope) : null;
    return this.assemble(self, params, src, dead, undefined, (rows) => this.build(type, scope.bodyId, rows, params.omitInternal));
  }

  /** Body.file: the stored files and the meetings' generated PDFs (documents.ts), in one keyset order. */
  private async fileList(self: string, params: ListParams, scope: Scope): Promise<ListPage> {
    type Row = RowOf['File'] | MeetingDocumentRow;
    const stored: ListSource<Row> = {
      page: (start, limit) => this.q.page('File', scope, start, limit),
      total: () =>
        this.counts.get(
          this.countKey('live', 'File', scope),
          () => this.q.changeMarker('File', scope),
          () => this.q.count('File', scope),
        ),
      key: keyOf,
    };
    const documents = this.documents.sources(scope).map((s, i): ListSource<Row> => ({
      page: (start, limit) => s.page(start, limit),
      total: () =>
        this.counts.get(
          this.countKey('live', `Document${i}`, scope),
          () => this.q.changeMarker('Meeting', scope),
          () => s.total(),
        ),
      key: keyOf,
    }));
    const dead = params.filters.modifiedSince ? mergedSources([this.tombstoneSource('File', scope), ...this.documents.tombstoneSources(scope)]) : null;
    const isDocument = (r: Row): r is MeetingDocumentRow => 'kind' in r;
    return this.assemble(self, params, mergedSources<Row>([stored, ...documents]), dead, undefined, async (rows) => {
      const files = await this.fileObjects(rows.filter((r): r is FileRow => !isDocument(r)));
      const byId = new Map(files.map((f) => [f.id, f]));
      return rows.map((r) => (isDocument(r) ? documentObject(this.urls, r) : (byId.get(this.urls.object('File', r.id)) ?? {})));
    });
  }

  private tombstoneSource(type: string, scope: Scope): ListSource<Tombstone> {
    return {
      page: (start, limit) => this.q.tombstonePage(type, scope, start, limit),
      total: () =>
        this.counts.get(
          this.countKey('dead', type, scope),
          () => this.q.changeMarker(type, scope),
          () => this.q.tombstoneCount(type, scope),
        ),
      key: keyOf,
    };
  }

  private countKey(kind: 'live' | 'dead', type: string, scope: Scope): string {
    const f = scope.filters ?? {};
    return [
      kind,
      type,
      scope.bodyId,
      scope.organizationId ?? '',
      f.createdSince ?? '',
      f.createdUntil ?? '',
      f.modifiedSince ?? '',
      f.modifiedUntil ?? '',
    ].join('|');
  }

  private async smallList<R extends { id: string; created: string; modified: string }>(
    self: string,
    params: ListParams,
    bodyId: string,
    tombType: 'Organization' | 'LegislativeTerm' | 'Location' | null,
    rows: (R & { object: () => Promise<OparlObject> | OparlObject })[],
  ): Promise<ListPage> {
    const src = memorySource(rows.filter((r) => inFilters(r, params.filters)));
    const dead = params.filters.modifiedSince && tombType ? this.tombstoneSource(tombType, { bodyId, filters: params.filters }) : null;
    return this.assemble(self, params, src, dead, (r) => r.object());
  }

  /**
   * One page of a list: live rows (and tombstones) from the start the token names, one row
   * more than the page to learn whether another page follows, the page number from the token,
   * the total from the (cached) counts, links that keep the filters.
   */
  private async assemble<R extends { id: string; modified: string }>(
    self: string,
    params: ListParams,
    live: ListSource<R>,
    dead: ListSource<Tombstone> | null,
    one?: (row: R) => Promise<OparlObject> | OparlObject,
    many?: (rows: R[]) => Promise<OparlObject[]>,
  ): Promise<ListPage> {
    const limit = params.limit;
    const token = parseToken(params.page);
    const [liveTotal, deadTotal] = await Promise.all([live.total(), dead ? dead.total() : Promise.resolve(0)]);
    const total = liveTotal + deadTotal;
    const totalPages = Math.max(1, Math.ceil(total / limit));
    // The last page holds what the full pages before it leave, so that walking back from it
    // meets the same page boundaries as walking forward from the first.
    const size = token.kind === 'last' ? total - (totalPages - 1) * limit : limit;
    const start: PageStart =
      token.kind === 'first' || token.kind === 'last'
        ? token.kind === 'first'
          ? token
          : { kind: 'last', count: size + 1 }
        : token.kind === 'after'
          ? { kind: 'after', key: token.key }
          : { kind: 'before', key: token.key };
    const backwards = start.kind === 'before' || start.kind === 'last';
    const [liveRows, deadRows] = await Promise.all([live.page(start, size + 1), dead ? dead.page(start, size + 1) : Promise.resolve([])]);
    const all = mergeKeys(liveRows, deadRows, live.key, keyOf);
    const more = all.length > size;
    const merged = size <= 0 ? [] : backwards ? all.slice(-size) : all.slice(0, size);
    const currentPage = token.kind === 'first' ? 1 : token.kind === 'last' ? totalPages : token.page;

    const first = merged[0];
    const firstKey = first ? ('live' in first ? live.key(first.live) : keyOf(first.dead)) : null;
    const lastEntry = merged.at(-1);
    const lastKey = lastEntry ? ('live' in lastEntry ? live.key(lastEntry.live) : keyOf(lastEntry.dead)) : null;

    const liveOnPage = merged.flatMap((e) => ('live' in e ? [e.live] : []));
    const built = many ? await many(liveOnPage) : await Promise.all(liveOnPage.map(async (r) => (one ? one(r) : {})));
    const byId = new Map(liveOnPage.map((r, i) => [r.id, built[i]]));
    const type = (t: Tombstone) => t.type as keyof typeof segmentOf | 'Location';
    const data = merged.map((e) => ('live' in e ? (byId.get(e.live.id) ?? {}) : tombstoneObject(this.urls, type(e.dead), e.dead)));

    const link = (page?: string) => {
      const u = new URL(self);
      const f = params.filters;
      const set = (k: string, v: string | undefined) => v && u.searchParams.set(k, v);
      set('created_since', f.createdSince);
      set('created_until', f.createdUntil);
      set('modified_since', f.modifiedSince);
      set('modified_until', f.modifiedUntil);
      if (params.omitInternal) u.searchParams.set('omit_internal', 'true');
      if (params.limit !== DEFAULT_LIMIT) u.searchParams.set('limit', String(params.limit));
      if (page) u.searchParams.set('page', page);
      return u.toString();
    };
    // Walking forward, a page after a key has one before it; walking back, one after it.
    const hasNext = lastKey !== null && (backwards ? start.kind === 'before' : more);
    const hasPrev = firstKey !== null && currentPage > 1 && (backwards ? more : true);
    return {
      data,
      pagination: { totalElements: total, elementsPerPage: limit, currentPage, totalPages },
      links: {
        first: link(),
        ...(hasPrev && firstKey ? { prev: link(`b.${currentPage - 1}.${encodeKey(firstKey)}`) } : {}),
        self: link(params.page),
        ...(hasNext && lastKey ? { next: link(`a.${currentPage + 1}.${encodeKey(lastKey)}`) } : {}),
        last: link(totalPages > 1 ? 'last' : undefined),
      },
    };
  }

  // -------------------------------------------------------------------- small list rows

  private async organizationRow(id: string) {
    const m = /^party:([^:]+):(.+)$/.exec(id);
    if (m) throw new DomainError('not_found', `Udvalget ${id} findes ikke`, id);
    for (const b of await this.q.bodies()) {
      const org = (await this.q.organizations(b.id)).find((o) => o.id === id);
      if (org) return { ...org, created: org.created ?? '', modified: org.modified ?? '' };
    }
    throw new DomainError('not_found', `Udvalget ${id} findes ikke`, id);
  }

  private async organizationRows(bodyId: string) {
    const orgs = await this.q.organizations(bodyId);
    const members = await this.q.membershipIdsOf(orgs.map((o) => o.id));
    const committees = orgs.map((o) => {
      const row = { ...o, created: o.created ?? '', modified: o.modified ?? '' };
      const ids = members.filter((m) => m.organizationId === o.id).map((m) => m.id);
      return { ...row, object: () => organizationObject(this.urls, row, ids) };
    });
    const parties = (await this.partyRows(bodyId)).map((p) => ({
      id: this.urls.party(bodyId, p.letter),
      created: p.created,
      modified: p.modified,
      object: () => partyObject(this.urls, p),
    }));
    return [...committees, ...parties];
  }

  private async partyRows(bodyId: string) {
    const byLetter = new Map<string, { bodyId: string; letter: string; created: string; modified: string }>();
    for (const p of await this.q.parties(bodyId)) {
      const letter = partyLetter(p.party);
      if (!letter) continue;
      const seen = byLetter.get(letter);
      byLetter.set(letter, {
        bodyId,
        letter,
        created: seen && seen.created < p.created ? seen.created : p.created,
        modified: seen && seen.modified > p.modified ? seen.modified : p.modified,
      });
    }
    return [...byLetter.values()];
  }

  private async termRows(bodyId: string) {
    return (await this.q.terms(bodyId)).map((t) => {
      const row = { ...t, created: t.created ?? '', modified: t.modified ?? '' };
      return { ...row, object: () => termObject(this.urls, row) };
    });
  }

  private async locationRows(bodyId: string) {
    return (await this.places.inUse(bodyId)).map((l) => ({ ...l, id: this.urls.location(bodyId, l.key), object: () => locationObject(this.urls, l) }));
  }

  // ---------------------------------------------------------------------- object builders

  /** OParl objects for a page of rows of one type, children loaded per page (not per row). */
  async build<T extends ListedType>(type: T, bodyId: string, rows: RowOf[T][], omitInternal: boolean): Promise<OparlObject[]> {
    switch (type) {
      case 'Meeting':
        return this.meetings(bodyId, rows as RowOf['Meeting'][], omitInternal);
      case 'AgendaItem':
        return this.items(bodyId, rows as RowOf['AgendaItem'][], omitInternal);
      case 'Paper': {
        const papers = rows as RowOf['Paper'][];
        const consultations = await this.q.consultationsOf(bodyId, { paperIds: papers.map((p) => p.id) });
        return papers.map((p) => {
          const own = consultations.filter((c) => c.paperId === p.id);
          const dates = own
            .map((c) => c.date ?? c.meetingDate)
            .filter((d): d is string => d !== null)
            .sort();
          return paperObject(this.urls, p, omitInternal ? undefined : own.map((c) => consultationObject(this.urls, c)), dates[0] ?? null);
        });
      }
      case 'Consultation':
        return (rows as ConsultationRow[]).map((c) => consultationObject(this.urls, c));
      case 'File':
        return this.fileObjects(rows as FileRow[]);
      case 'Person': {
        const people = rows as RowOf['Person'][];
        const memberships = omitInternal ? [] : await this.q.membershipsOfPeople(people.map((p) => p.id));
        return people.map((p) =>
          personObject(this.urls, p, omitInternal ? undefined : memberships.filter((m) => m.personId === p.id).map((m) => membershipObject(this.urls, m))),
        );
      }
      case 'Membership':
        return (rows as RowOf['Membership'][]).map((m) => membershipObject(this.urls, m));
    }
    return [];
  }

  private async meetings(bodyId: string, rows: RowOf['Meeting'][], omitInternal: boolean): Promise<OparlObject[]> {
    const ids = rows.map((m) => m.id);
    const [items, files, attendance, approvals, places] = await Promise.all([
      omitInternal ? Promise.resolve([]) : this.q.itemsOfMeetings(bodyId, ids),
      omitInternal ? Promise.resolve([]) : this.q.filesOf(bodyId, { meetingIds: ids }),
      this.q.attendanceOf(ids),
      this.q.approvalsOf(ids),
      this.places.byDescription(
        bodyId,
        rows.flatMap((m) => (m.location ? [m.location] : [])),
      ),
    ]);
    const itemObjects = await this.items(bodyId, items, false);
    const fileObjects = await this.fileObjects(files);
    return rows.map((m) => ({
      ...meetingObject(this.urls, m, {
        location: places.find((p) => p.description === m.location) ?? null,
        items: omitInternal ? undefined : itemObjects.filter((_, i) => items[i]?.meetingId === m.id),
        files: omitInternal ? undefined : fileObjects.filter((_, i) => files[i]?.meetingId === m.id),
        attendance: attendance.filter((a) => a.meetingId === m.id),
        approvals: approvals.filter((a) => a.meetingId === m.id),
      }),
      // Embedded objects, so not left out by omit_internal (not among the lists it names).
      ...clean(meetingDocuments(this.urls, m)),
    }));
  }

  private async items(bodyId: string, rows: RowOf['AgendaItem'][], omitInternal: boolean): Promise<OparlObject[]> {
    const ids = rows.map((i) => i.id);
    const [children, files, consultations] = await Promise.all([
      this.q.itemChildren(ids),
      omitInternal ? Promise.resolve([]) : this.q.filesOf(bodyId, { itemIds: ids }),
      this.q.consultationsOf(bodyId, { itemIds: ids }),
    ]);
    const fileObjects = await this.fileObjects(files);
    return rows.map((i) =>
      agendaItemObject(
        this.urls,
        i,
        {
          sections: children.sections.filter((s) => s.agendaItemId === i.id),
          notes: children.notes.filter((n) => n.agendaItemId === i.id),
          votes: children.votes.filter((v) => v.agendaItemId === i.id),
        },
        {
          files: omitInternal ? undefined : fileObjects.filter((_, k) => files[k]?.agendaItemId === i.id),
          consultation: consultations.find((c) => c.agendaItemId === i.id),
        },
      ),
    );
  }

  private async fileObjects(rows: FileRow[]): Promise<OparlObject[]> {
    return Promise.all(rows.map(async (f) => fileObject(this.urls, f, f.sha512 ?? (await this.digests.sha512(f.sha256)))));
  }
}
