// `protokol parse FILE`: shows what the importer reads from one document, without a database.
import type { ParsedDocument } from '../importer/model.js';
import { readPath } from '../services/import/plan-units.js';
import type { Command } from './command.js';
import { UsageError, parse } from './options.js';

const usage = [
  'Usage: protokol parse PATH [--municipality NAME] [--json]',
  '',
  'Reads one agenda or minutes document and prints what was found: meeting, items, case',
  'numbers, decisions, warnings and word coverage. PATH is a file (.txt, .md, .pdf, a',
  'FirstAgenda JSON or page, an OParl Meeting) or an export folder (SBSYS, eDoc, Acadre);',
  'the format is recognised by content. Files an export names but lacks are listed.',
  '',
  '  --municipality NAME  the municipality, when the document does not name it',
  '  --json               print the parsed document as one JSON object (the import format)',
].join('\n');

const choiceWord = { for: 'For', against: 'Imod', abstain: 'Undlod' } as const;

const firstLine = (s: string | null): string =>
  (s ?? '')
    .split('\n')
    .find((l) => l.trim() !== '')
    ?.trim() ?? '';

function summary(doc: ParsedDocument, file: string): string[] {
  const org = doc.organization.term ? `${doc.organization.name} (${doc.organization.term})` : doc.organization.name;
  const time = [doc.meeting.start, doc.meeting.end].filter(Boolean).join('-');
  const lines = [
    `${file}: ${doc.documentKind} (layout ${doc.layout})`,
    `Municipality: ${doc.municipality ?? '(unknown)'}`,
    `Organization: ${org || '(unknown)'}`,
    `Date:         ${doc.meeting.date || '(unknown)'}${time ? ` ${time}` : ''}${doc.meeting.location ? `, ${doc.meeting.location}` : ''}`,
    `Participants: ${doc.participants.length}`,
    `Items:        ${doc.items.length}`,
  ];
  for (const item of doc.items) {
    const codes = item.committees.length > 0 ? `${item.committees.join('/')} - ` : '';
    const closed = item.public ? '' : ' [lukket]';
    lines.push(`  ${item.number.padStart(3)}. ${codes}${item.title}${closed}${item.caseNumber ? `  (${item.caseNumber})` : ''}`);
    const decision = firstLine(item.decision);
    if (decision) lines.push(`       Beslutning: ${decision}`);
    // The records read from the decision's text (decisions as data).
    const votes = (item.votes ?? []).map((v) => `${choiceWord[v.choice]} ${[v.label, v.count === null ? '' : `(${v.count})`].filter(Boolean).join(' ')}`);
    if (votes.length > 0) lines.push(`       Afstemning: ${votes.join('; ')}`);
    for (const d of item.dissents ?? []) lines.push(`       Mindretal: ${d.party && d.party !== d.name ? `${d.name} (${d.party})` : d.name}: ${d.text}`);
    for (const d of item.disqualified ?? []) lines.push(`       Inhabil: ${d.party ? `${d.name} (${d.party})` : d.name}${d.reason ? ` – ${d.reason}` : ''}`);
  }
  lines.push(`Warnings:     ${doc.warnings.length}`);
  for (const w of doc.warnings.slice(0, 20)) lines.push(`  ${w.line !== null ? `line ${w.line}: ` : ''}${w.code}: ${w.message}`);
  if (doc.warnings.length > 20) lines.push(`  … and ${doc.warnings.length - 20} more (see --json)`);
  lines.push(`Coverage:     ${(doc.coverage * 100).toFixed(1)} % of the words`);
  return lines;
}

export const parseCommand: Command = {
  name: 'parse',
  usage,
  async run(argv, _env, io) {
    const { values, positionals } = parse('parse', argv, { municipality: { type: 'string' }, json: { type: 'boolean' } }, true);
    if (values.help) return (io.out(usage), 0);
    if (positionals.length !== 1) throw new UsageError(`parse: expected exactly one PATH, got ${positionals.length}`);
    const file = positionals[0] ?? '';
    const { doc, missing } = await readPath(file, { municipality: values.municipality });
    for (const m of missing) io.err(`missing: ${m.name} (${m.role})`);
    if (values.json) io.out(JSON.stringify(doc, null, 2));
    else for (const line of summary(doc, file)) io.out(line);
    return 0;
  },
};
