// The search page's filters: facet values as links with counts, the filters in force with
// "fjern" links, and the date range form. Plain links and a GET form, so they work without
// JavaScript; every link is the same page with changed parameters and page 1.
import { formatDateMedium } from '../../render/format.js';
import { type FacetName, type FacetValue, facetNames } from '../../search/model.js';
import {
  type AppliedFilter,
  type FilterKind,
  type SearchOutcome,
  type SearchParams,
  isDecision,
  portalVocabulary,
  searchQueryString,
} from '../../services/search/search.js';
import { SEARCH_PATH } from './links.js';

/** Facet values shown before the rest fold into a <details>. */
const FACET_VISIBLE = 10;

const kindLabel: Record<FilterKind, string> = {
  municipality: 'Kommune',
  committee: 'Udvalg',
  year: 'År',
  decision: 'Beslutning',
  attachments: 'Bilag',
  from: 'Fra',
  to: 'Til',
};

export function searchPath(params: SearchParams): string {
  const qs = searchQueryString(params, portalVocabulary);
  return qs ? `${SEARCH_PATH}?${qs}` : SEARCH_PATH;
}

/** A changed filter always starts again at page 1: the old page number may not exist. */
export const withParams = (p: SearchParams, change: Partial<SearchParams>): string => searchPath({ ...p, page: 1, ...change });

function adding(p: SearchParams, kind: FacetName, value: string): Partial<SearchParams> {
  switch (kind) {
    case 'municipality':
      return { municipalities: [...p.municipalities, value] };
    case 'committee':
      return { committees: [...p.committees, value] };
    case 'year':
      return { years: [...p.years, Number(value)] };
    case 'decision':
      // The facet's value is a decision type; anything else adds nothing.
      return { decisions: isDecision(value) ? [...p.decisions, value] : p.decisions };
    case 'attachments':
      return { attachments: value === 'true' };
  }
}

function removing(p: SearchParams, f: AppliedFilter): Partial<SearchParams> {
  switch (f.kind) {
    case 'municipality':
      return { municipalities: p.municipalities.filter((x) => x !== f.value) };
    case 'committee':
      return { committees: p.committees.filter((x) => x !== f.value) };
    case 'year':
      return { years: p.years.filter((x) => String(x) !== f.value) };
    case 'decision':
      return { decisions: p.decisions.filter((x) => x !== f.value) };
    case 'attachments':
      return { attachments: null };
    case 'from':
      return { from: null };
    case 'to':
      return { to: null };
  }
}

function isActive(p: SearchParams, kind: FacetName, value: string): boolean {
  switch (kind) {
    case 'municipality':
      return p.municipalities.includes(value);
    case 'committee':
      return p.committees.includes(value);
    case 'year':
      return p.years.map(String).includes(value);
    case 'decision':
      return isDecision(value) && p.decisions.includes(value);
    case 'attachments':
      return p.attachments !== null && String(p.attachments) === value;
  }
}

/** The current parameters as hidden inputs, so a form changes only its own fields (and starts at page 1). */
export function Hidden(props: { params: SearchParams; omit: ('q' | 'from' | 'to')[] }) {
  const kept: SearchParams = { ...props.params, page: 1 };
  for (const k of props.omit) {
    if (k === 'q') kept.q = '';
    else kept[k] = null;
  }
  return (
    <>
      {[...new URLSearchParams(searchQueryString(kept, portalVocabulary))].map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function FacetList(props: { params: SearchParams; kind: FacetName; values: FacetValue[]; estimated: boolean }) {
  // Estimated counts (a very large match set, SearchResult.counts) are printed "ca. N".
  const count = (f: FacetValue) => (props.estimated ? `ca. ${f.count.toLocaleString('da-DK')}` : String(f.count));
  const item = (f: FacetValue) => (
    <li>
      {isActive(props.params, props.kind, f.value) ? (
        <strong>
          {f.label} ({count(f)})
        </strong>
      ) : (
        <a href={withParams(props.params, adding(props.params, props.kind, f.value))}>
          {f.label} ({count(f)})
        </a>
      )}
    </li>
  );
  const shown = props.values.slice(0, FACET_VISIBLE);
  const more = props.values.slice(FACET_VISIBLE);
  return (
    <>
      <h3 class="h5">{kindLabel[props.kind]}</h3>
      <ul class="unstyled-list">{shown.map(item)}</ul>
      {more.length > 0 ? (
        <details>
          <summary>Vis {more.length} flere</summary>
          <ul class="unstyled-list">{more.map(item)}</ul>
        </details>
      ) : null}
    </>
  );
}

export function Filters(props: { outcome: SearchOutcome }) {
  const { params, applied, result } = props.outcome;
  const label = (f: AppliedFilter) => (f.kind === 'from' || f.kind === 'to' ? formatDateMedium(f.value) : f.label);
  return (
    <section class="col-12 col-lg-4" aria-labelledby="filtre">
      <h2 id="filtre">Afgræns søgningen</h2>
      {applied.length > 0 ? (
        <>
          <h3 class="h5">Valgte filtre</h3>
          <ul class="unstyled-list">
            {applied.map((f) => (
              <li>
                {kindLabel[f.kind]}: {label(f)}{' '}
                <a href={withParams(params, removing(params, f))}>
                  fjern<span class="sr-only"> filteret {`${kindLabel[f.kind]}: ${label(f)}`}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {facetNames.map((kind) => {
        const values = result?.facets[kind] ?? [];
        return values.length > 0 ? <FacetList params={params} kind={kind} values={values} estimated={result?.counts === 'estimate'} /> : null;
      })}
      <h3 class="h5">Periode</h3>
      <form method="get" action={SEARCH_PATH}>
        <Hidden params={params} omit={['from', 'to']} />
        <div class="form-group">
          <label class="form-label" for="soeg-fra">
            Fra dato
          </label>
          <input class="form-input" type="date" id="soeg-fra" name="fra" value={params.from ?? ''} />
        </div>
        <div class="form-group">
          <label class="form-label" for="soeg-til">
            Til dato
          </label>
          <input class="form-input" type="date" id="soeg-til" name="til" value={params.to ?? ''} />
        </div>
        <button type="submit" class="button button-secondary">
          Vis periode
        </button>
      </form>
    </section>
  );
}
