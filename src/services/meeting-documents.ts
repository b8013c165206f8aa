// A meeting's agenda, minutes and merged document ("samlet dokument") as PDF.
//
// The public edition is built from the portal's MeetingPage, so it holds exactly what the
// meeting page shows (publicView: a closed item is its neutral title and decision). The
// members' edition is built from the staff view and only for a principal who may read the
// closed items. Rendering is pure (render/pdf); this file decides what goes in.
//
// Rendered PDFs are cached in memory by content hash: a SHA-256 of the view model's JSON, the
// kind, the edition and the renderer version. The hash is known before anything is drawn, so
// a repeat request (or a conditional GET) costs the few reads that build the model, and a
// change to anything printed (a corrected decision, a withdrawn attachment) is a new hash.
import { createHash } from 'node:crypto';
import { type Principal } from '../domain/access.js';
import type { MemberRef, Vote, VoteChoice } from '../domain/agenda-item.js';
import { approvalRuleLabel } from '../domain/approval.js';
import type { PublicationSummary } from '../domain/publication.js';
import type { Attendance } from '../domain/attendance.js';
import { DomainError, notFound } from '../domain/errors.js';
import { isStored } from '../domain/file.js';
import { agendaIsPublic, notYetHeld } from '../domain/meeting.js';
import { danishDateTime } from '../render/pdf/approval-page.js';
import { itemLabel } from '../render/pdf/items.js';
import type { MeetingDocumentEdition, MeetingDocumentKind, MeetingPdfModel, PdfAttachment, PdfItem, PdfPerson } from '../render/pdf/meeting-model.js';
import { MEETING_PDF_RENDERER_VERSION, meetingPdfTitle, renderMeetingPdf } from '../render/pdf/meeting-pdf.js';
import { attachmentPageCount, mergeSamlet, prepareAttachments } from '../render/pdf/merge.js';
import type { Database } from '../storage/db.js';
import { CaseQueries } from '../storage/repositories/case-queries.js';
import { PortalQueries } from '../storage/repositories/portal-queries.js';
import { canReadClosed, loadMeeting } from './lifecycle/guard.js';
import { approvalStatusIn, minutesApprovalRecord } from './lifecycle/minutes-approval-status.js';
import { awaitingLine, correctionLines, mannerText } from '../render/approval-text.js';
import { staffMeeting } from './lifecycle/staff-views.js';
import { type FileReader, PortalService } from './portal/portal.js';

export type DocumentKind = MeetingDocumentKind | 'samlet';

export interface DocumentRequest {
  meetingId: string;
  kind: DocumentKind;
  edition: MeetingDocumentEdition;
  /** Required for the members' edition. */
  actor?: Principal | null;
}

export interface PreparedDocument {
  /** Hex SHA-256 of what the PDF is made from; the HTTP ETag. */
  hash: string;
  fileName: string;
  title: string;
  /** The PDF, from the cache or rendered now. */
  bytes(): Promise<Uint8Array>;
}

export interface MeetingDocumentsDeps {
  portal: PortalService;
  database: Database;
  files: FileReader;
  /** Most bytes of rendered PDFs kept in memory (default 64 MiB). */
  maxCacheBytes?: number;
}

/** The documents service over a database and a file store (the CLI and the web app). */
export function meetingDocumentsFor(database: Database, files: FileReader, options: { today?: () => string } = {}): MeetingDocuments {
  return new MeetingDocuments({ portal: new PortalService(new PortalQueries(database.db), options), database, files });
}

const voteLabel: Record<VoteChoice, string> = { for: 'For', against: 'Imod', abstain: 'Undlod at stemme' };
// Imported minutes may print only the count ("Med stemmerne 11 for"): then the count is the label.
const formatVote = (v: Vote): { label: string } => ({
  label: v.label === '' ? `${voteLabel[v.choice]}: ${v.count ?? ''}` : `${voteLabel[v.choice]}: ${v.label}${v.count === null ? '' : ` (${v.count})`}`,
});
const person = (p: { name: string; party: string | null }): PdfPerson => ({ name: p.name, party: p.party });

/** "BU - Budget 2025", unless the title already carries a committee prefix ("SSÆ/BU - …"). */
export function prefixedTitle(title: string, code: string | null): string {
  if (!code || /^[A-ZÆØÅ]{1,6}(\/[A-ZÆØÅ]{1,6})*\s+[-–]\s+/.test(title)) return title;
  return `${code} - ${title}`;
}

