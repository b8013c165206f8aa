// Facets for the PostgreSQL search adapter: one GROUPING SETS aggregate over the whole match set
// (query and filters) gives every facet's counts and, from the empty grouping set, the total.
import { sql } from 'kysely';
import { type DecisionType, decisionLabels, decisionTypes, type FacetName, type FacetValue, facetNames } from './model.js';

/** Shown to people in the decision facet. */

export interface FacetRow {
  /** grouping() bitmask: a bit is 1 for each column NOT grouped in this row's set. */
  g: number;
  bodyId: string | null;
  municipality: string | null;
  organizationId: string | null;
  organizationName: string | null;
  year: number | null;
  decisionType: string | null;
  hasAttachments: number | null;
  n: number;
}

// grouping(body_id, organization_id, year, decision_type, has_attachments): the grouped column's bit is 0.
const SET_MUNICIPALITY = 0b01111;
const SET_COMMITTEE = 0b10111;
const SET_YEAR = 0b11011;
const SET_DECISION = 0b11101;
const SET_ATTACHMENTS = 0b11110;
const SET_ALL = 0b11111;

export function emptyFacets(): Record<FacetName, FacetValue[]> {
  return Object.fromEntries(facetNames.map((f) => [f, []])) as unknown as Record<FacetName, FacetValue[]>;
}

const byCountThenLabel = (a: FacetValue, b: FacetValue): number => b.count - a.count || a.label.localeCompare(b.label, 'da');

/**
 * The facet rows of the match set `m` (a CTE of search_doc columns): one row per facet value,
 * plus the empty grouping set whose count is the total. Columns as in FacetRow.
 */
export const facetRowsOfMatches = sql`
  select grouping(body_id, organization_id, year, decision_type, has_attachments) as g,
    body_id as "bodyId", max(municipality) as "municipality",
    organization_id as "organizationId", max(organization_name) as "organizationName",
    year as "year", decision_type as "decisionType", has_attachments as "hasAttachments",
    count(*)::integer as n
  from m
  group by grouping sets ((body_id), (organization_id), (year), (decision_type), (has_attachments), ())`;

/** Reads the rows of facetRowsOfMatches into facets, sorted for display, and the total. */
export function readFacets(rows: FacetRow[]): { total: number; facets: Record<FacetName, FacetValue[]> } {
  const facets = emptyFacets();
  let total = 0;
  for (const r of rows) {
    const count = Number(r.n);
    const g = Number(r.g);
    if (g === SET_ALL) total = count;
    else if (g === SET_MUNICIPALITY && r.bodyId !== null) facets.municipality.push({ value: r.bodyId, label: r.municipality ?? r.bodyId, count });
    else if (g === SET_COMMITTEE && r.organizationId !== null) {
      facets.committee.push({ value: r.organizationId, label: r.organizationName ?? r.organizationId, count });
    } else if (g === SET_YEAR && r.year !== null) facets.year.push({ value: String(r.year), label: String(r.year), count });
    else if (g === SET_DECISION && r.decisionType !== null) {
      const type = r.decisionType as DecisionType;
      facets.decision.push({ value: type, label: decisionLabels[type] ?? type, count });
    } else if (g === SET_ATTACHMENTS && r.hasAttachments !== null) {
      const has = Number(r.hasAttachments) === 1;
      facets.attachments.push({ value: String(has), label: has ? 'Med bilag' : 'Uden bilag', count });
    }
  }
  facets.municipality.sort(byCountThenLabel);
  facets.committee.sort(byCountThenLabel);
  // Years newest first, decisions and attachments in their fixed order: scanning a list of
  // years or a known set of outcomes by count would be confusing.
  facets.year.sort((a, b) => Number(b.value) - Number(a.value));
  facets.decision.sort((a, b) => decisionTypes.indexOf(a.value as DecisionType) - decisionTypes.indexOf(b.value as DecisionType));
  facets.attachments.sort((a, b) => Number(b.value === 'true') - Number(a.value === 'true'));
  return { total, facets };
}
