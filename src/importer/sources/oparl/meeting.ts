// One OParl 1.1 Meeting → ParsedDocument. Pure: every object the meeting references
// (organization, persons, memberships, consultations, papers, files, location) comes from the
// lookup, embedded or fetched by the caller; what nobody has is left out with a warning.
// Fields beyond OParl that Protokol itself publishes (`protokol:sections`, `protokol:absent` …)
// are read when present, so a Protokol-to-Protokol mirror keeps them; any other server's
// Meeting maps from the standard fields alone.
import { danishWallClock } from '../../../domain/clock.js';
import { type ConsultationRole, consultationRoleLabel } from '../../../domain/paper.js';
import { type WordCounts, addWords, collect } from '../../parse/coverage.js';
import type { ParsedAttachment, ParsedDocument, ParsedItem, ParsedParticipant, ParsedSection, ParseWarning } from '../../model.js';
import { htmlBlocks, htmlSections, htmlText, textBlocks } from '../html-text.js';
import { sourceWarning } from '../source.js';
import { type OparlJson, type OparlLookup, isObject, list, refId, resolve, str, typeName } from './objects.js';

export const OPARL_FORMAT = 'oparl';

/** Local Danish date and HH:MM of an OParl date-time, as written when it carries an offset. */
export function localParts(dateTime: string | null): { date: string; time: string } | null {
  if (!dateTime) return null;
  const written = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?/.exec(dateTime);
  if (!written) return null;
  // A time in UTC ("Z") is converted: Danish meetings are held in Danish time.
  if (/Z$/i.test(dateTime)) {
    const at = new Date(dateTime);
    if (!Number.isNaN(at.getTime())) return danishWallClock(at);
  }
  return { date: written[1] ?? '', time: written[2] ? `${written[2]}:${written[3]}` : '' };
}

/** Minutes exist: Protokol says so in `protokol:state`; other servers in `meetingState` words. */
function isMinutes(meeting: OparlJson, items: OparlJson[]): boolean {
  const own = str(meeting, 'protokol:state');
  if (own) return own === 'minutes_published' || own === 'minutes_approved' || own === 'held';
  if (/referat|protokol|minutes|niederschrift|durchgef|abgeschlossen/i.test(str(meeting, 'meetingState') ?? '')) return true;
  return items.some((i) => str(i, 'resolutionText') !== null || str(i, 'result') !== null);
}

/** A text field that may be HTML (other servers) or plain text (Protokol). */
const plain = (s: string | null): string | null => (s === null ? null : /<[a-z][^>]*>/i.test(s) ? htmlText(s) : s.trim());

function sectionsOf(item: OparlJson, decision: string | null): ParsedSection[] {
  const own = list(item, 'protokol:sections').filter(isObject);
  if (own.length > 0) {
    return own.map((s) => {
      // Protokol publishes the structure beside the text (`html`): kept as the same blocks.
      const html = str(s, 'html');
      const blocks = html ? textBlocks(htmlBlocks(html)) : undefined;
      return { kind: str(s, 'kind') ?? 'other', heading: str(s, 'heading') ?? '', text: str(s, 'text') ?? '', ...(blocks ? { blocks } : {}) };
    });
  }
  const html = str(item, 'resolutionText');
  if (html && /<[a-z][^>]*>/i.test(html)) return htmlSections(html, 'Beslutning');
  return decision ? [{ kind: 'decision', heading: 'Beslutning', text: decision }] : [];
}

function attachmentsOf(item: OparlJson, lookup: OparlLookup): ParsedAttachment[] {
  const refs = [...list(item, 'auxiliaryFile'), ...list(item, 'resolutionFile')];
  const out: ParsedAttachment[] = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    const f = resolve(ref, lookup);
    const id = refId(ref);
    if (id && seen.has(id)) continue;
    if (id) seen.add(id);
    out.push({
      title: str(f, 'name') ?? str(f, 'fileName') ?? 'Bilag',
      file: null,
      url: str(f, 'accessUrl') ?? str(f, 'downloadUrl'),
      externalId: id,
      public: true,
      fileName: str(f, 'fileName'),
      mediaType: str(f, 'mimeType'),
      text: str(f, 'text'),
    });
  }
  return out;
}

const VOTE = new Set(['for', 'against', 'abstain']);

/** Protokol's own records of disqualifications, minority statements and the vote. */
function notesOf(item: OparlJson, c: Context): Pick<ParsedItem, 'disqualified' | 'dissents' | 'votes'> {
  const who = (o: OparlJson) => ({ name: str(o, 'name') ?? c.personName(o['person']) ?? '', party: str(o, 'party') });
  return {
    disqualified: list(item, 'protokol:disqualifications')
      .filter(isObject)
      .map((d) => ({ ...who(d), reason: str(d, 'reason') }))
      .filter((d) => d.name !== ''),
    dissents: list(item, 'protokol:dissents')
      .filter(isObject)
      .map((d) => ({ ...who(d), text: str(d, 'text') ?? '' }))
      .filter((d) => d.name !== ''),
    votes: list(item, 'protokol:votes')
      .filter(isObject)
      .filter((v) => VOTE.has(str(v, 'choice') ?? ''))
      .map((v) => ({
        choice: str(v, 'choice') as 'for' | 'against' | 'abstain',
        label: str(v, 'label') ?? '',
        count: typeof v['count'] === 'number' ? v['count'] : null,
      })),
  };
}

