// A meeting's agenda (dagsorden) or minutes (referat) as a tagged PDF, from the view model
// alone. Order: front page → table of contents → items → approval page (minutes); the table
// of contents and the running header/footer are drawn last on their reserved pages.
import { formatDate } from '../format.js';
import { drawApprovalPage } from './approval-page.js';
import { drawFrontPage } from './front-page.js';
import { drawItem, itemLabel } from './items.js';
import { type MeetingPdfModel, documentKindLabel } from './meeting-model.js';
import { drawPageFurniture } from './page-furniture.js';
import { Writer, newTaggedDocument } from './pdf-writer.js';
import { drawToc, planToc } from './toc.js';

/** Bumped whenever the output changes for the same model, so cached PDFs are not reused. */
export const MEETING_PDF_RENDERER_VERSION = 3;

export interface RenderedMeetingPdf {
  bytes: Uint8Array;
  pageCount: number;
  /** 1-based page of each item's heading, in the order of model.items. */
  itemPages: number[];
  /** 1-based page of the table of contents' heading; null when there are no items. */
  tocPage: number | null;
  /** 1-based page of the approval page; null when there is none. */
  approvalPage: number | null;
  title: string;
}

/** "Referat: Udvalget for Børn og Ungdom, tirsdag den 13. august 2024" (+ " – lukket udgave"). */
export function meetingPdfTitle(model: Pick<MeetingPdfModel, 'kind' | 'committee' | 'date' | 'edition'>): string {
  const title = `${documentKindLabel[model.kind]}: ${model.committee}, ${formatDate(model.date)}`;
  return model.edition === 'members' ? `${title} – lukket udgave` : title;
}

export interface RenderOptions {
  /**
   * Pages that will follow in the same file (the attachments of the merged document): the
   * footers then count the whole file, "Side 3 af 5" on the agenda's last page.
   */
  followingPages?: number;
}

export async function renderMeetingPdf(model: MeetingPdfModel, options: RenderOptions = {}): Promise<RenderedMeetingPdf> {
  const title = meetingPdfTitle(model);
  const pdf = newTaggedDocument({ title, author: model.municipality, issuedAt: new Date(model.issuedAt) });
  const w = new Writer(pdf);
  const root = w.root;

  drawFrontPage(w, root, model);
  const toc = model.items.length > 0 ? planToc(w, root, model.items.map(itemLabel)) : null;
  if (!toc) w.paragraph(root, model.kind === 'dagsorden' ? 'Dagsordenen har ingen punkter.' : 'Referatet har ingen punkter.');

  const itemPages: number[] = [];
  model.items.forEach((item, i) => {
    if (i === 0) w.newPage();
    itemPages.push(drawItem(w, root, item, model));
  });
  const approvalPage = model.kind === 'referat' && model.approval ? drawApprovalPage(w, root, model.approval) : null;

  if (toc) drawToc(w, toc, itemPages);
  drawPageFurniture(w, model, options.followingPages ?? 0);
  const pageCount = pdf.pageCount;
  const bytes = pdf.finish();
  return { bytes, pageCount, itemPages, tocPage: toc?.page ?? null, approvalPage, title };
}
