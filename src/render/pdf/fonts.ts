// The fonts of Protokol's PDFs: IBM Plex Sans, the typeface of Det Fælles Designsystem, from
// the dkfds package the portal already ships. Embedded (subset) TrueType rather than the
// standard Helvetica: PDF/UA wants every font embedded, and an embedded font with a ToUnicode
// map gives back "æøå", "§" and "–" unchanged when the text is extracted or read aloud.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const FONT = { regular: 'Plex', bold: 'Plex-Bold', italic: 'Plex-Italic' } as const;

const files: Record<keyof typeof FONT, string> = {
  regular: 'IBMPlexSans-Regular.ttf',
  bold: 'IBMPlexSans-Bold.ttf',
  italic: 'IBMPlexSans-Italic.ttf',
};

/** A parsed font as fontkit returns it; pdfkit takes one wherever it takes font bytes. */
interface FontkitFont {
  layout: (...args: never[]) => unknown;
}

let loaded: Record<keyof typeof FONT, FontkitFont> | undefined;

function fontDir(): string {
  // dkfds exports only its script (dist/js/dkfds.min.js); the package root is three levels up.
  const require = createRequire(import.meta.url);
  const root = dirname(dirname(dirname(require.resolve('dkfds'))));
  return join(root, 'src', 'fonts', 'IBMPlexSans', 'complete', 'ttf');
}

/**
 * The three faces, read and parsed once per process and shared by every document. Handing
 * pdfkit the parsed font (instead of the bytes) matters: fontkit decodes its tables and glyphs
 * lazily and keeps them on the font object, and re-parsing per document was over half of the
 * render time of a 40-item meeting. Sharing is safe: pdfkit's layout and subsetting run
 * synchronously and keep their per-document state (subset, layout cache) on its own objects.
 */
export function parsedFonts(): Record<keyof typeof FONT, FontkitFont> {
  if (!loaded) {
    // fontkit is pdfkit's own font engine: resolved from pdfkit so it is the very copy pdfkit uses.
    const require = createRequire(import.meta.url);
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(bytes: Uint8Array): FontkitFont };
    const dir = fontDir();
    const parse = (name: string): FontkitFont => fontkit.create(readFileSync(join(dir, name)));
    loaded = { regular: parse(files.regular), bold: parse(files.bold), italic: parse(files.italic) };
  }
  return loaded;
}

/** Registers the three faces on a document under the names in FONT. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const f = parsedFonts();
  // @types/pdfkit lists only bytes and paths, but pdfkit accepts a parsed fontkit font. The
  // family (= the name) matters: pdfkit's tables restore the font by (source, family) after
  // each cell, and without a family that is a cache miss that embeds the font anew.
  const register = (name: string, font: FontkitFont) => doc.registerFont(name, font as unknown as Buffer, name);
  register(FONT.regular, f.regular);
  register(FONT.bold, f.bold);
  register(FONT.italic, f.italic);
}
