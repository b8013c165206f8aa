// Permalinks of the pages added beside the meeting and committee pages. Every part is
// URL-encoded: an item number is printed text ("3.a", "12 b") and ids come from the URL.

/** The item's permalink: its meeting and the number as printed, stable across re-imports. */
export const itemHref = (meetingId: string, number: string): string =>
  `/moeder/${encodeURIComponent(meetingId)}/punkt/${encodeURIComponent(number)}`;

export const caseHref = (paperId: string): string => `/sager/${encodeURIComponent(paperId)}`;

export const personHref = (personId: string): string => `/personer/${encodeURIComponent(personId)}`;

export const SEARCH_PATH = '/soeg';
