// Conformance checking for the OParl API, as the OParl validators do it: the official schema
// files from ../shared/oparl/schema translated into standard JSON Schema for Ajv, and a
// crawler that walks the whole API from the System object.
//
// The schema files use keywords of their own, which Ajv (strict) would reject:
// - "schema": "Location.json" on an embedded object → {"$ref": "Location.json"} (each file
//   gets the $id https://schema.oparl.org/1.1/<Name>.json, so the reference resolves);
//   "schema" on a URL string (Body.mainOrganization) names the referenced type → dropped;
// - "references": "Meeting" (the URL points at a Meeting) and "backreference"/"cardinality"
//   (documentation of the inverse property) → removed from the schema and collected as
//   reference rules the crawler checks on the fetched object;
// - "references": "externalList" with "items": {"schema": …} on a URL string: the URL is a
//   paginated list of those objects → "items" removed (it is not an array), the list's item
//   schema collected for the crawler;
// - "format": "url" → a custom Ajv format: an absolute http(s) URL;
// - patterns escape ":" and "/" ("^https\\:\\/\\/…"), invalid in Unicode mode → unescaped;
// - "description" placeholders ("{{ … }}") → removed.
// And one rule the schema files leave implicit but the spec states: no empty strings, so
// every string gets minLength 1.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { sharedDir } from '../support/fixtures.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export const schemaDir = join(sharedDir, 'oparl', 'schema');
const SCHEMA_BASE = 'https://schema.oparl.org/1.1/';

type Json = Record<string, unknown>;

/** A property holding URL(s) of another object, or the URL of a list of objects. */
export interface ReferenceRule {
  /** Object type the rule belongs to, e.g. "Meeting". */
  owner: string;
  property: string;
  /** Referenced type ("Organization") or "externalList". */
  references: string;
  /** For externalList: the type of the list's items. */
  listOf?: string;
  many: boolean;
}

export interface Translated {
  schema: Json;
  rules: ReferenceRule[];
}

/** One OParl schema file → standard JSON Schema plus the reference rules it declared. */
export function translateSchema(name: string, source: Json): Translated {
  const rules: ReferenceRule[] = [];
  const walk = (node: unknown, property: string | null, depth: number): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n, property, depth));
    if (node === null || typeof node !== 'object') return node;
    const n = { ...(node as Json) };
    delete n.description;
    const references = n.references as string | undefined;
    const itemRefs = (n.items as Json | undefined)?.references as string | undefined;
    if ((references ?? itemRefs) && property && depth === 1) {
      const listSchema = references === 'externalList' ? ((n.items as Json | undefined)?.schema as string | undefined) : undefined;
      rules.push({
        owner: name,
        property,
        references: (references ?? itemRefs)!,
        ...(listSchema ? { listOf: listSchema.replace(/\.json$/, '') } : {}),
        many: n.type === 'array',
      });
    }
    delete n.references;
    delete n.backreference;
    delete n.cardinality;
    if (references === 'externalList' || (n.type === 'string' && 'items' in n)) delete n.items;
    if (typeof n.schema === 'string') {
      const target = n.schema;
      delete n.schema;
      if (target.endsWith('.json') && n.type === 'object') {
        delete n.type;
        n.$ref = target;
      }
    }
    // The files escape ":" and "/" in patterns, which a Unicode regular expression (JSON
    // Schema's dialect, Ajv's default) refuses: the escapes are dropped, the meaning is the same.
    if (typeof n.pattern === 'string') n.pattern = n.pattern.replace(/\\([:/])/g, '$1');
    if (n.type === 'string' && n.minLength === undefined) n.minLength = 1;
    const out: Json = {};
    for (const [k, v] of Object.entries(n)) {
      if (k === 'properties' && v && typeof v === 'object') {
        out.properties = Object.fromEntries(Object.entries(v as Json).map(([p, s]) => [p, walk(s, p, depth + 1)]));
      } else if (k === 'items') {
        out.items = walk(v, property, depth);
      } else {
        out[k] = v;
      }
    }
    return out;
  };
  const schema = walk(source, null, 0) as Json;
  schema.$id = `${SCHEMA_BASE}${name}.json`;
  return { schema, rules };
}

