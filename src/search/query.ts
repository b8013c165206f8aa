// The query language as people type it: words (all must match), "exact phrases", -word to
// exclude, OR between alternatives, word* for a prefix; case and KLE numbers match exactly.
// Never throws: unbalanced quotes close at the end, stray operators are ignored.
import { caseNumberRe, caseToken, stem, words } from './danish.js';
import type { ParsedQuery, QueryClause, QueryTerm } from './model.js';

const MAX_CLAUSES = 20;

interface RawToken {
  text: string;
  quoted: boolean;
  negated: boolean;
}

function lex(input: string): RawToken[] {
  const out: RawToken[] = [];
  let i = 0;
  const s = input.normalize('NFC');
  while (i < s.length) {
    while (i < s.length && /\s/u.test(s[i]!)) i++;
    if (i >= s.length) break;
    let negated = false;
    if (s[i] === '-' && i + 1 < s.length && !/\s/u.test(s[i + 1]!)) {
      negated = true;
      i++;
    }
    if (s[i] === '"' || s[i] === '“' || s[i] === '”' || s[i] === '„') {
      i++;
      const start = i;
      while (i < s.length && !'"“”„'.includes(s[i]!)) i++;
      out.push({ text: s.slice(start, i), quoted: true, negated });
      i++;
      continue;
    }
    const start = i;
    while (i < s.length && !/\s/u.test(s[i]!)) i++;
    out.push({ text: s.slice(start, i), quoted: false, negated });
  }
  return out;
}

function term(raw: RawToken): QueryTerm | null {
  const text = raw.text.trim();
  if (!text) return null;
  if (raw.quoted) {
    const tokens = words(text).map(stem);
    return tokens.length ? { kind: tokens.length === 1 ? 'word' : 'phrase', text, tokens } : null;
  }
  const caseMatch = text.match(new RegExp(`^${caseNumberRe.source}$`, 'u'));
  if (caseMatch) return { kind: 'case', text, tokens: [caseToken(text)] };
  const ws = words(text);
  if (ws.length === 0) return null;
  if (text.endsWith('*') && ws.length === 1) return { kind: 'prefix', text, tokens: [ws[0]!] };
  // "børne-og" or "§87-tabt": several words in one token behave as a phrase.
  return ws.length === 1 ? { kind: 'word', text, tokens: [stem(ws[0]!)] } : { kind: 'phrase', text, tokens: ws.map(stem) };
}

export function parseQuery(input: string): ParsedQuery {
  const clauses: QueryClause[] = [];
  const raws = lex(input.slice(0, 1000));
  for (let i = 0; i < raws.length && clauses.length < MAX_CLAUSES; i++) {
    const raw = raws[i]!;
    if (!raw.quoted && raw.text === 'OR') continue;
    const t = term(raw);
    if (!t) continue;
    const prev = clauses.at(-1);
    const joined = i > 0 && !raws[i - 1]!.quoted && raws[i - 1]!.text === 'OR';
    if (joined && prev && !prev.negated && !raw.negated) prev.any.push(t);
    else clauses.push({ any: [t], negated: raw.negated });
  }
  return { clauses, empty: !clauses.some((c) => !c.negated) };
}
