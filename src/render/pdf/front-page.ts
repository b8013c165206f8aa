// The front page: municipality, "Dagsorden"/"Referat", committee and term, date, time and
// place, and (when known) who took part, with absences and substitutes.
import { formatDate, formatTimeRange } from '../format.js';
import { FONT } from './fonts.js';
import { type MeetingPdfModel, type PdfPerson, documentKindLabel } from './meeting-model.js';
import { STYLE, type StructElement, type Writer } from './pdf-writer.js';

/** "Name (A)"; a party recorded alone (name and party both "Ø") once. */
export const withParty = (p: PdfPerson): string => (p.party && p.name !== p.party ? `${p.name} (${p.party})` : p.name);

export function drawFrontPage(w: Writer, root: StructElement, model: MeetingPdfModel): void {
  w.paragraph(root, model.municipality, { font: FONT.bold, size: 12, color: STYLE.muted, after: 10 });
  w.heading(root, 'H1', documentKindLabel[model.kind]);
  if (model.edition === 'members') {
    w.paragraph(root, 'Lukket udgave med lukkede punkter – kun til udvalgets medlemmer og sekretariatet. Må ikke offentliggøres (styrelseslovens § 10).', {
      font: FONT.bold,
      color: STYLE.closed,
      after: 8,
    });
  }
  w.paragraph(root, model.committee, { font: FONT.bold, size: 14, after: 2 });
  if (model.term) w.paragraph(root, `Valgperiode ${model.term}`, { color: STYLE.muted, after: 10 });
  w.labelled(root, 'Dato', formatDate(model.date));
  const time = formatTimeRange(model.start, model.end);
  if (time) w.labelled(root, 'Tidspunkt', time);
  if (model.location) w.labelled(root, 'Sted', model.location);
  if (model.status) w.paragraph(root, model.status, { font: FONT.italic, color: STYLE.muted });
  if (model.cancelled) w.paragraph(root, 'Mødet er aflyst.', { font: FONT.bold, color: STYLE.closed });

  const people = model.participants;
  if (people && (people.present.length > 0 || people.absent.length > 0 || people.substitutes.length > 0)) {
    w.gap(8);
    w.heading(root, 'H2', 'Deltagere');
    if (people.present.length > 0) {
      w.heading(root, 'H3', 'Til stede');
      w.list(root, people.present.map(withParty));
    }
    if (people.absent.length > 0) {
      w.heading(root, 'H3', 'Afbud');
      w.list(root, people.absent.map(withParty));
    }
    if (people.substitutes.length > 0) {
      w.heading(root, 'H3', 'Suppleanter');
      w.list(
        root,
        people.substitutes.map((s) => `${withParty(s)} deltog som suppleant${s.forName ? ` for ${s.forName}` : ''}`),
      );
    }
  }
  w.gap(10);
}
