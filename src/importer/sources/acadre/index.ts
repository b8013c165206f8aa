// Acadre agenda export folder: XML_<agenda>.xml (the manifest: committee, meeting, agenda and
// the agendas produced from it, each with its XML file, document, type 1 Dagsorden / 2
// Referat and publish flag), an XML per produced agenda (committee, meeting and members,
// items with bullets and enclosures) and the enclosures' files. Read by table and field
// names only.
import { addDecisionData } from '../../parse/decision-data.js';
import type { Element } from 'domhandler';
import { DomainError } from '../../../domain/errors.js';
import type { ParsedDocument, ParsedParticipant, ParseWarning } from '../../model.js';
import { dateTimeOf, folderOf, manifestCandidates, organizationOf, personOf, unitName } from '../folder-export.js';
import { sourceCoverage } from '../source-coverage.js';
import { sourceWarning, type ReadOptions, type SourceReader, type SourceResult, type UnitFileNote, type UnitFiles } from '../source.js';
import { decodeXml, kid, parseXml, rootName, textIn } from '../xml-tree.js';
import { readItem, type ItemContext } from './items.js';
import { chooseProduced, readManifest, type Manifest, type Produced } from './manifest.js';
import { memberRows, namedRow, type Row, table, tables } from './tables.js';

async function xmlOf(unit: UnitFiles, name: string): Promise<Element> {
  const bytes = await unit.read(name);
  if (bytes === null) throw new DomainError('invalid_input', `${name}: the file is missing from the folder`, name);
  const root = parseXml(decodeXml(bytes, name), name);
  if (root.name !== 'root') throw new DomainError('invalid_input', `${name}: not an Acadre export (root <${root.name}>)`, name);
  return root;
}

const isManifestHead = (h: string): boolean => rootName(h) === 'root' && /<table name="producedAgenda"/u.test(h) && /<table name="meeting"/u.test(h);
const isAgendaHead = (h: string): boolean => rootName(h) === 'root' && /<table name="agenda"/u.test(h) && /<field name="sysid"/u.test(h);

async function detect(unit: UnitFiles, head: (name: string) => Promise<string | null>): Promise<string | null> {
  // A folder only: the manifest alone, without the agenda XML it names, is no meeting.
  if (unit.list().length < 2) return null;
  const xmls = manifestCandidates(unit, /\.xml$/iu);
  for (const name of xmls) if (isManifestHead((await head(name)) ?? '')) return name;
  // No manifest: an agenda XML on its own with its files.
  for (const name of xmls) if (isAgendaHead((await head(name)) ?? '')) return name;
  return null;
}

/** "Syddjurs Kommune" when the department says so, or when its first word and every member's mail domain agree. */
function municipalityOf(committee: Row, members: readonly Row[]): string | null {
  const dept = (committee['departmentName'] ?? '').trim();
  const named = /^(.+?\s+Kommune)\b/u.exec(dept)?.[1];
  if (named) return named;
  const domains = new Set(members.map((m) => /@([\w-]+)\.dk$/iu.exec((m['email'] ?? '').trim())?.[1]?.toLowerCase() ?? ''));
  const [domain] = [...domains];
  const first = /^(\p{Lu}[\p{L}-]+)\s/u.exec(dept)?.[1];
  if (domains.size === 1 && domain && first && first.toLowerCase() === domain) return `${first} Kommune`;
  return null;
}

function participantsOf(agenda: Element, words: string[]): ParsedParticipant[] {
  const meeting = memberRows(table(agenda, 'meeting'), 'meetmember');
  const rows = meeting.length > 0 ? meeting : memberRows(table(agenda, 'committee'), 'commember');
  return rows
    .filter((m) => (m['name'] ?? '').trim() !== '')
    .sort((a, b) => Number(a['sort'] ?? 0) - Number(b['sort'] ?? 0))
    .map((m) => {
      words.push(m['name'] ?? '', m['comment'] ?? '');
      const role = (m['role'] ?? '').trim();
      const substitute = /(?:suppleant|stedfortræder)\s+for\s+(.+?)\.?$/iu.exec(m['comment'] ?? '')?.[1]?.trim() ?? null;
      return {
        ...personOf(m['name'] ?? '', m['party']),
        absent: m['absent'] === '1',
        substituteFor: substitute,
        role: role ? role.toLocaleLowerCase('da-DK') : null,
      };
    });
}

