// Checks every PDF test runs on the PDFs Protokol makes: `qpdf --check` (Debian's qpdf) for a
// well-formed file, and a pikepdf reading of what a file claims (tagged, PDF/UA) against what
// it is (text outside marked content, annotations outside the structure tree, fonts not
// embedded). Both tools are Debian packages (.ci/run installs qpdf and python3-pikepdf): where
// one is missing the check is skipped, except in CI (CI=true), where that is a failure that
// says what to install.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './fixtures.js';

export const QPDF = '/usr/bin/qpdf';
/** Debian's python3, where python3-pikepdf installs (not a pyenv or venv interpreter). */
export const PYTHON = '/usr/bin/python3';
const STRUCTURE_SCRIPT = join(repoRoot, 'test', 'support', 'pdf-structure.py');

const inCi = (): boolean => process.env.CI === 'true' || process.env.CI === '1';

function withFile<T>(bytes: Uint8Array, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'protokol-pdf-check-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Why `qpdf --check` cannot run here (null when it can); in CI a missing qpdf throws. */
export function qpdfUnavailable(): string | null {
  if (existsSync(QPDF)) return null;
  if (inCi()) throw new Error(`CI=true but ${QPDF} is missing: install Debian's qpdf (apt-get install -y qpdf), as .ci/run does`);
  return `${QPDF} is not installed (Debian's qpdf); the qpdf --check runs in CI`;
}

/**
 * Fails unless `qpdf --check` finds the file free of errors and warnings (exit 0). Returns
 * false, having checked nothing, only outside CI when qpdf is not installed.
 */
export function assertQpdfCheck(bytes: Uint8Array, label: string): boolean {
  if (qpdfUnavailable() !== null) return false;
  withFile(bytes, (file) => {
    const run = spawnSync(QPDF, ['--check', file], { encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`.replaceAll(file, label);
    assert.equal(run.status, 0, `qpdf --check on ${label} (exit ${run.status}: 2 errors, 3 warnings):\n${output}`);
    assert.match(run.stdout, /No syntax or stream encoding errors found/, `qpdf --check on ${label}:\n${output}`);
  });
  return true;
}

export interface PdfStructure {
  marked: boolean;
  structTree: boolean;
  /** pdfuaid:part in the XMP, or null. */
  pdfua: number | null;
  title: string | null;
  language: string | null;
  lang: string | null;
  displayDocTitle: boolean;
  nonEmbeddedFonts: string[];
  pages: {
    unmarkedText: number;
    structParents: boolean;
    annotations: number;
    links: number;
    annotationsWithoutStructure: number;
    linksWithoutContents: number;
  }[];
}

let pikepdfMissing: boolean | undefined;

/** Why the pikepdf reading cannot run here (null when it can); in CI a missing pikepdf throws. */
export function pikepdfUnavailable(): string | null {
  pikepdfMissing ??= !existsSync(PYTHON) || spawnSync(PYTHON, ['-c', 'import pikepdf'], { encoding: 'utf8' }).status !== 0;
  if (!pikepdfMissing) return null;
  if (inCi()) throw new Error(`CI=true but ${PYTHON} cannot import pikepdf: install python3-pikepdf (apt-get install -y python3-pikepdf), as .ci/run does`);
  return `pikepdf is not installed for ${PYTHON} (python3-pikepdf); the structure check runs in CI`;
}

/** The file as pikepdf reads it (test/support/pdf-structure.py). */
export function pdfStructure(bytes: Uint8Array): PdfStructure {
  return withFile(bytes, (file) => JSON.parse(execFileSync(PYTHON, [STRUCTURE_SCRIPT, file], { encoding: 'utf8' })) as PdfStructure);
}

/**
 * What the file claims holds: tagged (/MarkInfo /Marked true) means every page's text is in
 * marked content and every annotation in the structure tree; PDF/UA (pdfuaid:part 1) means
 * tagged, every font embedded, the title shown, a language, and every link described.
 */
export function assertClaimsHold(s: PdfStructure, label: string): void {
  if (s.marked) {
    assert.ok(s.structTree, `${label}: tagged without a structure tree`);
    s.pages.forEach((p, i) => {
      assert.equal(p.unmarkedText, 0, `${label}: claims to be tagged, but page ${i + 1} has text outside marked content`);
      assert.equal(p.annotationsWithoutStructure, 0, `${label}: claims to be tagged, but page ${i + 1} has annotations outside the structure tree`);
      assert.ok(p.structParents, `${label}: claims to be tagged, but page ${i + 1} has no parent-tree entry`);
    });
  }
  if (s.pdfua !== null) {
    assert.equal(s.pdfua, 1, `${label}: pdfuaid:part`);
    assert.ok(s.marked, `${label}: claims PDF/UA but is not marked as tagged`);
    assert.deepEqual(s.nonEmbeddedFonts, [], `${label}: claims PDF/UA with fonts not embedded`);
    assert.ok(s.title && s.displayDocTitle, `${label}: claims PDF/UA without dc:title shown as the title`);
    assert.ok(s.lang && s.language, `${label}: claims PDF/UA without a language`);
    s.pages.forEach((p, i) => assert.equal(p.linksWithoutContents, 0, `${label}: claims PDF/UA, page ${i + 1} has a link without /Contents`));
  }
}