export interface OparlValidator {
  validate(type: string, object: unknown): string[];
  rules: ReferenceRule[];
}

/** Ajv in strict mode over every translated schema file. */
export function oparlValidator(dir = schemaDir): OparlValidator {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('url', { type: 'string', validate: (s: string) => /^https?:\/\/[^\s/]+(\/\S*)?$/.test(s) && URL.canParse(s) });
  const rules: ReferenceRule[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const name = file.replace(/\.json$/, '');
    const t = translateSchema(name, JSON.parse(readFileSync(join(dir, file), 'utf8')) as Json);
    ajv.addSchema(t.schema);
    rules.push(...t.rules);
  }
  const cache = new Map<string, ValidateFunction>();
  return {
    rules,
    validate(type, object) {
      let fn = cache.get(type);
      if (!fn) {
        const found = ajv.getSchema(`${SCHEMA_BASE}${type}.json`);
        if (!found) return [`no schema for type ${type}`];
        fn = found;
        cache.set(type, fn);
      }
      return fn(object) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
    },
  };
}

// ---------------------------------------------------------------------------------- crawl

export type Fetch = (url: string) => Promise<{ status: number; json: unknown; text: string; headers: Headers }>;

export interface CrawlReport {
  objects: Map<string, Json>;
  /** id → the list URLs it was found in. */
  listed: Map<string, Set<string>>;
  schemaErrors: string[];
  unreachable: string[];
  notListed: string[];
  wrongType: string[];
  emptyStrings: string[];
  paginationErrors: string[];
  bodies: string[];
  responses: string[];
}

const typeName = (o: Json): string => String(o.type ?? '').replace('https://schema.oparl.org/1.1/', '');

function findEmptyStrings(value: unknown, path: string, out: string[]): void {
  if (value === '') out.push(path);
  else if (Array.isArray(value)) value.forEach((v, i) => findEmptyStrings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) findEmptyStrings(v, `${path}.${k}`, out);
}

