// The meetings' generated PDFs as OParl Files: Meeting.invitation is the agenda
// (/moeder/<id>/dagsorden.pdf, once the agenda is public), Meeting.resultsProtocol the minutes
// (/moeder/<id>/referat.pdf, once the minutes are published). They have stable ids
// ("dagsorden-<meeting id>", "referat-<meeting id>"), the meeting's created/modified (what the
// PDF shows changes only with the meeting, which every such change touches), are listed in the
// body's file list beside the stored files, and answer a tombstone at their URL once the
// meeting left the state that made them public (or was deleted).
import { type MeetingState, agendaIsPublic, meetingStates, minutesArePublic } from '../../domain/meeting.js';
import type { Key, PageStart, Scope, Tombstone } from '../../storage/repositories/oparl-queries.js';
import { type DocumentKind, type MeetingDocumentRow, OparlMeetingDocuments } from '../../storage/repositories/oparl-documents.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';
import { type OparlObject, clean, tombstoneObject } from './objects.js';
import { oparlDateTime } from './time.js';
import { type OparlUrls, typeUrl } from './urls.js';
import type { ListSource } from './list-source.js';

const kinds: DocumentKind[] = ['dagsorden', 'referat'];
/** Which meeting states make each document public: the domain's rules, as state lists. */
const publicIn: Record<DocumentKind, (state: MeetingState) => boolean> = { dagsorden: agendaIsPublic, referat: minutesArePublic };
const statesOf = (kind: DocumentKind) => meetingStates.filter(publicIn[kind]);
const label: Record<DocumentKind, string> = { dagsorden: 'Dagsorden', referat: 'Referat' };

export const documentId = (kind: DocumentKind, meetingId: string): string => `${kind}-${meetingId}`;

function parseDocumentId(id: string): { kind: DocumentKind; meetingId: string } | null {
  const m = /^(dagsorden|referat)-(.+)$/.exec(id);
  return m ? { kind: m[1] as DocumentKind, meetingId: m[2] ?? '' } : null;
}

export function documentObject(urls: OparlUrls, d: Pick<MeetingDocumentRow, 'kind' | 'meetingId' | 'date' | 'created' | 'modified'>): OparlObject {
  const access = urls.meetingDocument(d.meetingId, d.kind);
  return clean({
    id: urls.object('File', documentId(d.kind, d.meetingId)),
    type: typeUrl('File'),
    name: label[d.kind],
    fileName: `${d.kind}-${d.date}.pdf`,
    mimeType: 'application/pdf',
    date: d.date,
    accessUrl: access,
    downloadUrl: `${access}?hent=1`,
    meeting: [urls.object('Meeting', d.meetingId)],
    created: oparlDateTime(d.created),
    modified: oparlDateTime(d.modified),
  });
}

/** Meeting.invitation and Meeting.resultsProtocol of a meeting row, where public. */
export function meetingDocuments(urls: OparlUrls, m: { id: string; state: string; date: string; created: string; modified: string }): OparlObject {
  const of = (kind: DocumentKind) =>
    publicIn[kind](m.state as MeetingState)
      ? documentObject(urls, { kind, meetingId: m.id, date: m.date, created: m.created, modified: m.modified })
      : undefined;
  return { invitation: of('dagsorden'), resultsProtocol: of('referat') };
}

export class OparlDocuments {
  private readonly q: OparlMeetingDocuments;
  constructor(db: Kysely<DB>) {
    this.q = new OparlMeetingDocuments(db);
  }

  /** The documents of a body's file list, one keyset source per kind. */
  sources(scope: Scope): ListSource<MeetingDocumentRow>[] {
    return kinds.map((kind) => ({
      page: (start: PageStart, limit: number) => this.q.page(kind, statesOf(kind), scope, start, limit),
      total: () => this.q.count(statesOf(kind), scope),
      key: (r: MeetingDocumentRow): Key => ({ modified: r.modified, id: r.id }),
    }));
  }

  /**
   * With `modified_since`: a tombstone for each document of a meeting changed since in a state
   * that does not make it public (set back; or never public, which a client may ignore).
   * Documents of deleted meetings are not listed: the Meeting's tombstone stands for them.
   */
  tombstoneSources(scope: Scope): ListSource<Tombstone>[] {
    return kinds.map((kind) => {
      const hidden = meetingStates.filter((s) => !publicIn[kind](s));
      const stone = (r: MeetingDocumentRow): Tombstone => ({ type: 'File', id: r.id, bodyId: r.bodyId, created: r.created, modified: r.modified });
      return {
        page: async (start: PageStart, limit: number) => (await this.q.page(kind, hidden, scope, start, limit)).map(stone),
        total: () => this.q.count(hidden, scope),
        key: (r: Tombstone): Key => ({ modified: r.modified, id: r.id }),
      };
    });
  }

  /** A document's own URL: the File while public, a tombstone once the meeting left that state; null if no such id. */
  async object(urls: OparlUrls, id: string, meetingTombstone: (meetingId: string) => Promise<Tombstone | null>): Promise<OparlObject | null> {
    const parsed = parseDocumentId(id);
    if (!parsed) return null;
    const m = await this.q.meeting(parsed.meetingId);
    if (m && publicIn[parsed.kind](m.state as MeetingState)) return documentObject(urls, { ...parsed, date: m.date, created: m.created, modified: m.modified });
    const dead = m ? { type: 'File', id, bodyId: m.bodyId, created: m.created, modified: m.modified } : await meetingTombstone(parsed.meetingId);
    return dead ? tombstoneObject(urls, 'File', { ...dead, type: 'File', id }) : null;
  }
}
