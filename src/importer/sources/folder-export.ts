// What the folder exports (SBSYS, Acadre) share: finding a named file in the unit as the
// export wrote its name, committee names and people as the systems print them, and the
// date-times of their XML. Kept here so both readers agree on each rule.
import { foldSpace, stripTermSuffix } from '../map/normalize.js';
import { termInName } from '../map/terms.js';
import { isoDate } from '../parse/dates.js';
import type { UnitFiles } from './source.js';

/** The unit's own relative name of `name` ("Enclosures\\1.pdf" → "Enclosures/1.pdf"), matched case-insensitively; null when absent. */
export function unitName(unit: UnitFiles, name: string): string | null {
  const clean = name.replace(/\\/g, '/').replace(/^\.?\//, '');
  const files = unit.list();
  if (files.includes(clean)) return clean;
  const folded = clean.toLowerCase();
  return files.find((f) => f.toLowerCase() === folded) ?? null;
}

/** "Publication553/x.xml" → "Publication553/"; "x.xml" → "". */
export function folderOf(name: string): string {
  const i = name.lastIndexOf('/');
  return i < 0 ? '' : name.slice(0, i + 1);
}

/** Files at the top of the unit (its manifest is there). */
export function manifestCandidates(unit: UnitFiles, pattern: RegExp): string[] {
  // The top level only: a folder holding several exports in subfolders is searched by the
  // import (services/import/plan-units.ts), each subfolder its own unit.
  return unit.list().filter((f) => !f.includes('/') && pattern.test(f));
}

/** Committee name without a trailing term; SHOUTED names ("FORRETNINGSUDVALGET") as written in running text. */
export function organizationOf(printed: string): { name: string; term: string | null } {
  const clean = foldSpace(printed);
  const term = termInName(clean);
  const bare = term ? stripTermSuffix(clean) : clean;
  return { name: unshout(bare), term };
}

/** An all-capitals name in sentence case ("REGIONSRÅDETS" → "Regionsrådets"); other names unchanged. */
export function unshout(s: string): string {
  if (!/\p{Lu}{3}/u.test(s) || s !== s.toLocaleUpperCase('da-DK')) return s;
  const lower = s.toLocaleLowerCase('da-DK');
  return lower.charAt(0).toLocaleUpperCase('da-DK') + lower.slice(1);
}

/** "Jesper  Mathiesen (A)" → name and party letter; a name without one as printed. */
export function personOf(printed: string, party?: string | null): { name: string; party: string | null } {
  const clean = foldSpace(printed);
  const m = /^(.*?)\s*\(([A-ZÆØÅ]{1,3}|[A-ZÆØÅ][\p{Ll}]{1,20})\)$/u.exec(clean);
  const given = foldSpace(party ?? '') || null;
  return m ? { name: m[1]!, party: given ?? m[2]! } : { name: clean, party: given };
}

/**
 * A date-time as these exports write it: "25-09-2012 15:30:00", "2013-06-20 10:30",
 * "14-08-2013 13:00:00", "2013-06-20T10:30:00". Null parts when absent or not a real day.
 */
export function dateTimeOf(s: string): { date: string | null; time: string | null } {
  const t = s.trim();
  const dmy = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})/u.exec(t);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})/u.exec(t);
  const date = dmy ? isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1])) : ymd ? isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3])) : null;
  const tm = /[\sT](\d{1,2})[:.](\d{2})/u.exec(t);
  const time = tm && Number(tm[1]) < 24 && Number(tm[2]) < 60 ? `${tm[1]!.padStart(2, '0')}:${tm[2]}` : null;
  return { date, time };
}

/** Names in "X (F) og Y deltog ikke i sagens behandling." (a decision's absence note), party letters removed. */
export function absentInText(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|[.\n])\s*([^.\n]{3,200}?)\s+(?:deltog|var) ikke (?:til stede )?(?:i|under) (?:sagens|punktets) behandling/giu)) {
    for (const part of m[1]!.split(/,|\s+og\s+/u)) {
      const who = personOf(part.trim()).name;
      if (/^\p{Lu}/u.test(who) && who.length >= 3 && who.length <= 80) out.push(who);
    }
  }
  return out;
}
