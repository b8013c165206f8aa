// A FirstAgenda Publication meeting page saved as HTML → ParsedDocument, through the same
// agenda model and mapping as the JSON reader.
import { DomainError } from '../../../domain/errors.js';
import type { ReadOptions, SourceReader, SourceResult, UnitFiles } from '../source.js';
import { coverageOf, mapAgenda, newInputWords } from './document.js';
import { looksLikeAgendaPage, readAgendaPage } from './html-page.js';

const FORMAT = 'firstagenda-html';
const MAX_CANDIDATES = 20;
const utf8 = new TextDecoder('utf-8', { fatal: false });

export const firstAgendaHtmlReader: SourceReader = {
  format: FORMAT,
  label: 'FirstAgenda-side (HTML)',
  unit: 'file',

  async detect(unit: UnitFiles, head: (name: string) => Promise<string | null>): Promise<string | null> {
    const candidates = unit.list().filter((n) => /\.x?html?$/i.test(n));
    if (candidates.length === 0 || candidates.length > MAX_CANDIDATES) return null;
    const found: string[] = [];
    for (const name of candidates) {
      const h = await head(name);
      if (h !== null && looksLikeAgendaPage(h)) found.push(name);
    }
    return found.length === 1 ? found[0]! : null;
  },

  async read(unit: UnitFiles, main: string, options: ReadOptions): Promise<SourceResult> {
    const bytes = await unit.read(main);
    if (bytes === null) throw new DomainError('invalid_input', `${main}: no such file in ${unit.root}`, main);
    const page = readAgendaPage(utf8.decode(bytes));
    if (page === null) throw new DomainError('invalid_input', `${main}: a FirstAgenda page without agenda items (tr.punktrow) or embedded agenda`, main);
    const { doc, input } = mapAgenda(page.agenda, { format: FORMAT, file: main, origin: page.origin, municipality: options.municipality });
    // A rendered page is measured against its own visible agenda text; an embedded model against itself.
    const pageWords = newInputWords();
    for (const t of page.text) pageWords.add(t);
    const measured = page.embedded ? input : pageWords;
    return { doc: { ...doc, coverage: coverageOf(measured, doc) }, used: [main], missing: [] };
  },
};