export class MeetingDocuments {
  private readonly cache = new Map<string, Uint8Array>();
  private readonly pending = new Map<string, Promise<Uint8Array>>();
  private cachedBytes = 0;
  private readonly maxCacheBytes: number;

  constructor(private readonly deps: MeetingDocumentsDeps) {
    this.maxCacheBytes = deps.maxCacheBytes ?? 64 * 2 ** 20;
  }

  async prepare(request: DocumentRequest): Promise<PreparedDocument> {
    if (request.kind === 'samlet' && request.edition === 'members') {
      throw new DomainError('invalid_input', 'Det samlede dokument findes kun i den offentlige udgave', 'udgave');
    }
    const kind: MeetingDocumentKind = request.kind === 'samlet' ? 'dagsorden' : request.kind;
    const model =
      request.edition === 'members' ? await this.membersModel(request.meetingId, kind, request.actor ?? null) : await this.publicModel(request.meetingId, kind);
    const hash = createHash('sha256')
      .update(JSON.stringify({ renderer: MEETING_PDF_RENDERER_VERSION, kind: request.kind, model }))
      .digest('hex');
    const lukket = request.edition === 'members' ? '-lukket' : '';
    const samlet = request.kind === 'samlet' ? 'samlet-dokument' : kind;
    return {
      hash,
      fileName: `${samlet}${lukket}-${model.date}.pdf`,
      title: request.kind === 'samlet' ? samletTitle(model) : meetingPdfTitle(model),
      bytes: () => this.cached(hash, () => (request.kind === 'samlet' ? this.renderSamlet(model) : renderMeetingPdf(model).then((r) => r.bytes))),
    };
  }

  /** Renders once per hash, also when several requests for it arrive together. */
  private async cached(hash: string, render: () => Promise<Uint8Array>): Promise<Uint8Array> {
    const hit = this.cache.get(hash);
    if (hit) {
      // Least recently used goes first: re-inserting moves the entry to the end.
      this.cache.delete(hash);
      this.cache.set(hash, hit);
      return hit;
    }
    const running = this.pending.get(hash);
    if (running) return running;
    const job = render().finally(() => this.pending.delete(hash));
    this.pending.set(hash, job);
    const bytes = await job;
    if (bytes.byteLength <= this.maxCacheBytes && !this.cache.has(hash)) {
      for (const [key, value] of this.cache) {
        if (this.cachedBytes + bytes.byteLength <= this.maxCacheBytes) break;
        this.cache.delete(key);
        this.cachedBytes -= value.byteLength;
      }
      this.cache.set(hash, bytes);
      this.cachedBytes += bytes.byteLength;
    }
    return bytes;
  }

  private async renderSamlet(model: MeetingPdfModel): Promise<Uint8Array> {
    // Only public attachments are in a public model; only PDFs can be merged.
    const wanted = model.items.flatMap((item, itemIndex) =>
      item.attachments.filter((a) => a.sha256 !== null && a.mediaType === 'application/pdf').map((a) => ({ a, itemIndex })),
    );
    const read = await Promise.all(wanted.map(async ({ a, itemIndex }) => ({ title: a.title, itemIndex, bytes: await this.deps.files.read(a.sha256!) })));
    const prepared = await prepareAttachments(read);
    const key = (p: { itemIndex: number; title: string }): string => `${p.itemIndex}\u0000${p.title}`;
    const unreadable = new Set(prepared.filter((p) => p.pdf === null).map(key));
    const untagged = new Set(prepared.filter((p) => p.pdf !== null && !p.tagged).map(key));
    // The attachments' pages follow the agenda's, and its footers count them ("Side 3 af 5").
    const followingPages = attachmentPageCount(prepared);
    // The agenda says, per attachment, whether the merged document holds it.
    const annotated: MeetingPdfModel = {
      ...model,
      items: model.items.map((item, index) => ({
        ...item,
        attachments: item.attachments.map((a): PdfAttachment => {
          if (a.sha256 === null) return a;
          if (a.mediaType !== 'application/pdf') return { ...a, note: 'ikke med i det samlede dokument, da det ikke er en PDF-fil' };
          const k = key({ itemIndex: index, title: a.title });
          if (unreadable.has(k)) return { ...a, note: 'ikke med i det samlede dokument, da filen ikke kunne læses som PDF' };
          if (untagged.has(k)) return { ...a, note: 'findes bagest i dette dokument, uden tilgængelighedsmærkning (tags) som den modtagne fil' };
          return { ...a, note: 'findes bagest i dette dokument' };
        }),
      })),
    };
    const agenda = await renderMeetingPdf(annotated, { followingPages });
    const merged = await mergeSamlet({
      agenda: agenda.bytes,
      title: samletTitle(model),
      tocPage: agenda.tocPage,
      items: model.items.map((item, i) => ({ label: itemLabel(item), page: agenda.itemPages[i] ?? 1 })),
      attachments: prepared,
    });
    return merged.bytes;
  }

