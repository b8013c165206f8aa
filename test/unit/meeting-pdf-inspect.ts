// Reading Protokol's PDFs back the way a reader or a screen reader does: text per page and
// the structure tree with pdfjs-dist, and poppler's pdfinfo when it is installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfjsDocument = Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;

const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

export async function openPdf(bytes: Uint8Array): Promise<PdfjsDocument> {
  // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
  return pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, standardFontDataUrl }).promise;
}

/** Each page's text, items in content order, a line break where pdfjs sees one. */
export async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await openPdf(bytes);
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join(''));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

export interface StructNode {
  role: string;
  children: StructNode[];
}

/** The structure tree as pdfjs reports it for each page (roles only; content leaves dropped). */
export async function structTrees(bytes: Uint8Array): Promise<StructNode[]> {
  const doc = await openPdf(bytes);
  const strip = (node: { role?: string; children?: unknown[] }): StructNode => ({
    role: node.role ?? '',
    children: (node.children ?? []).filter((c): c is { role: string } => typeof c === 'object' && c !== null && 'role' in c).map(strip),
  });
  try {
    const trees: StructNode[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const tree = (await (await doc.getPage(n)).getStructTree()) as { role?: string; children?: unknown[] } | null;
      trees.push(tree ? strip(tree) : { role: '', children: [] });
    }
    return trees;
  } finally {
    await doc.destroy();
  }
}

/** Roles in depth-first (reading) order. */
export function roles(node: StructNode): string[] {
  return [node.role, ...node.children.flatMap(roles)];
}

export const PDFINFO = '/usr/bin/pdfinfo';

/** pdfinfo's fields, or null when poppler-utils is not installed. */
export function pdfinfo(bytes: Uint8Array): Record<string, string> | null {
  if (!existsSync(PDFINFO)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'protokol-pdfinfo-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    const out = execFileSync(PDFINFO, ['-enc', 'UTF-8', file], { encoding: 'utf8' });
    return Object.fromEntries(
      out
        .split('\n')
        .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!.trim(), m[2]!.trim()]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Why a pdfinfo check cannot run here, or null when it can. CI sets PROTOKOL_REQUIRE_PDFINFO=1
 * (.ci/run installs poppler-utils), and there a missing pdfinfo is a failure, not a skip.
 */
export function pdfinfoUnavailable(): string | null {
  if (existsSync(PDFINFO)) return null;
  if (process.env.PROTOKOL_REQUIRE_PDFINFO === '1') {
    throw new Error(`PROTOKOL_REQUIRE_PDFINFO=1 but ${PDFINFO} is missing: install poppler-utils (apt-get install poppler-utils)`);
  }
  return `${PDFINFO} is not installed (poppler-utils); the tagged/title check runs in CI`;
}
