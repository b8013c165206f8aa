// Participants in the meeting header: one name per entry ("Lolan Ottesen (A) - formand"),
// comma lists, names printed in columns (a PDF's columns arrive as tab-separated cells), and
// absences ("Afbud:", "Fraværende:") matched to the members already listed.
import type { ParsedParticipant } from '../model.js';

const roleRe = /^(formand|næstformand|borgmester|viceborgmester|medlem|suppleant|sekretær|referent)$/iu;

/** "Lolan Ottesen (A) - formand", "Nanna Lohman (Afbud)", "Ole Vind". */
export function participantOf(entry: string, absent = false): ParsedParticipant | null {
  let s = entry.replace(/\t+/g, ' ').trim().replace(/[.;]$/, '');
  if (!s) return null;
  let isAbsent = absent;
  let party: string | null = null;
  let role: string | null = null;
  s = s.replace(/\((afbud|fraværende|fravær|forfald)\)/giu, () => {
    isAbsent = true;
    return '';
  });
  const r = /\s*(?:[-–,]\s*)(formand|næstformand|borgmester|viceborgmester|medlem|suppleant|sekretær|referent)\s*$/iu.exec(s);
  if (r) {
    role = r[1]!.toLowerCase();
    s = s.slice(0, r.index);
  }
  const p = /\s*\(([A-ZÆØÅ]{1,3}|[A-ZÆØÅ][\p{L}]{1,20})\)\s*/u.exec(s);
  if (p) {
    party = p[1]!;
    s = (s.slice(0, p.index) + ' ' + s.slice(p.index + p[0].length)).trim();
  }
  s = s.replace(/\s+/g, ' ').trim();
  if (s.length < 2 || s.length > 80 || !/^\p{Lu}/u.test(s)) return null;
  return { name: s, absent: isAbsent, substituteFor: null, party, role };
}

/**
 * Names in one header line: cells apart (columns), each cell a comma list. A cell that holds
 * only a role ("Formand") or a party ("(V)") belongs to the name before it in the row.
 */
export function namesOf(list: string, absent: boolean): ParsedParticipant[] {
  const out: ParsedParticipant[] = [];
  for (const cell of list.split('\t')) {
    const c = cell.trim();
    if (c === '') continue;
    const last = out.at(-1);
    if (last && roleRe.test(c)) {
      last.role ??= c.toLowerCase();
      continue;
    }
    const party = /^\(([A-ZÆØÅ]{1,3})\)$/u.exec(c);
    if (last && party) {
      last.party ??= party[1]!;
      continue;
    }
    // "Anne Jensen (A), formand": the comma before a role does not end the name.
    const roles = c.replace(/,\s*(formand|næstformand|borgmester|viceborgmester|medlem|suppleant)\b/giu, ' - $1');
    for (const e of roles.split(/,|;|\s+og\s+/u)) {
      const p = participantOf(e, absent);
      if (p) out.push(p);
    }
  }
  return out;
}

const fold = (name: string): string[] => name.toLowerCase().replace(/\s+/g, ' ').trim().split(' ');

/** The same person: the same words, or the same first and last name (a middle name left out). */
export function sameName(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  if (x.join(' ') === y.join(' ')) return true;
  return x.length >= 2 && y.length >= 2 && x[0] === y[0] && x.at(-1) === y.at(-1);
}

/**
 * Adds participants read from the header. An absence names a member of the list: that
 * member is marked absent instead of listed twice; a name not in the list is still recorded.
 * A member listed after an absence names an absentee already recorded: kept once, absent.
 */
export function addParticipants(into: ParsedParticipant[], found: readonly ParsedParticipant[]): void {
  for (const p of found) {
    const known = into.find((q) => q.substituteFor === null && p.substituteFor === null && sameName(q.name, p.name));
    if (!known) {
      into.push(p);
      continue;
    }
    if (p.absent) known.absent = true;
    known.party ??= p.party;
    known.role ??= p.role;
  }
}
