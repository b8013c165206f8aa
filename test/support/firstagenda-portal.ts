// A FirstAgenda Publication portal on loopback serving the Greve fixtures as the real one
// does: /api/agenda/udvalgsliste (committees with their meetings) and
// /api/agenda/dagsorden/{id} (each meeting's answer, the fixture file's bytes) and the
// attachments' files.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { edocDir, greveDir } from './fixtures.js';
import { type Loopback, serveLoopback } from './loopback.js';

interface Agenda {
  Id: string;
  Udvalg: { Id: string; Navn: string };
  Moede: { Dato: string; MeetingBeginUtc: string | null; Sted: string | null; Afsluttet: boolean; Navn: string };
}

/** The fixture answers by meeting id, and the committee list the portal would give for them. */
/** Two Greve bodies a case travels between (19 meetings): where all 94 would only cost time. */
export const GREVE_TWO_BODIES = ['byraad-2022-2025', 'oekonomiudvalget'] as const;

/** All of the Greve fixtures, or the committees' folders named (e.g. ['byraad-2022-2025', 'oekonomiudvalget']). */
export function firstAgendaPortal(folders?: readonly string[]): { answers: Map<string, string>; list: unknown } {
  const answers = new Map<string, string>();
  const committees = new Map<string, { Id: string; Navn: string; Historisk: boolean; Moeder: unknown[] }>();
  for (const dir of folders ?? readdirSync(greveDir).sort()) {
    for (const file of readdirSync(join(greveDir, dir)).sort()) {
      const text = readFileSync(join(greveDir, dir, file), 'utf8');
      const a = JSON.parse(text) as Agenda;
      answers.set(a.Id, text);
      const c = committees.get(a.Udvalg.Id) ?? { Id: a.Udvalg.Id, Navn: a.Udvalg.Navn, Historisk: false, Moeder: [] };
      c.Moeder.push({
        Id: a.Id,
        Dato: a.Moede.Dato,
        MeetingBeginUtc: a.Moede.MeetingBeginUtc,
        ReleasedDate: a.Moede.Dato,
        Sted: a.Moede.Sted,
        Afsluttet: a.Moede.Afsluttet,
        Navn: a.Moede.Navn,
        IsSupplementaryAgenda: false,
      });
      committees.set(a.Udvalg.Id, c);
    }
  }
  return { answers, list: { Udvalg: { 'Udvalg 2022-2025': [...committees.values()] } } };
}

/** What the portal answers for every attachment (/Vis/Pdf/bilag/{id}): one real PDF of the eDoc export. */
export const ATTACHMENT_PDF = join(edocDir, '1552824.PDF');

/** Serves the portal; `onRequest` is called with every request's path (counting, or killing a client mid-run). */
export function serveFirstAgenda(answers: ReadonlyMap<string, string>, list: unknown, onRequest: (path: string) => void = () => undefined): Promise<Loopback> {
  const pdf = readFileSync(ATTACHMENT_PDF);
  return serveLoopback(() => (req: Request) => {
    const path = new URL(req.url).pathname;
    onRequest(path);
    if (path.startsWith('/Vis/Pdf/bilag/')) return new Response(pdf, { headers: { 'content-type': 'application/pdf' } });
    if (path === '/api/agenda/udvalgsliste') return Response.json(list);
    const m = /^\/api\/agenda\/dagsorden\/([0-9a-f-]+)$/.exec(path);
    const body = m ? answers.get(m[1] ?? '') : undefined;
    return body ? new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } }) : new Response('not found', { status: 404 });
  });
}
