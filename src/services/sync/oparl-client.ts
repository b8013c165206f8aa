// Reading an OParl server: paginated lists (follow `links.next`, spec 2-08) and single objects
// by URL, cached, so an object the walk already holds (embedded in a list) is never fetched.
import { DomainError } from '../../domain/errors.js';
import { type OparlJson, isObject } from '../../importer/sources/oparl/objects.js';
import type { HttpClient } from './http.js';

export class OparlClient {
  /** Every object seen so far by id: the lookup the OParl reader resolves references in. */
  readonly objects = new Map<string, OparlJson>();

  constructor(private readonly http: HttpClient) {}

  /** Remembers an object and the objects embedded in it (one level: agenda items, files, locations). */
  remember(o: OparlJson): void {
    const id = typeof o['id'] === 'string' ? o['id'] : null;
    if (id) this.objects.set(id, o);
    for (const v of Object.values(o)) {
      for (const x of Array.isArray(v) ? v : [v]) if (isObject(x) && typeof x['id'] === 'string') this.remember(x);
    }
  }

  async object(url: string): Promise<OparlJson> {
    const known = this.objects.get(url);
    if (known) return known;
    const o = await this.http.json(url);
    if (!isObject(o)) throw new DomainError('invalid_input', `${url}: not an OParl object`, url);
    this.remember(o);
    return o;
  }

  /** The object, or undefined when the server has none (404) or it is unreadable: reported by the reader. */
  async maybe(url: string | null): Promise<OparlJson | undefined> {
    if (!url) return undefined;
    try {
      return await this.object(url);
    } catch (e) {
      if (e instanceof DomainError && (e.code === 'not_found' || e.code === 'invalid_input')) return undefined;
      throw e;
    }
  }

  /** Every object of a list, page by page. `query` is added to the first page's URL only: `next` carries it on. */
  async *list(url: string, query: Record<string, string> = {}): AsyncGenerator<OparlJson> {
    const first = new URL(url);
    for (const [k, v] of Object.entries(query)) first.searchParams.set(k, v);
    let next: string | null = first.toString();
    const seen = new Set<string>();
    while (next) {
      // A server whose `next` loops would keep us forever.
      if (seen.has(next)) throw new DomainError('invalid_input', `${next}: the list's pages loop`, next);
      seen.add(next);
      const page: unknown = await this.http.json(next);
      if (!isObject(page) || !Array.isArray(page['data'])) throw new DomainError('invalid_input', `${next}: not an OParl list (no "data")`, next);
      for (const o of page['data']) {
        if (!isObject(o)) continue;
        this.remember(o);
        yield o;
      }
      const links: OparlJson = isObject(page['links']) ? page['links'] : {};
      next = typeof links['next'] === 'string' ? links['next'] : null;
    }
  }

  async all(url: string | null, query: Record<string, string> = {}): Promise<OparlJson[]> {
    const out: OparlJson[] = [];
    if (url) for await (const o of this.list(url, query)) out.push(o);
    return out;
  }
}
