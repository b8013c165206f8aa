// One agenda item as the public sees it. It receives a PublicAgendaItem, already cut down by
// `publicView`: this file only presents, it decides nothing about what is visible.
import { raw } from 'hono/html';
import { useContext } from 'hono/jsx';
import type { PublicAgendaItem, Section } from '../../domain/agenda-item.js';
import { formatFileSize, isStored } from '../../domain/file.js';
import { blocksFromText } from '../../domain/text-blocks.js';
import { blocksToHtml, sectionBlocks } from '../../domain/text-blocks-html.js';
import { publicPaths } from '../../domain/public-urls.js';
// Sanitised when written; sanitised again here so the page never trusts a stored string.
import { sanitiseHtml } from '../../services/lifecycle/html.js';
import { DecisionRecords } from './decision-records.js';
import { BaseUrlContext, canonicalUrl } from './layout.js';
import { caseHref, itemHref } from './links.js';

/** Anchor id of an item: the printed number when it is safe in a URL fragment, else the order. */
export function itemAnchor(item: Pick<PublicAgendaItem, 'number' | 'order'>): string {
  return /^[0-9A-Za-z.-]+$/.test(item.number) ? `punkt-${item.number}` : `punkt-${item.order}`;
}

export const fileHref = (f: { id: string; fileName: string }): string => publicPaths.file(f.id, f.fileName);

/**
 * Plain text as its blocks (domain/text-blocks): a line a paragraph, runs of tab-separated
 * lines a table, marked lines a list. blocksToHtml escapes every text.
 */
export function Paragraphs(props: { text: string }) {
  return <>{raw(blocksToHtml(blocksFromText(props.text)))}</>;
}

export function AgendaItemArticle(props: { item: PublicAgendaItem }) {
  const item = props.item;
  // The print stylesheet prints each attachment's full address after its title.
  const baseUrl = useContext(BaseUrlContext);
  const anchor = itemAnchor(item);
  // The decision is shown once, in its own box; a "Beslutning" section would repeat it. With
  // files, the printed attachment list ("Bilag" section) joins the one list of files, as in
  // the PDFs (render/pdf/items.ts): one "Bilag" heading per item.
  const hasFiles = item.files.length > 0;
  const sections = item.sections.filter((s) => !(item.decision !== null && s.kind === 'decision') && !(hasFiles && s.kind === 'attachments'));
  const unlisted = hasFiles ? printedOnly(item) : [];
  return (
    <article id={anchor} class="item" aria-labelledby={`${anchor}-titel`}>
      <h2 id={`${anchor}-titel`}>
        <span class="item-number">{item.number}.</span> {item.title}
      </h2>
      <p class="meta item-links">
        <a href={itemHref(item.meetingId, item.number)}>Direkte link til punkt {item.number}</a>
        {/* paperId is set only on open items (publicView), whose case page is always public. */}
        {item.paperId ? (
          <>
            {' · '}
            <a href={caseHref(item.paperId)}>Sagens forløb</a>
          </>
        ) : null}
      </p>
      {item.public ? null : (
        <p>
          <span class="badge">Lukket punkt</span>
        </p>
      )}
      {item.decision !== null ? (
        <div class="decision">
          <h3>Beslutning</h3>
          <Paragraphs text={item.decision} />
        </div>
      ) : null}
      <DecisionRecords item={item} />
      {sections.map((s) => (
        <ItemSection section={s} />
      ))}
      {item.files.length > 0 ? (
        <div class="attachments">
          <h3>Bilag</h3>
          <ul>
            {item.files.map((f) => (
              <li>
                {isStored(f) ? (
                  <>
                    <a href={fileHref(f)} data-print-url={canonicalUrl(baseUrl, fileHref(f))}>
                      {f.title}
                    </a>{' '}
                    <span class="meta">({formatFileSize(f.size)})</span>
                  </>
                ) : (
                  <>
                    {f.title} <span class="meta">(filen er ikke tilgængelig)</span>
                  </>
                )}
              </li>
            ))}
            {unlisted.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </article>
  );
}

/**
 * Lines of the printed attachment list that name none of the item's public files (a closed
 * attachment, "Bilag 3 - Notat (lukket bilag)"): kept in the one list as text.
 */
function printedOnly(item: PublicAgendaItem): string[] {
  const titles = item.files.map((f) => f.title.trim().toLocaleLowerCase('da')).filter((t) => t !== '');
  return item.sections
    .filter((s) => s.kind === 'attachments')
    .flatMap((s) => s.text.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '' && !titles.some((t) => line.toLocaleLowerCase('da').includes(t)));
}

/**
 * One section under its heading: its HTML — the editor's, or the structure the importer
 * rebuilt — sanitised again on the way out, so a row written by an older version cannot carry
 * markup the allow-list now refuses; else the plain text as blocks. Shared by the portal and
 * the members' reading view.
 */
export function ItemSection(props: { section: Pick<Section, 'kind' | 'heading' | 'text' | 'html'> }) {
  const s = props.section;
  const html = s.html ? sanitiseHtml(s.html) : blocksToHtml(sectionBlocks(s));
  // A wide table scrolls inside its section on a phone; a scrolling region must be reachable
  // from the keyboard (WCAG 2.1.1), so it is focusable and named.
  const scrolls = html.includes('<table');
  return (
    <section>
      <h3>{s.heading}</h3>
      {scrolls ? (
        <div class="section-html section-scroll" tabindex={0} role="region" aria-label={`${s.heading} (med tabel)`}>
          {raw(html)}
        </div>
      ) : (
        <div class="section-html">{raw(html)}</div>
      )}
    </section>
  );
}
