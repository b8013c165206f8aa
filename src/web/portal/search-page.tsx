// The search page: a GET form (shareable, bookmarkable URLs) and the hits, 20 per page.
import { formatDateMedium } from '../../render/format.js';
import { SEARCH_MAX_QUERY, SEARCH_PAGE_SIZE, type SearchHit, type SearchPage as SearchView } from '../../services/portal-search.js';
import { organizationHref } from './components.js';
import { Layout } from './layout.js';
import { SEARCH_PATH, caseHref, itemHref, searchHref } from './links.js';

function hitLink(h: SearchHit): { href: string; text: string } {
  switch (h.kind) {
    case 'item':
      // An item's label is its printed number, never null for items.
      return { href: itemHref(h.meetingId ?? '', h.label ?? ''), text: `${h.label ?? ''}. ${h.title}` };
    case 'case':
      return { href: caseHref(h.id), text: h.label ? `${h.label} ${h.title}` : h.title };
    case 'committee':
      return { href: organizationHref(h.id), text: h.title };
  }
}

function hitMeta(h: SearchHit): string {
  // A committee's date is its term's start, which reads oddly; its term name says it better.
  const when = h.kind === 'committee' ? (h.context ? `Valgperiode ${h.context}` : null) : h.date ? formatDateMedium(h.date) : null;
  const where = h.kind === 'item' ? h.context : null;
  return [h.kindLabel, where, when, h.bodyName].filter((x) => x !== null && x !== '').join(' · ');
}

function Pagination(props: { page: SearchView }) {
  const { q, page, pageCount } = props.page;
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Sider" class="pagination">
      <ul>
        {page > 1 ? (
          <li>
            <a href={searchHref(q, Math.min(page - 1, pageCount))} rel="prev">
              Forrige side
            </a>
          </li>
        ) : null}
        <li>
          Side {page} af {pageCount}
        </li>
        {page < pageCount ? (
          <li>
            <a href={searchHref(q, page + 1)} rel="next">
              Næste side
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function SearchPage(props: { page: SearchView; path: string; baseUrl: string }) {
  const { page } = props;
  const title = page.q ? `Søgning: ${page.q}` : 'Søg';
  const crumbs = page.q
    ? [{ label: 'Forside', href: '/' }, { label: 'Søg', href: SEARCH_PATH }, { label: page.q }]
    : [{ label: 'Forside', href: '/' }, { label: 'Søg' }];
  return (
    <Layout title={title} path={props.path} baseUrl={props.baseUrl} breadcrumbs={crumbs}>
      <h1>Søg</h1>
      <form method="get" action={SEARCH_PATH} role="search" class="search-form">
        <div class="form-group">
          <label class="form-label" for="soeg-q">
            Søg i punkter, sager og udvalg
          </label>
          <input class="form-input" type="search" id="soeg-q" name="q" value={page.q} maxlength={SEARCH_MAX_QUERY} />
        </div>
        <button type="submit" class="button button-primary">
          Søg
        </button>
      </form>
      {page.q ? (
        <section aria-labelledby="resultater">
          <h2 id="resultater">{page.total === 0 ? 'Ingen resultater' : page.total === 1 ? '1 resultat' : `${page.total} resultater`}</h2>
          {page.total > 0 && page.hits.length === 0 ? <p>Der er ingen resultater på denne side.</p> : null}
          {page.hits.length > 0 ? (
            <ol class="search-results" start={(page.page - 1) * SEARCH_PAGE_SIZE + 1}>
              {page.hits.map((h) => {
                const link = hitLink(h);
                return (
                  <li>
                    <a href={link.href}>{link.text}</a>
                    <div class="meta">{hitMeta(h)}</div>
                  </li>
                );
              })}
            </ol>
          ) : null}
          <Pagination page={page} />
        </section>
      ) : null}
    </Layout>
  );
}