  private async publicModel(meetingId: string, kind: MeetingDocumentKind): Promise<MeetingPdfModel> {
    const page = await this.deps.portal.meetingPage(meetingId);
    // A document that does not exist yet answers like a missing one.
    if (!page.agendaPublic) throw notFound('Dagsordenen', meetingId);
    if (kind === 'referat' && !page.minutesPublic) throw notFound('Referatet', meetingId);
    const db = this.deps.database.db;
    const portal = new PortalQueries(db);
    const cases = new CaseQueries(db);
    const minutes = kind === 'referat';
    const org = await portal.organization(page.meeting.organizationId);
    const term = org?.termId ? await portal.term(org.termId) : null;
    const code = org?.shortName ?? null;
    const items = await Promise.all(
      page.items.map(async (item): Promise<PdfItem> => ({
        number: item.number,
        title: prefixedTitle(item.title, code),
        // paperId is set only on open items (publicView drops it on closed ones).
        caseNumber: item.paperId ? await cases.reference(item.paperId) : null,
        closed: !item.public,
        ...notes(minutes, item),
        sections: item.sections
          .filter((s) => minutes || s.kind !== 'decision')
          .map((s) => ({ kind: s.kind, heading: s.heading, text: s.text, html: s.html ?? null })),
        attachments: item.files.map((f) => ({
          title: f.title,
          fileName: f.fileName,
          size: isStored(f) ? f.size : null,
          sha256: f.sha256,
          mediaType: f.mediaType,
        })),
      })),
    );
    const version = [...page.versions].reverse().find((v) => v.kind === (minutes ? 'minutes' : 'agenda'));
    const approval = minutes ? await this.approval(meetingId, page.versions) : null;
    return {
      kind,
      edition: 'public',
      municipality: page.body.name,
      committee: page.meeting.organizationName,
      committeeCode: code,
      term: term?.name ?? null,
      date: page.meeting.date,
      start: page.meeting.start,
      end: page.meeting.end,
      location: page.meeting.location,
      cancelled: page.meeting.cancelled,
      status: version ? `Version ${version.version}, offentliggjort ${danishDateTime(version.publishedAt)}` : null,
      participants:
        minutes && page.attendance
          ? {
              present: page.attendance.present.map(person),
              absent: page.attendance.absent.map(person),
              substitutes: page.attendance.substitutes.map((s) => ({ ...person(s), forName: s.forName })),
            }
          : null,
      items,
      approval,
      issuedAt: version?.publishedAt ?? `${page.meeting.date}T00:00:00.000Z`,
    };
  }

  private async membersModel(meetingId: string, kind: MeetingDocumentKind, actor: Principal | null): Promise<MeetingPdfModel> {
    if (!actor) throw new DomainError('unauthenticated', 'Log ind for at hente udgaven med lukkede punkter');
    const db = this.deps.database.db;
    const ref = await loadMeeting(db, meetingId);
    if (!(await canReadClosed(db, actor, ref))) {
      throw new DomainError('forbidden', 'Udgaven med lukkede punkter kan kun hentes af udvalgets medlemmer og sekretariat');
    }
    const meeting = await staffMeeting(db, actor, ref);
    const minutes = kind === 'referat';
    const held = !notYetHeld(meeting.state);
    if (minutes && !held) throw notFound('Referatet', meetingId);
    const portal = new PortalQueries(db);
    const [org, body] = await Promise.all([portal.organization(meeting.organizationId), portal.bodyById(meeting.bodyId)]);
    const term = org?.termId ? await portal.term(org.termId) : null;
    const code = org?.shortName ?? null;
    const status = minutes
      ? meeting.state === 'held'
        ? 'Udkast – referatet er endnu ikke godkendt'
        : meeting.state === 'minutes_approved'
          ? 'Godkendt – endnu ikke offentliggjort'
          : null
      : !agendaIsPublic(meeting.state)
        ? 'Udkast – dagsordenen er endnu ikke udsendt'
        : null;
    const latest = [...meeting.publications].reverse().find((p) => p.kind === (minutes ? 'minutes' : 'agenda'));
    return {
      kind,
      edition: 'members',
      municipality: body?.name ?? '',
      committee: meeting.organizationName,
      committeeCode: code,
      term: term?.name ?? null,
      date: meeting.date,
      start: meeting.start,
      end: meeting.end,
      location: meeting.location,
      cancelled: meeting.cancelled,
      status,
      participants: meeting.attendance.length > 0 ? groupAttendance(meeting.attendance) : null,
      items: meeting.items.map((item) => ({
        number: item.number,
        title: prefixedTitle(item.title, code),
        caseNumber: item.caseNumber,
        closed: !item.public,
        ...notes(minutes, item),
        sections: item.sections
          .filter((s) => minutes || s.kind !== 'decision')
          .map((s) => ({ kind: s.kind, heading: s.heading, text: s.text, html: s.html ?? null })),
        attachments: item.attachments.map((a) => ({
          title: a.public ? a.title : `${a.title} (lukket bilag)`,
          fileName: a.fileName,
          size: a.size,
          sha256: null,
          mediaType: a.mediaType,
        })),
      })),
      approval: minutes ? await this.approval(meetingId, meeting.publications) : null,
      // Everything printed is in the model, so any saved change to a draft is a new hash.
      issuedAt: latest?.publishedAt ?? `${meeting.date}T00:00:00.000Z`,
    };
  }

