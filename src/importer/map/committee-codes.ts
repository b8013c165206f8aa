// Committee short codes ("BU", "SSÆ") as printed in item title prefixes. A committee's own
// standard items ("BU - Godkendelse af dagsorden") carry only its own code, which makes them
// the reliable source; shared items ("SSÆ/BU/JAI - …") list every committee handling a case.
import { standardItemTitles } from '../../domain/agenda-item.js';
import type { ParsedItem } from '../model.js';
import { foldSpace } from './normalize.js';

const standardTitles = new Set(standardItemTitles.map((t) => t.toLocaleLowerCase('da-DK')));

function isStandardItem(title: string): boolean {
  return standardTitles.has(
    foldSpace(title)
      .replace(/[.:]+$/u, '')
      .toLocaleLowerCase('da-DK'),
  );
}

/**
 * The document's own committee code: the single prefix of its standard items; failing that,
 * the one code every prefixed item shares (a committee's minutes list it on each of its
 * items). Null when neither gives exactly one code.
 */
export function ownCommitteeCode(items: readonly ParsedItem[]): string | null {
  const fromStandard = new Set(items.filter((i) => i.committees.length === 1 && isStandardItem(i.title)).map((i) => i.committees[0] ?? ''));
  fromStandard.delete('');
  if (fromStandard.size === 1) return [...fromStandard][0] ?? null;

  const prefixed = items.filter((i) => i.committees.length > 0);
  if (prefixed.length === 0) return null;
  const shared = prefixed.slice(1).reduce((acc, i) => acc.filter((c) => i.committees.includes(c)), [...(prefixed[0]?.committees ?? [])]);
  return shared.length === 1 ? (shared[0] ?? null) : null;
}
