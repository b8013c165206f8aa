// A list's rows for the service's page assembly (service.ts): a keyset page from a start, the
// total, and each row's (modified, id) key; and several such sources read as one list.
import type { Key, PageStart } from '../../storage/repositories/oparl-queries.js';

export interface ListSource<R> {
  page(start: PageStart, limit: number): Promise<R[]>;
  total(): Promise<number>;
  key: (row: R) => Key;
}

const compare = (a: Key, b: Key) => (a.modified < b.modified ? -1 : a.modified > b.modified ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Several keyset sources as one, in (modified, id) order: each gives its page from the same
 * start, and the merge keeps the first (walking back: the last) `limit` rows of them all.
 */
export function mergedSources<R extends Key>(sources: ListSource<R>[]): ListSource<R> {
  const key = (r: R): Key => ({ modified: r.modified, id: r.id });
  return {
    page: async (start, limit) => {
      const pages = await Promise.all(sources.map((s) => s.page(start, limit)));
      const all = pages.flat().sort((a, b) => compare(key(a), key(b)));
      const backwards = start.kind === 'before' || start.kind === 'last';
      const n = start.kind === 'last' ? start.count : limit;
      return backwards ? all.slice(Math.max(0, all.length - n)) : all.slice(0, n);
    },
    total: async () => (await Promise.all(sources.map((s) => s.total()))).reduce((a, b) => a + b, 0),
    key,
  };
}