  private async approval(meetingId: string, versions: readonly PublicationSummary[]): Promise<MeetingPdfModel['approval']> {
    const db = this.deps.database.db;
    const meeting = await loadMeeting(db, meetingId);
    const status = await approvalStatusIn(db, meeting);
    const minutes = versions.filter((v) => v.kind === 'minutes');
    const record = meeting.state === 'minutes_published' && minutes.length > 0 ? await minutesApprovalRecord(db, meeting) : null;
    if (record === null || (record.approvedVersion === null && record.awaitingVersion === null)) {
      return {
        ruleLabel: approvalRuleLabel[status.rule],
        // Names and times only: who pressed the button (an email) is not for print.
        approved: status.approved.map((a) => ({ name: a.name, approvedAt: a.approvedAt, how: mannerText(a.givenHow) })),
        missing: status.missing.map((m) => m.name),
        corrections: correctionLines(null, minutes),
      };
    }
    // Published: the approvals of the version they approved, the corrections after it, and a
    // corrected version awaiting approval said as such.
    return {
      ruleLabel: approvalRuleLabel[status.rule],
      approved: record.approved.map((a) => ({ name: a.name, approvedAt: a.approvedAt, how: mannerText(a.givenHow) })),
      missing: record.awaitingVersion !== null ? status.missing.map((m) => m.name) : [],
      version: minutes.length > 1 && record.approvedVersion !== null ? record.approvedVersion : null,
      awaiting: awaitingLine(record.approvedVersion, record.awaitingVersion),
      corrections: correctionLines(record.approvedVersion, minutes),
    };
  }
}

function notes(
  minutes: boolean,
  item: {
    decision: string | null;
    absences: MemberRef[];
    disqualifications: (MemberRef & { reason: string | null })[];
    dissents: (MemberRef & { text: string })[];
    votes: Vote[];
  },
): Pick<PdfItem, 'decision' | 'absences' | 'disqualifications' | 'dissents' | 'votes'> {
  // The agenda is the agenda: decisions and per-item notes belong to the minutes.
  if (!minutes) return { decision: null, absences: [], disqualifications: [], dissents: [], votes: [] };
  return {
    decision: item.decision,
    absences: item.absences.map(person),
    disqualifications: item.disqualifications.map((d) => ({ ...person(d), reason: d.reason })),
    dissents: item.dissents.map((d) => ({ ...person(d), text: d.text })),
    votes: item.votes.map(formatVote),
  };
}

function groupAttendance(all: readonly Attendance[]): NonNullable<MeetingPdfModel['participants']> {
  return {
    present: all.filter((a) => a.status === 'present' && a.substituteForPersonId === null).map(person),
    absent: all.filter((a) => a.status === 'absent').map(person),
    substitutes: all.filter((a) => a.status === 'present' && a.substituteForPersonId !== null).map((a) => ({ ...person(a), forName: a.substituteForName })),
  };
}

function samletTitle(model: MeetingPdfModel): string {
  return `${meetingPdfTitle(model)} – samlet dokument med bilag`;
}
