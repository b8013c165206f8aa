// Keys of the demo data. Every demo row is upserted by (source 'demo', externalId), and the
// row id is derived from that pair (domain/ids.ts); computing ids up front lets the data
// files refer to each other (a predecessor, the member a substitute sat in for) as plain data.
import { stableId } from '../../domain/ids.js';

export const DEMO_SOURCE = 'demo';
export const DEMO_BODY_SLUG = 'demo-kommune';
export const DEMO_BODY_NAME = 'Demo Kommune';

/** "demo-kommune/organization/2022-2025/bsu" */
export function demoKey(...parts: string[]): string {
  return [DEMO_BODY_SLUG, ...parts].join('/');
}

export function demoId(externalId: string): string {
  return stableId(DEMO_SOURCE, externalId);
}

export type TermCode = '2018-2021' | '2022-2025' | '2026-2029';
export type OrgCode = 'kb' | 'ou' | 'bu' | 'bsu' | 'tmu' | 'ktmu' | 'ssu';

export const termKey = (term: TermCode) => demoKey('term', term);
export const organizationKey = (term: TermCode, org: OrgCode) => demoKey('organization', term, org);
export const personKey = (person: string) => demoKey('person', person);
export const paperKey = (reference: string) => demoKey('paper', reference);
