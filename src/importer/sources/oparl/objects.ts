// OParl 1.1 objects as the reader sees them: JSON objects keyed by their `id` URL. A property
// that references another object may hold the URL or the object embedded (spec 2-07), so every
// reference goes through `resolve`, which looks a URL up in what the caller gathered (the sync
// fetched it; a single file embeds it) and returns undefined when nobody has it.
export type OparlJson = Record<string, unknown>;

/** Objects by id URL. */
export type OparlLookup = ReadonlyMap<string, OparlJson>;

export const isObject = (v: unknown): v is OparlJson => v !== null && typeof v === 'object' && !Array.isArray(v);

export function str(o: OparlJson | undefined, key: string): string | null {
  const v = o?.[key];
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

export function list(o: OparlJson | undefined, key: string): unknown[] {
  const v = o?.[key];
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

/** The short type name ("Meeting") of an object's `type` URL. */
export function typeName(o: OparlJson | undefined): string | null {
  const t = str(o, 'type');
  return t ? (t.replace(/\/+$/, '').split('/').at(-1) ?? null) : null;
}

export function resolve(ref: unknown, lookup: OparlLookup): OparlJson | undefined {
  if (isObject(ref)) return ref;
  return typeof ref === 'string' ? lookup.get(ref) : undefined;
}

/** The id of a reference, whether URL or embedded object. */
export function refId(ref: unknown): string | null {
  if (typeof ref === 'string') return ref;
  return isObject(ref) ? str(ref, 'id') : null;
}

/** Every object with an `id` inside a JSON value (a file's embedded objects), by id. */
export function gatherObjects(value: unknown, into = new Map<string, OparlJson>(), depth = 0): Map<string, OparlJson> {
  if (depth > 12) return into;
  if (Array.isArray(value)) for (const v of value) gatherObjects(v, into, depth + 1);
  else if (isObject(value)) {
    const id = str(value, 'id');
    if (id && !into.has(id)) into.set(id, value);
    for (const v of Object.values(value)) gatherObjects(v, into, depth + 1);
  }
  return into;
}