async function read(unit: UnitFiles, main: string, options: ReadOptions): Promise<SourceResult> {
  const warnings: ParseWarning[] = [];
  const missing: UnitFileNote[] = [];
  const used = [main];
  const first = await xmlOf(unit, main);
  let manifest: Manifest | null = null;
  let chosen: Produced | null = null;
  let agendaName = main;
  if (table(first, 'producedAgenda')) {
    manifest = readManifest(first);
    chosen = chooseProduced(manifest, unit, folderOf(main), warnings);
    if (!chosen)
      throw new DomainError(
        'invalid_input',
        `${main}: none of the agendas it names (${manifest.produced.map((p) => p['xmlfilename']).join(', ')}) is in the folder`,
        main,
      );
    agendaName = chosen.file;
    used.push(agendaName);
    const doc = chosen.row['docfilename'];
    if (doc && unitName(unit, `${folderOf(main)}${doc}`) === null)
      missing.push({ name: `${folderOf(main)}${doc}`, role: `${chosen.kind === 'referat' ? 'Referat' : 'Dagsorden'}: ${chosen.row['comment'] ?? ''}`.trim() });
  }
  const root = agendaName === main ? first : await xmlOf(unit, agendaName);
  const agenda = table(root, 'agenda');
  if (!agenda) throw new DomainError('invalid_input', `${agendaName}: no <table name="agenda">`, agendaName);
  const agendaRow = namedRow(agenda);
  const committee = namedRow(table(agenda, 'committee'));
  const meetingRow = namedRow(table(agenda, 'meeting'));
  const when = dateTimeOf(meetingRow['date'] ?? manifest?.meeting['date'] ?? '');
  if (when.date === null) throw new DomainError('invalid_input', `${agendaName}: the meeting has no date`, agendaName);
  const finish = dateTimeOf(meetingRow['finish'] ?? '');
  const committeeName = committee['name'] || manifest?.committee['name'] || '';
  const address = (meetingRow['address'] ?? '')
    .split(/<br\s*\/?>|\n/iu)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const location = [(meetingRow['location'] ?? '').trim(), ...address].filter((s) => s !== '').join(', ') || null;

  const words: string[] = [committeeName, meetingRow['name'] ?? '', location ?? ''];
  const base = folderOf(agendaName);
  const filesFolder = chosen?.filesFolder ? `${base}${chosen.filesFolder}/` : null;
  const ctx: ItemContext = {
    unit,
    folders: filesFolder ? [base, filesFolder] : [base],
    meetingDate: when.date,
    committee: committeeName,
    warnings,
    missing,
    renditions: [],
    words,
  };
  const participants = participantsOf(agenda, words);
  const start = Number(kid(root, 'agendaData') ? textIn(kid(kid(root, 'agendaData'), 'startAgendaItemNo')) : NaN);
  const parents = tables(agenda, 'agendaitemparents').sort((a, b) => Number(namedRow(a)['sort'] ?? 0) - Number(namedRow(b)['sort'] ?? 0));
  const items = parents.flatMap((p, i) => {
    // Acadre numbers items on from the agenda's first number (numbering runs through the year).
    const number = Number.isInteger(start) && start > 0 ? String(start + i) : String(i + 1);
    const item = readItem(p, number, i + 1, ctx);
    return item ? [item] : [];
  });

  if (missing.length > 0) warnings.push(sourceWarning('missing_files', `${missing.length} fil(er), som eksporten nævner, findes ikke i mappen.`));
  addDecisionData(items, participants);

  const kindOf = chosen?.kind ?? (/referat/iu.test(`${agendaRow['name'] ?? ''} ${textIn(kid(kid(root, 'agendaData'), 'note'))}`) ? 'referat' : 'dagsorden');
  const given = options.municipality?.trim();
  const doc: Omit<ParsedDocument, 'coverage'> = {
    documentKind: kindOf,
    municipality: given ? given : municipalityOf(committee, memberRows(table(agenda, 'meeting'), 'meetmember')),
    organization: organizationOf(committeeName),
    meeting: { date: when.date, start: when.time, end: finish.date === when.date ? finish.time : null, location },
    participants,
    items,
    toc: [],
    signatures: [],
    warnings,
    layout: 'acadre',
    source: {
      system: 'acadre',
      meetingId: meetingRow['sysid'] || manifest?.meeting['sysid'] || null,
      organizationId: committee['sysid'] || manifest?.committee['sysid'] || null,
      url: null,
    },
  };
  return { doc: { ...doc, coverage: sourceCoverage(words, doc) }, used, missing, alternates: ctx.renditions };
}

export const acadreReader: SourceReader = { format: 'acadre', label: 'Acadre-eksport', unit: 'folder', detect, read };
