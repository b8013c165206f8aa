// Text forms of tsvector and tsquery for the PostgreSQL search adapter.
//
// Why literals and not to_tsvector('danish', …) / to_tsquery('danish', …): the tokens are
// already stemmed by our Snowball stemmer (danish.ts), exactly as the SQLite adapter indexes
// them. A second stemming by the 'danish' config would change them, and its stop-word list
// would drop words SQLite keeps. Even the 'simple' config runs PostgreSQL's parser, which splits
// our case-number tokens ("sag_23_002364") into parts. The tsvector and tsquery INPUT syntax
// takes lexemes verbatim, so the index holds exactly indexTokens() and a query looks up exactly
// the tokens of parseQuery(): the same sets on both engines, with no user text ever in the SQL
// (the literal is passed as a parameter and cast, and every lexeme is quoted).
import { stem } from './danish.js';
import type { ParsedQuery, QueryTerm } from './model.js';

export type Weight = 'A' | 'B' | 'C' | 'D';

/** PostgreSQL's limits: positions 1..16383, 256 positions per lexeme, lexemes < 2 KB, 1 MB of lexemes. */
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;
/** Longer "words" are binary junk from extraction; nobody searches for them. */
const MAX_LEXEME_BYTES = 500;
const MAX_LEXEME_TOTAL_BYTES = 1_000_000;

/** A lexeme in tsvector/tsquery input syntax: single-quoted, quotes doubled, backslashes escaped. */
export function quoteLexeme(token: string): string {
  return `'${token.replace(/\\/gu, '\\\\').replace(/'/gu, "''")}'`;
}

/**
 * A tsvector literal from fields of tokens, positions counted on across fields. Each field
 * starts one position after a gap, so a phrase never spans two fields (as with FTS5 columns),
 * nor the end of `document` and the start of `attachment_document` when they are concatenated.
 */
export function tsvectorLiteral(fields: { tokens: string[]; weight: Weight }[]): string {
  const lexemes = new Map<string, string[]>();
  let lexemeBytes = 0;
  let position = 0;
  for (const field of fields) {
    position += 1;
    for (const token of field.tokens) {
      position += 1;
      const bytes = Buffer.byteLength(token);
      if (bytes === 0 || bytes > MAX_LEXEME_BYTES) continue;
      let positions = lexemes.get(token);
      if (!positions) {
        if (lexemeBytes + bytes > MAX_LEXEME_TOTAL_BYTES) continue;
        lexemeBytes += bytes;
        positions = [];
        lexemes.set(token, positions);
      }
      // Past the last position PostgreSQL itself clamps (to_tsvector does the same), so a word
      // deep in a long attachment is still found, only no longer usable in a phrase.
      const at = `${Math.min(position, MAX_POSITION)}${field.weight}`;
      if (positions.length < MAX_POSITIONS_PER_LEXEME && positions.at(-1) !== at) positions.push(at);
    }
  }
  return [...lexemes].map(([lexeme, positions]) => `${quoteLexeme(lexeme)}:${positions.join(',')}`).join(' ');
}

function termQuery(term: QueryTerm): string | null {
  const tokens = term.tokens.filter((t) => t.length > 0);
  if (tokens.length === 0) return null;
  if (term.kind === 'prefix') {
    // Prefix tokens are typed words, the index holds stems: "arbejdsfortjeneste*" must still
    // find the stem "arbejdsfortjenest", so the word's own stem is tried as a prefix too
    // (as the SQLite adapter does).
    const word = tokens[0]!;
    const stemmed = stem(word);
    return stemmed !== word && stemmed.length > 0 ? `(${quoteLexeme(word)}:* | ${quoteLexeme(stemmed)}:*)` : `${quoteLexeme(word)}:*`;
  }
  if (tokens.length === 1) return quoteLexeme(tokens[0]!);
  return `(${tokens.map(quoteLexeme).join(' <-> ')})`;
}

/** One clause: its alternatives OR-ed, negated with `!`; null when nothing searchable. */
export function clauseQuery(terms: QueryTerm[], negated: boolean): string | null {
  const parts = terms.map(termQuery).filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  const body = parts.length === 1 ? parts[0]! : `(${parts.join(' | ')})`;
  return negated ? `!${body}` : body;
}

/**
 * The tsquery literal of a parsed query: clauses AND-ed, phrases `<->`, prefixes `:*`, OR `|`,
 * exclusions `!`. Null when nothing positive remains (an all-negative tsquery would match
 * nearly everything, and FTS5 cannot express it at all).
 */
export function tsqueryLiteral(query: ParsedQuery): string | null {
  if (query.empty) return null;
  const parts = query.clauses.map((c) => clauseQuery(c.any, c.negated)).filter((p): p is string => p !== null);
  // Positive clauses first: reads naturally in EXPLAIN and logs; the meaning is the same.
  parts.sort((a, b) => Number(a.startsWith('!')) - Number(b.startsWith('!')));
  return parts.some((p) => !p.startsWith('!')) ? parts.join(' & ') : null;
}
