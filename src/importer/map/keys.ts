// External ids of archive rows, built only from normalised keys, so the same committee,
// person, case or meeting printed slightly differently lands on the same row; the row id is
// derived from (source, external id) (domain/ids.ts).
import { stableId } from '../../domain/ids.js';
import { foldSpace, normalizeOrganizationName, normalizePersonName } from './normalize.js';

export const ARCHIVE_SOURCE = 'archive';

export const archiveId = (externalId: string): string => stableId(ARCHIVE_SOURCE, externalId);

/** "lejre-kommune" */
export const bodyKey = (slug: string): string => `${slug}`;
/** "lejre-kommune/term/2022-2025" */
export const termKey = (slug: string, term: string): string => `${slug}/term/${term}`;
/** "lejre-kommune/organization/2022-2025/udvalget for børn og ungdom" */
export const organizationKey = (slug: string, term: string, name: string): string => `${slug}/organization/${term}/${normalizeOrganizationName(name)}`;
/** "lejre-kommune/person/nanna lohman" */
export const personKey = (slug: string, name: string): string => `${slug}/person/${normalizePersonName(name)}`;
export const membershipKey = (orgKey: string, personName: string): string => `${orgKey}/membership/${normalizePersonName(personName)}`;
/** Case numbers are opaque: kept as printed, only surrounding space removed. */
export const paperKey = (slug: string, caseNumber: string): string => `${slug}/paper/${foldSpace(caseNumber)}`;
export const meetingKey = (orgKey: string, date: string): string => `${orgKey}/meeting/${date}`;
export const itemKey = (meetingKeyValue: string, number: string): string => `${meetingKeyValue}/item/${foldSpace(number)}`;
export const historyKey = (paperKeyValue: string, date: string, organizationName: string): string =>
  `${paperKeyValue}/history/${date}/${normalizeOrganizationName(organizationName)}`;
export const documentKey = (slug: string, sha256: string): string => `${slug}/document/${sha256}`;
