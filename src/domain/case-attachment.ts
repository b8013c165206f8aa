// Who may put an item on an EXISTING case (sag), and when. A case's public title comes only
// from its open items (domain/visibility.ts#paperPublicTitle), but the case itself, and its
// closed items, belong to the committees that have it on their agendas:
// - a secretary limited to some committees may attach only to cases one of those committees
//   already has (or to a case no committee has yet): a case number is not a key to another
//   committee's case;
// - a case carried only by closed items of other committees is refused outright (for anyone):
//   reusing its number would tie a new, possibly open, item to a confidential case.
import type { Principal } from './access.js';
import { DomainError } from './errors.js';

/** An item that already carries the case: its committee and whether it is open. */
export interface CaseCarrier {
  organizationId: string;
  public: boolean;
}

/**
 * Throws forbidden (403) or conflict (409) when `actor` may not attach an item of committee
 * `organizationId` to the existing case carried by `carriers` (the item itself excluded).
 */
export function assertMayAttachToCase(actor: Principal, organizationId: string, carriers: readonly CaseCarrier[]): void {
  if (carriers.length === 0) return;
  const scope = actor.committeeIds;
  if (scope !== null && !carriers.some((c) => scope.includes(c.organizationId))) {
    throw new DomainError(
      'forbidden',
      'Sagen hører til et andet udvalg. Du kan kun knytte punkter til sager, som dine egne udvalg har behandlet.',
      'caseNumber',
    );
  }
  const sameCommittee = carriers.some((c) => c.organizationId === organizationId);
  if (!sameCommittee && carriers.every((c) => !c.public)) {
    throw new DomainError(
      'conflict',
      'Sagsnummeret tilhører en lukket sag i et andet udvalg og kan ikke genbruges her. Brug et andet sagsnummer, eller bed det udvalgs sekretariat om at knytte punktet til sagen.',
      'caseNumber',
      { reason: 'closed_case_of_other_committee' },
    );
  }
}
