// Permalinks of the pages added beside the meeting and committee pages; the scheme itself
// lives in domain/public-urls.ts (these names stay for the pages that import them).
import { publicPaths } from '../../domain/public-urls.js';

/** The item's permalink: its meeting and the number as printed, stable across re-imports. */
export const itemHref = publicPaths.item;

export const caseHref = publicPaths.paper;

export const personHref = publicPaths.person;

export const SEARCH_PATH = publicPaths.search();
