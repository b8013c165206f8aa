// The import report in Danish: the readers' warnings carry a stable code and an English
// message for developers (and `parse --json`); the person importing the archive reads what
// happened in Danish. Printed text quoted in a message (a line that was not understood) is
// shown as printed.
import type { ParseWarning } from '../../importer/model.js';

type Rule = [RegExp, (m: RegExpExecArray) => string];

/** English message patterns per code → Danish sentence; the first matching pattern wins. */
const RULES: Record<string, Rule[]> = {
  unparsed_line: [[/^(.*?): (.*)$/s, (m) => `Linjen blev ikke genkendt (${m[1]}) og er bevaret som tekst: "${m[2]}"`]],
  header_line: [[/^Header line kept as printed: (.*)$/s, (m) => `Linje i hovedet bevaret som trykt: "${m[1]}"`]],
  header_note: [[/^(.*)$/s, (m) => `Oplysning i hovedet: ${m[1]}`]],
  section_marker: [[/^(.*)$/s, (m) => `Markering mellem afsnit: "${m[1]}"`]],
  toc_group: [[/^TOC group row: (.*)$/s, (m) => `Gruppelinje i indholdsfortegnelsen: "${m[1]}"`]],
  toc_count: [[/lists (\d+) items, the body has (\d+)/, (m) => `Indholdsfortegnelsen har ${m[1]} punkter, dokumentet ${m[2]}`]],
  toc_mismatch: [
    [/^TOC entry "(.*)" has no item in the body/s, (m) => `Punktet "${m[1]}" i indholdsfortegnelsen findes ikke i dokumentet`],
    [/^TOC says "(.*)", the body says "(.*)" \(item (.*?)\)/s, (m) => `Indholdsfortegnelsen siger "${m[1]}", punkt ${m[3]} siger "${m[2]}"`],
  ],
  toc_truncated: [[/^TOC entry cut at its width: "(.*?)" \(body/s, (m) => `Titlen er afkortet i indholdsfortegnelsen: "${m[1]}"`]],
  item_order: [[/^Item (.*?) follows item (.*?);/, (m) => `Punkt ${m[1]} står efter punkt ${m[2]}; rækkefølgen er bevaret som trykt`]],
  mis_decoded: [
    [
      /^Committee code\(s\) (.*) look mis-decoded .* in item (.*)\.$/s,
      (m) => `Udvalgskode(r) ${m[1]} i punkt ${m[2]} ser forkert afkodet ud (bevaret som trykt)`,
    ],
    [/^Mis-decoded characters: (.*)$/s, (m) => `Forkert afkodede tegn: "${m[1]}"`],
  ],
  attachment_index: [[/^[^:]*: (.*)$/s, (m) => `En liste over mødets bilag efter sidste punkt (ikke punktets egne bilag): ${m[1]}`]],
  invalid_utf8: [
    [/^(\d+) bytes? not valid UTF-8/, (m) => `${m[1]} byte(s) var ikke gyldig UTF-8 og blev læst som windows-1252`],
    [/^(\d+) more lines/, (m) => `${m[1]} linjer mere med bytes, der ikke var gyldig UTF-8`],
  ],
  attachment_missing: [
    [/^Item (.*?): the attachment file (.*) is not in the export/s, (m) => `Punkt ${m[1]}: bilagsfilen ${m[2]} findes ikke i eksporten`],
    [/^Item (.*?): the attachment file (.*) could not be fetched/s, (m) => `Punkt ${m[1]}: bilagsfilen ${m[2]} kunne ikke hentes`],
  ],
  closed_item: [[/^Item (.*?) is on a closed agenda \((.*)\)/s, (m) => `Punkt ${m[1]} står på en lukket dagsorden (${m[2]}) og er læst som lukket`]],
  closed_text_dropped: [[/^item (.*?) is closed/s, (m) => `Punkt ${m[1]} er lukket: kun den offentliggjorte beslutning er importeret`]],
  item_not_found: [[/^item (.*?) "(.*)" was not found/s, (m) => `Punkt ${m[1]} "${m[2]}" blev ikke fundet i teksten`]],
  no_item_text: [[/^No text found for item\(s\) (.*?):/s, (m) => `Ingen tekst fundet til punkt ${m[1]}; kun titlerne er bevaret`]],
  no_manifest_items: [
    [/lists no items; the (\d+) items of (.*) are used/s, (m) => `Manifestet har ingen punkter; de ${m[1]} punkter i ${m[2]} er brugt som trykt`],
  ],
  title_mismatch: [[/^Item (.*?): the manifest's title "(.*?)" is kept/s, (m) => `Punkt ${m[1]}: manifestets titel "${m[2]}" er bevaret`]],
  unlisted_item: [[/^item (.*?) "(.*)" is not in the manifest/s, (m) => `Punkt ${m[1]} "${m[2]}" står ikke i manifestet og er udeladt`]],
  unreadable_file: [[/^(.*?) \((.*)\) could not be read and was skipped: (.*)$/s, (m) => `${m[1]} (${m[2]}) kunne ikke læses og er sprunget over: ${m[3]}`]],
  unresolved_item: [[/^agenda item (.*?) could not be read/s, (m) => `Dagsordenspunkt ${m[1]} kunne ikke læses og er udeladt`]],
  unresolved_person: [[/^person (.*?) could not be read/s, (m) => `Person ${m[1]} kunne ikke læses og er udeladt`]],
  attachment_unavailable: [[/^(.*?): (.*)$/s, (m) => `Bilaget "${m[1]}" kunne ikke hentes (${m[2]})`]],
  no_date: [[/./, () => 'Ingen mødedato fundet']],
  attachment_unreadable: [[/^Item (.*?): (.*?): (.*)$/s, (m) => `Punkt ${m[1]}: bilaget ${m[2]} kunne ikke læses og er ikke offentliggjort (${m[3]})`]],
};

const FIXED: Record<string, string> = {
  cancelled: 'Mødet er aflyst; importeret, som det står',
  no_agenda: 'Eksporten har ingen dagsorden (MeetingAgendaType)',
  no_organization: 'Intet udvalgsnavn fundet i hovedet',
  kind_conflict: 'Dokumentet kalder sig "Dagsorden", men indeholder beslutninger; det er læst som referat',
  decoded_windows_1252: 'Filen er ikke UTF-8; den er læst som windows-1252',
  layout_unknown: 'Ukendt layout; punkterne er fundet med en løsere regel',
};

/** "1552814.PDF: …": readers of export folders say which of the unit's files a warning is about. */
const FILE_PREFIX = /^([^\s:/]+\.[A-Za-z0-9]{2,5}): /;

/** Readers of Danish exports often say it in Danish already (quoted titles aside). */
const DANISH_WORDS = /\b(ikke|er|og|til|findes|punkt|punkter|mødet|bilag|som|har|læst|udgaver)\b/iu;
const alreadyDanish = (message: string): boolean => DANISH_WORDS.test(message.replace(/"[^"]*"/g, ''));

/** The warning as a Danish sentence; an unknown code keeps its message after a Danish lead-in. */
export function danishWarning(w: ParseWarning): string {
  const file = FILE_PREFIX.exec(w.message);
  const message = file ? w.message.slice(file[0].length) : w.message;
  const lead = file ? `${file[1]}: ` : '';
  const fixed = FIXED[w.code];
  if (fixed) return lead + fixed;
  for (const [pattern, text] of RULES[w.code] ?? []) {
    const m = pattern.exec(message);
    if (m) return lead + text(m);
  }
  if (alreadyDanish(message)) return lead + message;
  return `${lead}Advarsel (${w.code}): ${message}`;
}

/** "linje 12, side 3: …" where the warning has a place. */
export function danishWarningLine(w: ParseWarning): string {
  const place = [w.line !== null ? `linje ${w.line}` : null, w.page !== null ? `side ${w.page}` : null].filter(Boolean).join(', ');
  return `${place ? `${place}: ` : ''}${danishWarning(w)}`;
}
