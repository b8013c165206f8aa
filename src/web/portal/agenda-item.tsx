// One agenda item as the public sees it. It receives a PublicAgendaItem, already cut down by
// `publicView`: this file only presents, it decides nothing about what is visible.
import { raw } from 'hono/html';
import { useContext } from 'hono/jsx';
import type { PublicAgendaItem, Section } from '../../domain/agenda-item.js';
import { formatFileSize, isStored } from '../../domain/file.js';
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

/** Text extracted from documents keeps its line breaks: each non-empty line is a paragraph. */
export function Paragraphs(props: { text: string }) {
  const lines = props.text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  return (
    <>
      {lines.map((l) => (
        <p>{l}</p>
      ))}
    </>
  );
}

export function AgendaItemArticle(props: { item: PublicAgendaItem }) {
  const item = props.item;
  // The print stylesheet prints each attachment's full address after its title.
  const baseUrl = useContext(BaseUrlContext);
  const anchor = itemAnchor(item);
  // The decision is shown once, in its own box; a "Beslutning" section would repeat it.
  const sections = item.decision === null ? item.sections : item.sections.filter((s) => s.kind !== 'decision');
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
          </ul>
        </div>
      ) : null}
    </article>
  );
}

/**
 * One section under its heading: the editor's sanitised HTML (sanitised again on the way out,
 * so a row written by an older version cannot carry markup the allow-list now refuses), else
 * the plain text as paragraphs. Shared by the portal and the members' reading view.
 */
export function ItemSection(props: { section: Pick<Section, 'heading' | 'text' | 'html'> }) {
  const s = props.section;
  return (
    <section>
      <h3>{s.heading}</h3>
      {s.html ? <div class="section-html">{raw(sanitiseHtml(s.html))}</div> : <Paragraphs text={s.text} />}
    </section>
  );
}