/** The committee's role in the case: OParl's `authoritative`, Protokol's role label. */
function roleOf(consultation: OparlJson): 'decides' | 'recommends' | 'informed' | null {
  const label = str(consultation, 'role');
  const own = (Object.entries(consultationRoleLabel) as [ConsultationRole, string][]).find(([, l]) => l === label)?.[0];
  if (own) return own;
  return consultation['authoritative'] === true ? 'decides' : null;
}

const printed = (name: string, party: string | null) => (party ? `${name} (${party})` : name);

interface Context {
  lookup: OparlLookup;
  warnings: ParseWarning[];
  personName(ref: unknown): string | null;
}

function itemOf(ref: unknown, position: number, c: Context): ParsedItem | null {
  const item = resolve(ref, c.lookup);
  if (!item) {
    c.warnings.push(sourceWarning('unresolved_item', `agenda item ${refId(ref) ?? position} could not be read: left out`));
    return null;
  }
  const isPublic = item['public'] !== false;
  const consultation = resolve(item['consultation'], c.lookup);
  const paper = resolve(consultation?.['paper'], c.lookup);
  const decision = plain(str(item, 'protokol:decision') ?? str(item, 'resolutionText'));
  const absences = list(item, 'protokol:absences')
    .filter(isObject)
    .map((a) => printed(str(a, 'name') ?? c.personName(a['person']) ?? '', str(a, 'party')))
    .filter((n) => n !== '');
  const number = str(item, 'number') ?? String(position);
  if (!isPublic && list(item, 'protokol:sections').length > 0) {
    c.warnings.push(sourceWarning('closed_text_dropped', `item ${number} is closed: only its published decision is imported`));
  }
  return {
    number,
    order: typeof item['order'] === 'number' ? item['order'] : position,
    title: str(item, 'name') ?? `Punkt ${number}`,
    committees: [],
    public: isPublic,
    // A closed item keeps its neutral title only: no case, no text, no files.
    caseNumber: isPublic ? str(paper, 'reference') : null,
    // The decision of a closed item is what the server publishes of it (Protokol's own
    // publicView shows it too): public text, kept. Its sections and files are not.
    decision,
    absent: absences,
    sections: isPublic ? sectionsOf(item, decision) : [],
    attachments: isPublic ? attachmentsOf(item, c.lookup) : [],
    history: [],
    line: null,
    page: null,
    externalId: refId(ref),
    consultation: isPublic && consultation ? { role: roleOf(consultation), outcome: str(item, 'result') ?? str(consultation, 'protokol:outcome') } : null,
    decisionCompetence: isPublic ? str(paper, 'protokol:decisionCompetence') : null,
    ...(isPublic ? notesOf(item, c) : {}),
  };
}

/** The meeting's members: participants present, `protokol:absent` absent, roles and parties from the memberships. */
function participantsOf(meeting: OparlJson, organization: OparlJson | undefined, c: Context): ParsedParticipant[] {
  const byPerson = new Map<string, { role: string | null; party: string | null }>();
  for (const ref of list(organization, 'membership')) {
    const m = resolve(ref, c.lookup);
    const person = refId(m?.['person']);
    if (!m || !person) continue;
    const party = str(resolve(m['onBehalfOf'], c.lookup), 'shortName');
    byPerson.set(person, { role: str(m, 'role'), party: party && /^[A-ZÆØÅ]{1,3}$/u.test(party) ? party : null });
  }
  const substituteFor = new Map<string, string>();
  for (const s of list(meeting, 'protokol:substitutes').filter(isObject)) {
    const who = refId(s['person']);
    const whom = refId(s['substituteFor']);
    if (who && whom) substituteFor.set(who, whom);
  }
  const out: ParsedParticipant[] = [];
  const add = (ref: unknown, absent: boolean) => {
    const id = refId(ref);
    const name = c.personName(ref);
    if (!name) return void c.warnings.push(sourceWarning('unresolved_person', `person ${id ?? '?'} could not be read: left out`));
    const m = id ? byPerson.get(id) : undefined;
    const whom = id ? substituteFor.get(id) : undefined;
    out.push({ name, absent, substituteFor: whom ? c.personName(whom) : null, party: m?.party ?? null, role: m?.role ?? null });
  };
  for (const ref of list(meeting, 'participant')) add(ref, false);
  for (const ref of list(meeting, 'protokol:absent')) add(ref, true);
  return out;
}

/** Keys whose values are not content: ids, links, stamps, enumerations the reader maps to its own values. */
const NOT_CONTENT = new Set(['id', 'type', 'created', 'modified', 'web', 'accessUrl', 'downloadUrl', 'sha512Checksum', 'mimeType', 'size', 'fileName', 'text']);
const ENUMERATIONS = new Set(['meetingState', 'protokol:state', 'role', 'organizationType', 'classification', 'kind', 'choice', 'protokol:kind']);

