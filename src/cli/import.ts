// `protokol import PATH...`: agendas and minutes (files or folders) into the archive.
import { basename } from 'node:path';
import { openContext } from '../main.js';
import { type ImportReport, importDocuments } from '../services/import/import-documents.js';
import type { Command } from './command.js';
import { UsageError, configFrom, databaseFlags, databaseFlagsHelp, parse } from './options.js';

const usage = [
  'Usage: protokol import PATH... [--municipality NAME] [options]',
  '',
  'Imports agendas (dagsordener) and minutes (referater) from .txt, .md and .pdf files;',
  'folders are searched recursively. Each document is saved whole or not at all; a file',
  'that fails is reported and the others still import (exit code 1 if any failed).',
  'Importing the same file again changes nothing; a changed version of a document',
  'replaces the meeting content and keeps the earlier version as history.',
  '',
  '  --municipality NAME  the municipality, when the documents do not name it',
  ...databaseFlagsHelp,
].join('\n');

const percent = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)} %`);

function summary(r: ImportReport): string[] {
  const d = r.documents;
  return [
    `Documents: ${d.new} new, ${d.updated} updated, ${d.unchanged} unchanged, ${d.failed} failed` +
      (r.skipped > 0 ? ` (${r.skipped} other files skipped)` : ''),
    `Meetings: ${r.meetings}, items: ${r.items}, cases: ${r.cases}, attachments: ${r.attachments}, warnings: ${r.warnings}`,
    `Word coverage: mean ${percent(r.coverage.mean)}, minimum ${percent(r.coverage.min)}`,
  ];
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
  summary: 'import agendas and minutes (.txt, .md, .pdf files or folders)',
  usage,
  async run(argv, env, io) {
    const { values, positionals } = parse('import', argv, { ...databaseFlags, municipality: { type: 'string' } }, true);
    if (values.help) return (io.out(usage), 0);
    if (positionals.length === 0) throw new UsageError('import: expected at least one PATH (file or folder)');
    const ctx = await openContext(configFrom(values, env), { migrate: true });
    const tty = process.stderr.isTTY === true;
    try {
      const report = await importDocuments(ctx.database, positionals, {
        municipality: values.municipality,
        onProgress: tty ? (done, total, file) => process.stderr.write(progressBar(done, total, file)) : undefined,
      });
      if (tty) process.stderr.write('\n');
      for (const f of report.failures) io.err(`failed: ${f.file}: ${f.reason}`);
      for (const line of summary(report)) io.out(line);
      return report.documents.failed > 0 ? 1 : 0;
    } finally {
      await ctx.close();
    }
  },
};
