// Acadre's XML is rows of <table name="…"> with <fields>, written two ways: the export's
// manifest (XML_<agenda>.xml) puts each value in an attribute (<field sysid="57"/>), the
// agenda XML names each field and gives its value as text (<field name="sysid">57</field>).
// Nested tables are the rows' children (a meeting's members, an item's bullets).
import type { Element } from 'domhandler';
import { kids, textIn } from '../xml-tree.js';

export type Row = Record<string, string>;

/** Child tables of `el` named `name`. */
export function tables(el: Element | null | undefined, name: string): Element[] {
  return kids(el, 'table').filter((t) => t.attribs['name'] === name);
}

export function table(el: Element | null | undefined, name: string): Element | null {
  return tables(el, name)[0] ?? null;
}

/** A table's rows in the agenda XML's style: <field name="key">value</field>. */
export function namedRow(t: Element | null | undefined): Row {
  const row: Row = {};
  for (const f of kids(kids(t, 'fields')[0], 'field')) {
    const key = f.attribs['name'];
    if (key !== undefined && !(key in row)) row[key] = textIn(f);
  }
  return row;
}

/** A table's rows in the manifest's style: each <fields> a row, each <field> one attribute. */
export function attributeRows(t: Element | null | undefined): Row[] {
  return kids(t, 'fields').map((fields) => {
    const row: Row = {};
    for (const f of kids(fields, 'field')) for (const [k, v] of Object.entries(f.attribs)) if (!(k in row)) row[k] = v.trim();
    return row;
  });
}

/** Agenda-XML rows of the member tables below `t` (<table name="meetmember"><table name="member">…). */
export function memberRows(t: Element | null | undefined, group: string): Row[] {
  return tables(table(t, group), 'member').map(namedRow);
}