/**
 * The input's own texts: every distinct string of the meeting and what it references (the
 * same text in two fields, as Protokol's `resolutionText` and `protokol:decision`, counts once).
 */
/** The references whose objects are part of the meeting's content, per object type. */
const FOLLOW: Record<string, readonly string[]> = {
  Meeting: ['organization', 'location', 'participant', 'protokol:absent', 'agendaItem', 'auxiliaryFile'],
  AgendaItem: ['consultation', 'auxiliaryFile', 'resolutionFile'],
  Consultation: ['paper'],
  Organization: ['protokol:legislativeTerm'],
};

function inputTexts(o: OparlJson, lookup: OparlLookup, into: Set<string>): void {
  const follow = FOLLOW[typeName(o) ?? ''] ?? [];
  for (const [key, v] of Object.entries(o)) {
    if (NOT_CONTENT.has(key) || ENUMERATIONS.has(key) || (key === 'name' && typeName(o) === 'Meeting')) continue;
    for (const x of Array.isArray(v) ? v : [v]) {
      if (typeof x === 'string' && /^https?:\/\//.test(x)) {
        const ref = follow.includes(key) ? resolve(x, lookup) : undefined;
        if (ref) inputTexts(ref, lookup, into);
      } else if (isObject(x)) {
        // Embedded objects with an id are followed like references; plain ones (sections, votes) are content.
        if (typeof x['id'] !== 'string' || follow.includes(key)) inputTexts(x, lookup, into);
      } else if (typeof x === 'string' && !/^\d{4}-\d{2}-\d{2}T/.test(x)) into.add(plain(x) ?? '');
    }
  }
}

function coverage(meeting: OparlJson, lookup: OparlLookup, doc: Omit<ParsedDocument, 'coverage'>): number {
  const texts = new Set<string>();
  inputTexts(meeting, lookup, texts);
  const input: WordCounts = new Map();
  for (const text of texts) addWords(text, input);
  const output: WordCounts = new Map();
  collect(doc, output);
  let total = 0;
  let found = 0;
  for (const [word, n] of input) {
    total += n;
    found += Math.min(n, output.get(word) ?? 0);
  }
  return total === 0 ? 1 : found / total;
}

export interface MeetingOptions {
  /** The Body's name when the caller knows it (the sync walked to it). */
  municipality?: string | null;
  /** Where the meeting was read from (its id URL for a sync, the file name for a file). */
  url?: string | null;
}

export function parseOparlMeeting(meeting: OparlJson, lookup: OparlLookup, options: MeetingOptions = {}): ParsedDocument {
  const warnings: ParseWarning[] = [];
  const personName = (ref: unknown) => str(resolve(ref, lookup), 'name');
  const c: Context = { lookup, warnings, personName };
  const organization = resolve(list(meeting, 'organization')[0], lookup);
  if (!organization) warnings.push(sourceWarning('no_organization', 'the meeting names no organization that could be read'));
  const term = resolve(organization?.['protokol:legislativeTerm'], lookup);
  const body = resolve(organization?.['body'], lookup);
  const start = localParts(str(meeting, 'start'));
  const end = localParts(str(meeting, 'end'));
  const date = str(meeting, 'protokol:date') ?? start?.date ?? '';
  if (date === '') warnings.push(sourceWarning('no_date', 'the meeting has no start'));
  const itemObjects = list(meeting, 'agendaItem');
  const items = itemObjects.map((ref, i) => itemOf(ref, i + 1, c)).filter((i): i is ParsedItem => i !== null);
  const location = resolve(meeting['location'], lookup);
  const minutes = isMinutes(meeting, itemObjects.map((r) => resolve(r, lookup)).filter(isObject));
  if (meeting['cancelled'] === true) warnings.push(sourceWarning('cancelled', 'the meeting is cancelled; imported as it stands'));
  const doc: Omit<ParsedDocument, 'coverage'> = {
    documentKind: minutes ? 'referat' : 'dagsorden',
    municipality: options.municipality ?? str(body, 'name'),
    organization: { name: str(organization, 'name') ?? '', term: str(term, 'name') },
    meeting: {
      date,
      // An announced meeting: Protokol says so; any server's meeting without items and minutes is one.
      planned: str(meeting, 'protokol:state') === 'planned' || (str(meeting, 'protokol:state') === null && items.length === 0 && !minutes),
      cancelled: meeting['cancelled'] === true,
      start: start?.time || null,
      end: end?.time || null,
      location: str(location, 'description') ?? (typeof meeting['location'] === 'string' && !/^https?:/.test(meeting['location']) ? meeting['location'] : null),
    },
    // Attendance belongs to the minutes: an agenda has none.
    participants: minutes ? participantsOf(meeting, organization, c) : [],
    items,
    toc: [],
    signatures: [],
    warnings,
    layout: OPARL_FORMAT,
    source: { system: OPARL_FORMAT, meetingId: str(meeting, 'id'), organizationId: refId(organization) ?? null, url: options.url ?? str(meeting, 'id') },
  };
  return { ...doc, coverage: coverage(meeting, lookup, doc) };
}