/** Walks everything reachable from the System URL; every object validated, every link followed. */
export async function crawlOparl(fetch: Fetch, systemUrl: string, validator: OparlValidator): Promise<CrawlReport> {
  const r: CrawlReport = {
    objects: new Map(),
    listed: new Map(),
    schemaErrors: [],
    unreachable: [],
    notListed: [],
    wrongType: [],
    emptyStrings: [],
    paginationErrors: [],
    bodies: [],
    responses: [],
  };
  const expected = new Map<string, string>(); // url → expected type
  const queue: string[] = [systemUrl];
  const lists: { url: string; of: string }[] = [];
  const seenLists = new Set<string>();

  const check = (o: Json, where: string) => {
    const type = typeName(o);
    for (const e of validator.validate(type, o)) r.schemaErrors.push(`${where} (${type}): ${e}`);
    const empties: string[] = [];
    findEmptyStrings(o, where, empties);
    r.emptyStrings.push(...empties);
    // References of this object and of its embedded objects.
    for (const rule of validator.rules.filter((x) => x.owner === type)) {
      const value = o[rule.property];
      if (value === undefined) continue;
      if (rule.references === 'externalList') {
        if (typeof value === 'string' && !seenLists.has(value)) {
          seenLists.add(value);
          lists.push({ url: value, of: rule.listOf ?? '' });
        }
        continue;
      }
      for (const url of Array.isArray(value) ? value : [value]) {
        if (typeof url !== 'string') continue;
        if (!expected.has(url)) expected.set(url, rule.references);
        queue.push(url);
      }
    }
    for (const [k, v] of Object.entries(o)) {
      if (k.startsWith('protokol:')) continue;
      const embedded = Array.isArray(v) ? v : [v];
      for (const e of embedded) {
        if (e && typeof e === 'object' && typeof (e as Json).id === 'string' && typeof (e as Json).type === 'string') {
          const id = (e as Json).id as string;
          if (!r.objects.has(id)) queue.push(id);
          check(e as Json, `${where}.${k}`);
        }
      }
    }
  };

  const fetchObject = async (url: string) => {
    const res = await fetch(url);
    r.responses.push(res.text);
    if (res.status !== 200 || !res.json || typeof res.json !== 'object') {
      r.unreachable.push(`${url} → ${res.status}`);
      return;
    }
    const o = res.json as Json;
    r.objects.set(url, o);
    if (o.id !== url) r.wrongType.push(`${url}: id is ${String(o.id)}`);
    const want = expected.get(url);
    if (want && typeName(o) !== want) r.wrongType.push(`${url}: expected ${want}, got ${typeName(o)}`);
    if (typeName(o) === 'Body') r.bodies.push(url);
    check(o, url);
  };

  const walkList = async (list: { url: string; of: string }) => {
    let url: string | undefined = list.url;
    let page = 0;
    let counted = 0;
    let total: number | undefined;
    while (url) {
      const res = await fetch(url);
      r.responses.push(res.text);
      if (res.status !== 200) {
        r.unreachable.push(`${url} → ${res.status}`);
        return;
      }
      const body = res.json as { data: Json[]; pagination: Record<string, number>; links: Record<string, string> };
      page++;
      const p = body.pagination;
      if (!Array.isArray(body.data) || !p || !body.links) {
        r.paginationErrors.push(`${url}: data, pagination and links are required`);
        return;
      }
      total ??= p.totalElements;
      if (p.currentPage !== page) r.paginationErrors.push(`${url}: currentPage ${p.currentPage}, expected ${page}`);
      if (p.totalElements !== total) r.paginationErrors.push(`${url}: totalElements changed`);
      if (!body.links.first || !body.links.self || !body.links.last) r.paginationErrors.push(`${url}: first, self and last links expected`);
      if (body.links.next && body.data.length !== p.elementsPerPage) r.paginationErrors.push(`${url}: a page before the last must be full`);
      if (page > 1 && !body.links.prev) r.paginationErrors.push(`${url}: prev link missing`);
      for (const o of body.data) {
        const id = String(o.id);
        if (typeName(o) !== list.of) r.wrongType.push(`${url}: list of ${list.of} holds ${typeName(o)}`);
        if (!r.listed.has(id)) r.listed.set(id, new Set());
        r.listed.get(id)!.add(list.url);
        check(o, `${url} ${id}`);
        if (!r.objects.has(id)) queue.push(id);
      }
      counted += body.data.length;
      url = body.links.next;
      if (!url && p.totalPages !== page) r.paginationErrors.push(`${list.url}: ${page} pages walked, totalPages ${p.totalPages}`);
    }
    if (counted !== total) r.paginationErrors.push(`${list.url}: ${counted} objects walked, totalElements ${total}`);
  };

  for (;;) {
    const next = queue.shift();
    if (next !== undefined) {
      if (!r.objects.has(next) && !r.unreachable.some((u) => u.startsWith(`${next} `))) await fetchObject(next);
      continue;
    }
    const list = lists.shift();
    if (!list) break;
    await walkList(list);
  }

  // Every object of a listed type must appear in a list (clients sync from the lists).
  const listedTypes = new Set([
    'Body',
    'Organization',
    'Person',
    'Membership',
    'Meeting',
    'AgendaItem',
    'Paper',
    'Consultation',
    'File',
    'Location',
    'LegislativeTerm',
  ]);
  for (const [url, o] of r.objects) {
    if (listedTypes.has(typeName(o)) && !r.listed.has(url)) r.notListed.push(`${typeName(o)} ${url}`);
  }
  return r;
}
