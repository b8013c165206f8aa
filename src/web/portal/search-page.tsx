// The search page: a GET form (shareable, bookmarkable URLs), the hits with their matched
// words marked, sort links and page numbers; the filters are in search-filters.tsx. No
// JavaScript: every choice is a link to the same page with changed parameters.
import { FollowForm } from '../alerts/follow-form.js';
import type { Child } from 'hono/jsx';
import { formatDate } from '../../render/format.js';
import { SNIPPET_END, SNIPPET_START, type SearchHit } from '../../search/model.js';
import { SEARCH_MAX_QUERY, SEARCH_PAGE_SIZE, type SearchOutcome, type SearchParams } from '../../services/search/search.js';
import { Icon, Layout } from './layout.js';
import { SEARCH_PATH } from './links.js';
import { Filters, Hidden, searchPath, withParams } from './search-filters.js';
import { PeopleFound } from './people-list-page.js';

export { searchPath } from './search-filters.js';

/** The index marks matches with control characters; split on them and let JSX escape the text. */
export function Snippet(props: { text: string }): Child {
  const clean = (s: string) => s.replaceAll(SNIPPET_START, '').replaceAll(SNIPPET_END, '');
  const [head = '', ...rest] = props.text.split(SNIPPET_START);
  return (
    <>
      {clean(head)}
      {rest.map((part) => {
        const end = part.indexOf(SNIPPET_END);
        if (end === -1) return clean(part);
        return (
          <>
            <mark>{clean(part.slice(0, end))}</mark>
            {clean(part.slice(end + 1))}
          </>
        );
      })}
    </>
  );
}

function Hit(props: { hit: SearchHit }) {
  const h = props.hit;
  const meta = [formatDate(h.meetingDate), h.organizationName, h.municipality, h.caseNumber ? `Sag ${h.caseNumber}` : null];
  return (
    <li>
      <h3 class="h4">
        <a href={h.url}>{h.title}</a>
      </h3>
      <span class="meta">{meta.filter((x) => x).join(' · ')}</span>
      {h.snippet ? (
        <p class="mt-2 mb-0">
          <Snippet text={h.snippet} />
        </p>
      ) : null}
    </li>
  );
}

function SortSwitch(props: { params: SearchParams }) {
  const link = (sort: SearchParams['sort'], label: string) =>
    props.params.sort === sort ? (
      <a href={withParams(props.params, { sort })} aria-current="true">
        <strong>{label}</strong>
      </a>
    ) : (
      <a href={withParams(props.params, { sort })}>{label}</a>
    );
  // A sentence rather than a list: DKFDS has no inline list, and the words keep their spaces.
  return (
    <nav aria-label="Sortering">
      <p>
        Sortér efter: {link('relevance', 'Relevans')} · {link('date', 'Dato')}
      </p>
    </nav>
  );
}

/** 1 … 4 5 [6] 7 8 … 40: the first, the last and two either side of the current page. */
function pageNumbers(page: number, count: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= count; n++) {
    if (n === 1 || n === count || Math.abs(n - page) <= 2) out.push(n);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}

function Pagination(props: { params: SearchParams; pageCount: number }) {
  const { params, pageCount } = props;
  const page = params.page;
  if (pageCount <= 1) return null;
  const to = (n: number) => searchPath({ ...params, page: n });
  // Below 768 px DKFDS hides the arrows' text, so the links carry their name in aria-label.
  return (
    <nav class="pagination" aria-label="Sider">
      {page > 1 ? (
        <a href={to(Math.min(page - 1, pageCount))} class="button button-arrow button-previous" rel="prev" aria-label="Forrige side">
          <Icon name="chevron-left" />
          <span class="pagination-nav-link">Forrige</span>
        </a>
      ) : null}
      <span class="pagination-mobile">
        Side {page} af {pageCount}
      </span>
      <ol class="pagination__items">
        {pageNumbers(page, pageCount).map((n) =>
          n === null ? (
            <li class="pagination-item pagination-overflow">
              <span>…</span>
            </li>
          ) : (
            <li class="pagination-item pagination-number">
              <a href={to(n)} class={n === page ? 'current-page' : undefined} aria-current={n === page ? 'page' : undefined} aria-label={`Side ${n}`}>
                {n}
              </a>
            </li>
          ),
        )}
      </ol>
      {page < pageCount ? (
        <a href={to(page + 1)} class="button button-arrow button-next" rel="next" aria-label="Næste side">
          <span class="pagination-nav-link">Næste</span>
          <Icon name="chevron-right" />
        </a>
      ) : null}
    </nav>
  );
}

/** "ca. 31 900 resultater" when the adapter estimated the count (SearchResult.counts). */
function resultCount(total: number, counts: 'exact' | 'estimate'): string {
  if (total === 0) return 'Ingen resultater';
  if (counts === 'estimate') return `ca. ${total.toLocaleString('da-DK')} resultater`;
  return total === 1 ? '1 resultat' : `${total} resultater`;
}

function Results(props: { outcome: SearchOutcome }) {
  const { params, result, pageCount } = props.outcome;
  const total = result?.total ?? 0;
  const hits = result?.hits ?? [];
  return (
    <section class="col-12 col-lg-8" aria-labelledby="resultater">
      <h2 id="resultater">{resultCount(total, result?.counts ?? 'exact')}</h2>
      {result?.partial ? <p>Søgningen gav mange resultater: de bedste af dem, der nåede at blive vurderet, vises først.</p> : null}
      {total === 0 ? <p>Prøv med andre eller færre ord, eller fjern nogle af filtrene.</p> : <SortSwitch params={params} />}
      {total > 0 && hits.length === 0 ? <p>Der er ingen resultater på denne side.</p> : null}
      {hits.length > 0 ? (
        <ol class="meeting-list search-results" start={(params.page - 1) * SEARCH_PAGE_SIZE + 1}>
          {hits.map((h) => (
            <Hit hit={h} />
          ))}
        </ol>
      ) : null}
      <Pagination params={params} pageCount={pageCount} />
    </section>
  );
}

export function SearchPage(props: { outcome: SearchOutcome; path: string; baseUrl: string }) {
  const { params, result } = props.outcome;
  const q = params.q;
  const crumbs = q ? [{ label: 'Forside', href: '/' }, { label: 'Søg', href: SEARCH_PATH }, { label: q }] : [{ label: 'Forside', href: '/' }, { label: 'Søg' }];
  return (
    <Layout title={q ? `Søgning: ${q}` : 'Søg'} path={props.path} baseUrl={props.baseUrl} breadcrumbs={crumbs}>
      <h1>Søg</h1>
      <form class="lead-search" method="get" action={SEARCH_PATH} role="search">
        <Hidden params={params} omit={['q']} />
        <div class="form-group">
          <label class="form-label" for="soeg-q">
            Søg i dagsordener og referater
          </label>
          <div class="search">
            <input class="form-input" type="search" id="soeg-q" name="q" value={q} maxlength={SEARCH_MAX_QUERY} autocomplete="off" />
            <button type="submit" class="button button-search">
              Søg
            </button>
          </div>
        </div>
      </form>
      {props.outcome.people.length > 0 ? <PeopleFound people={props.outcome.people} /> : null}
      {result ? (
        <div class="row">
          <Results outcome={props.outcome} />
          <Filters outcome={props.outcome} />
        </div>
      ) : null}
      {q ? <FollowForm kind="search" q={q} what="denne søgning" feedUrl={`/soeg/feed.atom?q=${encodeURIComponent(q)}`} /> : null}
    </Layout>
  );
}
