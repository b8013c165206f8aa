// An OParl server's whole output as a comparable value, ids aside: every object of every
// Body list, each URL reference replaced by a label of what it names (a person's name, a
// meeting's committee and date, a case's reference), and its own id, URLs and stamps dropped.
// Two servers holding the same data give the same value whatever their ids and addresses.
type Json = Record<string, unknown>;
export type Fetch = (url: string) => Promise<unknown>;

const LISTS = ['legislativeTermList', 'organization', 'person', 'membership', 'meeting', 'agendaItem', 'paper', 'consultation', 'file', 'locationList'];
const DROP = new Set(['id', 'created', 'modified', 'web', 'accessUrl', 'downloadUrl', 'system', 'body', 'license', 'bodies', ...LISTS]);
const short = (o: Json) =>
  String(o['type'] ?? '')
    .split('/')
    .at(-1) ?? '';

async function all(get: Fetch, url: string): Promise<Json[]> {
  const out: Json[] = [];
  let next: string | undefined = url;
  while (next) {
    const page = (await get(next)) as { data: Json[]; links?: { next?: string } };
    out.push(...page.data);
    next = page.links?.next;
  }
  return out;
}

function gather(o: unknown, into: Map<string, Json>): void {
  if (Array.isArray(o)) for (const x of o) gather(x, into);
  else if (o && typeof o === 'object') {
    const j = o as Json;
    if (typeof j['id'] === 'string' && !into.has(j['id'])) into.set(j['id'], j);
    for (const v of Object.values(j)) gather(v, into);
  }
}

export interface OparlSnapshot {
  /** Per type, the normalised objects sorted. */
  types: Record<string, string[]>;
}

export async function oparlSnapshot(get: Fetch, systemUrl: string): Promise<OparlSnapshot> {
  const objects = new Map<string, Json>();
  const system = (await get(systemUrl)) as Json;
  for (const body of await all(get, String(system['body']))) {
    gather(body, objects);
    for (const list of LISTS) if (typeof body[list] === 'string') gather(await all(get, body[list]), objects);
  }
  // Labels: resolved lazily, since a label names the labels of what it references.
  const labels = new Map<string, string>();
  const label = (url: string, depth = 0): string => {
    const known = labels.get(url);
    if (known) return known;
    const o = objects.get(url);
    if (!o || depth > 4) return url.includes('/party/') ? `party:${url.split('/').at(-1)}` : '?';
    const ref = (k: string) => {
      const v = o[k];
      const first = Array.isArray(v) ? v[0] : v;
      return typeof first === 'string' ? label(first, depth + 1) : first && typeof first === 'object' ? label(String((first as Json)['id']), depth + 1) : '';
    };
    const text = (() => {
      switch (short(o)) {
        case 'Membership':
          return `${ref('person')} in ${ref('organization')}`;
        case 'AgendaItem':
          return `${ref('meeting')} #${String(o['number'])}/${String(o['order'])}`;
        case 'Consultation':
          return `${ref('paper')} at ${ref('meeting') || String(o['protokol:date'])}`;
        case 'Paper':
          return `paper ${String(o['reference'] ?? o['name'])}`;
        case 'File':
          return `file ${String(o['name'])} @ ${ref('agendaItem') || ref('meeting')}`;
        case 'Location':
          return `place ${String(o['description'])}`;
        case 'Organization':
          return `${String(o['name'])} ${ref('protokol:legislativeTerm')}`;
        default:
          return `${short(o)} ${String(o['name'] ?? '')}`;
      }
    })();
    labels.set(url, text);
    return text;
  };
  const normalise = (v: unknown, key = ''): unknown => {
    if (typeof v === 'string') return /^https?:\/\//.test(v) && !['website'].includes(key) ? label(v) : v;
    if (Array.isArray(v)) return v.map((x) => normalise(x, key)).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    if (v && typeof v === 'object') {
      const out: Json = {};
      for (const [k, x] of Object.entries(v as Json).sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (DROP.has(k)) continue;
        out[k] = typeof (x as Json | null)?.['id'] === 'string' && short(x as Json) !== '' ? label(String((x as Json)['id'])) : normalise(x, k);
      }
      return out;
    }
    return v;
  };
  const types: Record<string, string[]> = {};
  for (const [id, o] of objects) {
    const t = short(o);
    (types[t] ??= []).push(JSON.stringify({ self: label(id), ...(normalise(o) as Json) }));
  }
  for (const t of Object.keys(types)) types[t]?.sort();
  return { types };
}
