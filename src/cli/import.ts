// `protokol import PATH...`: agendas and minutes (files or folders) into the archive.
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { openContext } from '../main.js';
import { type ImportReport, type UnitReport, importDocuments } from '../services/import/import-documents.js';
import type { Command } from './command.js';
import { UsageError, configFrom, databaseFlags, databaseFlagsHelp, parse } from './options.js';

const usage = [
  'Usage: protokol import PATH... [--municipality NAME] [options]',
  '',
  'Imports agendas (dagsordener) and minutes (referater): .txt, .md and .pdf files,',
  'FirstAgenda JSON answers and pages, OParl Meeting JSON, and export folders of SBSYS,',
  'eDoc and Acadre (manifest, documents and attachment files, imported as one unit).',
  'Formats are recognised by content; other folders are searched recursively. Each unit is',
  'saved whole or not at all; one that fails is reported and the others still import (exit',
  'code 1 if any failed). Importing the same files again changes nothing; a changed version',
  'replaces the meeting content and keeps the earlier version as history. Every file is',
  'listed with what became of it and its warnings (in Danish, the first 5 per file).',
  '',
  '  --municipality NAME  the municipality, when the documents do not name it',
  '  --report FILE.json   write the whole report (every file, every warning) as JSON',
  '  --quiet              print only failures and the summary',
  ...databaseFlagsHelp,
].join('\n');

const percent = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)} %`);

function summary(r: ImportReport): string[] {
  const d = r.documents;
  return [
    `Documents: ${d.new} new, ${d.updated} updated, ${d.unchanged} unchanged, ${d.failed} failed` +
      (r.skipped > 0 ? ` (${r.skipped} other files skipped)` : ''),
    `Meetings: ${r.meetings}, items: ${r.items}, cases: ${r.cases}, attachments: ${r.attachments} (${r.storedFiles} files stored, ${r.missingFiles} missing), warnings: ${r.warnings}`,
    `Word coverage: mean ${percent(r.coverage.mean)}, minimum ${percent(r.coverage.min)}`,
  ];
}

const OUTCOME: Record<UnitReport['outcome'], string> = {
  new: 'ny',
  updated: 'opdateret',
  unchanged: 'uændret',
  failed: 'fejlet',
  skipped: 'sprunget over',
};
const ROLE: Record<string, string> = { document: 'dokument', attachment: 'bilag gemt', alternate: 'ikke læst', missing: 'mangler', unused: 'ikke brugt' };
const WARNINGS_SHOWN = 5;

/** One file's lines: outcome, meeting, coverage, its first warnings, an export's files. */
function unitLines(u: UnitReport): string[] {
  const head = `${OUTCOME[u.outcome]}: ${u.path}`;
  if (!u.meeting) return [u.reason ? `${head}: ${u.reason}` : head];
  const cover = u.coverage === null ? '' : `, ordækning ${(u.coverage * 100).toFixed(1).replace('.', ',')} %`;
  const files = u.storedFiles > 0 ? `, ${u.storedFiles} bilagsfiler` : '';
  const lines = [
    `${head} (${u.format}: ${u.meeting.kind} ${u.meeting.organization} ${u.meeting.date}, ${u.items} punkter${files}${cover}, ${u.warnings.length} advarsler)`,
  ];
  for (const w of u.warnings.slice(0, WARNINGS_SHOWN)) lines.push(`    ${w.text.split('\n')[0]}`);
  if (u.warnings.length > WARNINGS_SHOWN) lines.push(`    … og ${u.warnings.length - WARNINGS_SHOWN} advarsler mere (se --report)`);
  for (const f of u.files.filter((f) => f.role !== 'document' && f.role !== 'attachment')) {
    lines.push(`    ${ROLE[f.role] ?? f.role}: ${f.name}${f.note ? ` (${f.note})` : ''}`);
  }
  return lines;
}

/** `[#####.....] 3/12 name.pdf` redrawn in place; only on a terminal. */
function progressBar(done: number, total: number, file: string | null): string {
  const width = 20;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const name = file ? ` ${basename(file)}` : '';
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${name}`.padEnd(80);
}

export const importCommand: Command = {
  name: 'import',
  usage,
  async run(argv, env, io) {
    const { values, positionals } = parse(
      'import',
      argv,
      { ...databaseFlags, municipality: { type: 'string' }, report: { type: 'string' }, quiet: { type: 'boolean' } },
      true,
    );
    if (values.help) return (io.out(usage), 0);
    if (positionals.length === 0) throw new UsageError('import: expected at least one PATH (file or folder)');
    const ctx = await openContext(configFrom(values, env), { migrate: true });
    const tty = process.stderr.isTTY === true;
    try {
      const report = await importDocuments(ctx.database, positionals, {
        municipality: values.municipality,
        files: ctx.files,
        onProgress: tty ? (done, total, file) => process.stderr.write(progressBar(done, total, file)) : undefined,
        onUnit: (u) => {
          if (tty) process.stderr.write('\r'.padEnd(81) + '\r');
          if (!values.quiet && u.outcome !== 'failed') for (const line of unitLines(u)) io.out(line);
        },
      });
      if (tty) process.stderr.write('\n');
      for (const f of report.failures) io.err(`failed: ${f.file}: ${f.reason}`);
      if (values.report) await writeFile(values.report, `${JSON.stringify(report, null, 2)}\n`);
      for (const line of summary(report)) io.out(line);
      return report.documents.failed > 0 ? 1 : 0;
    } finally {
      await ctx.close();
    }
  },
};
