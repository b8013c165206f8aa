// FirstAgenda Publication's agenda JSON (the answer of /api/agenda/dagsorden/{id}, saved as a
// file or fetched by the sync) → ParsedDocument.
import { DomainError } from '../../../domain/errors.js';
import type { ReadOptions, SourceReader, SourceResult, UnitFiles } from '../source.js';
import { coverageOf, mapAgenda } from './document.js';
import { faAgenda, firstIssue } from './model.js';

const FORMAT = 'firstagenda-json';

/** At most this many .json files are looked at: a folder of many is not one meeting's export. */
const MAX_CANDIDATES = 20;

/**
 * The agenda model by its first bytes: an object whose keys include Dagsordenpunkter and the
 * item or meeting keys. The API sends Dagsordenpunkter first and Moede/Udvalg last, so a
 * large answer's head shows only the items' keys.
 */
export function looksLikeAgendaJson(head: string): boolean {
  if (!/^\s*\{/.test(head) || !/"Dagsordenpunkter"\s*:/.test(head)) return false;
  return /"(?:Moede|Udvalg|Punktnummer|Felter|Bilag)"\s*:/.test(head);
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Parses and validates an agenda answer; errors name the file and the first bad field. */
export function parseAgendaJson(text: string, file: string): ReturnType<typeof faAgenda.parse> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new DomainError('invalid_input', `${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`, file);
  }
  const parsed = faAgenda.safeParse(json);
  if (!parsed.success) throw new DomainError('invalid_input', `${file}: not a FirstAgenda agenda (${firstIssue(parsed.error)})`, file);
  return parsed.data;
}

export const firstAgendaJsonReader: SourceReader = {
  format: FORMAT,
  label: 'FirstAgenda JSON',
  unit: 'file',

  async detect(unit: UnitFiles, head: (name: string) => Promise<string | null>): Promise<string | null> {
    const candidates = unit.list().filter((n) => n.toLowerCase().endsWith('.json'));
    if (candidates.length === 0 || candidates.length > MAX_CANDIDATES) return null;
    const found: string[] = [];
    for (const name of candidates) {
      const h = await head(name);
      if (h !== null && looksLikeAgendaJson(h)) found.push(name);
    }
    // One meeting per unit: a folder of several agendas is several units, not one.
    return found.length === 1 ? found[0]! : null;
  },

  async read(unit: UnitFiles, main: string, options: ReadOptions): Promise<SourceResult> {
    const bytes = await unit.read(main);
    if (bytes === null) throw new DomainError('invalid_input', `${main}: no such file in ${unit.root}`, main);
    const agenda = parseAgendaJson(utf8.decode(bytes), main);
    const { doc, input } = mapAgenda(agenda, { format: FORMAT, file: main, municipality: options.municipality });
    return { doc: { ...doc, coverage: coverageOf(input, doc) }, used: [main], missing: [] };
  },
};
