// SBSYS eDagsorden publication folder: PublicationN.xml (root <Publication>, one <Agenda>
// with its <Meeting>, <Committee> and <Items>) and the enclosures it names, written into
// the folder the publication states (<RelativeEnclosureOutputPath>, "Enclosures"). Read by
// element names only, so any publisher's SBSYS export reads the same way.
import { addDecisionData } from '../../parse/decision-data.js';
import type { Element } from 'domhandler';
import { DomainError } from '../../../domain/errors.js';
import type { ParsedDocument, ParsedItem, ParsedParticipant, ParseWarning } from '../../model.js';
import { htmlText } from '../html-text.js';
import { dateTimeOf, manifestCandidates, organizationOf, personOf } from '../folder-export.js';
import { sourceCoverage } from '../source-coverage.js';
import { sourceWarning, type ReadOptions, type SourceReader, type SourceResult, type UnitFileNote, type UnitFiles } from '../source.js';
import { at, decodeXml, kid, kids, parseXml, rootName, textAt, textIn } from '../xml-tree.js';
import { readItem, type ItemContext } from './items.js';

const ABSENT = /absent|afbud|fravær|forfald|excused|declined|notattending|notparticipating|ikke til stede/iu;
const SUBSTITUTE = /(?:suppleant|stedfortræder)\s+for\s+(.+?)\.?$/iu;

/** Minutes when the publication type says so; an agenda draft or final otherwise, or by filled-in decisions when it is silent. */
function documentKind(root: Element, items: readonly ParsedItem[]): ParsedDocument['documentKind'] {
  const type = `${textAt(root, 'PublicationTypeAsEnum')} ${textAt(root, 'PublicationType')}`;
  if (/minute|referat|protokol|protocol/iu.test(type)) return 'referat';
  if (/draft|final|agenda|dagsorden/iu.test(type)) return 'dagsorden';
  return items.some((i) => i.decision !== null) ? 'referat' : 'dagsorden';
}

function participantsOf(agenda: Element, words: string[]): ParsedParticipant[] {
  const meetingMembers = kids(at(agenda, 'Meeting/Members'), 'MeetingMember');
  if (meetingMembers.length === 0) {
    // Only the committee's standing members: who attended is not known.
    return kids(at(agenda, 'Committee/Members'), 'CommitteeMember')
      .map((m) => textAt(m, 'Member/Name'))
      .filter((n) => n !== '')
      .map((n) => {
        words.push(n);
        return { ...personOf(n), absent: false, substituteFor: null, role: null };
      });
  }
  return meetingMembers.flatMap((m) => {
    const printed = textAt(m, 'Name') || textAt(m, 'Member/Name');
    if (printed === '') return [];
    const note = textAt(m, 'ParticipationNote');
    const roles =
      textAt(m, 'MeetingMemberRolesList') ||
      kids(kid(m, 'MeetingMemberRoles'))
        .map((r) => textAt(r, 'Name') || textIn(r))
        .filter((r) => r !== '')
        .join(', ');
    words.push(printed, note, roles);
    return [
      {
        ...personOf(printed),
        absent: ABSENT.test(`${textAt(m, 'ParticipationStatusAsText')} ${note}`),
        substituteFor: SUBSTITUTE.exec(note)?.[1]?.trim() ?? null,
        role: roles !== '' ? roles.toLocaleLowerCase('da-DK') : null,
      },
    ];
  });
}

async function detect(unit: UnitFiles, head: (name: string) => Promise<string | null>): Promise<string | null> {
  // A folder only: a lone PublicationN.xml is not the publication (its enclosures are beside it).
  if (unit.list().length < 2) return null;
  for (const name of manifestCandidates(unit, /\.xml$/iu)) {
    const h = await head(name);
    if (h !== null && rootName(h) === 'Publication' && /<Agendas?[\s>]/u.test(h) && /<Meeting[\s>]/u.test(h)) return name;
  }
  return null;
}

async function read(unit: UnitFiles, main: string, options: ReadOptions): Promise<SourceResult> {
  const bytes = await unit.read(main);
  if (bytes === null) throw new DomainError('invalid_input', `${main}: the file is missing from the folder`, main);
  const root = parseXml(decodeXml(bytes, main), main);
  if (root.name !== 'Publication') throw new DomainError('invalid_input', `${main}: not an SBSYS publication (root <${root.name}>)`, main);
  const warnings: ParseWarning[] = [];
  const agendas = kids(kid(root, 'Agendas'), 'Agenda');
  const agenda = agendas[0];
  if (!agenda) throw new DomainError('invalid_input', `${main}: the publication has no <Agenda>`, main);
  if (agendas.length > 1) warnings.push(sourceWarning('several_agendas', `Publikationen har ${agendas.length} dagsordener; kun den første er læst.`));

  const when = dateTimeOf(textAt(agenda, 'Meeting/When'));
  if (when.date === null) throw new DomainError('invalid_input', `${main}: the meeting has no date (<Meeting><When>)`, main);
  const until = dateTimeOf(textAt(agenda, 'Meeting/Until'));
  const committeeName = textAt(agenda, 'Committee/Name') || textAt(agenda, 'Name');
  const organization = organizationOf(committeeName);
  const location = textAt(agenda, 'Meeting/Where') || null;

  const words: string[] = [committeeName, textAt(agenda, 'Name'), htmlText(textAt(agenda, 'Frontpage')), location ?? ''];
  const missing: UnitFileNote[] = [];
  const ctx: ItemContext = {
    unit,
    main,
    enclosureFolder: (textAt(root, 'RelativeEnclosureOutputPath') || 'Enclosures').replace(/\\/g, '/').replace(/\/+$/u, ''),
    meetingDate: when.date,
    committee: organization.name,
    warnings,
    missing,
    words,
  };
  const participants = participantsOf(agenda, words);
  const items = kids(kid(agenda, 'Items'), 'Item').map((item, i) => readItem(item, i + 1, ctx));
  addDecisionData(items, participants);
  if (missing.length > 0) warnings.push(sourceWarning('missing_files', `${missing.length} bilag, som publikationen nævner, findes ikke i mappen.`));

  const given = options.municipality?.trim();
  const doc: Omit<ParsedDocument, 'coverage'> = {
    documentKind: documentKind(root, items),
    // The publication does not name its publisher (a region or a municipality): the caller does.
    municipality: given ? given : null,
    organization,
    meeting: { date: when.date, start: when.time, end: until.date === when.date ? until.time : null, location },
    participants,
    items,
    toc: [],
    signatures: [],
    warnings,
    layout: 'sbsys',
    source: {
      system: 'sbsys',
      meetingId: at(agenda, 'Meeting')?.attribs['ID'] ?? null,
      organizationId: at(agenda, 'Committee')?.attribs['ID'] ?? null,
      url: null,
    },
  };
  return { doc: { ...doc, coverage: sourceCoverage(words, doc) }, used: [main], missing };
}

export const sbsysReader: SourceReader = { format: 'sbsys', label: 'SBSYS eDagsorden', unit: 'folder', detect, read };
