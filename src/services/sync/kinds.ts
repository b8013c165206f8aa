// The source kinds `protokol sync` knows: kind → sync function. A new kind adds one entry.
// `firstagenda` is registered now and filled in with the FirstAgenda listing (sources/firstagenda/listing.ts).
import { DomainError } from '../../domain/errors.js';
import type { Database } from '../../storage/db.js';
import { type SyncOptions, syncOparl } from './oparl.js';
import type { SyncReport } from './state.js';

export type SyncFunction = (database: Database, url: string, options: SyncOptions) => Promise<SyncReport>;

const notYet =
  (kind: string): SyncFunction =>
  () =>
    Promise.reject(new DomainError('unavailable', `protokol sync ${kind} is not available in this build yet`));

export const syncKinds: Record<string, { summary: string; run: SyncFunction }> = {
  oparl: { summary: 'an OParl 1.1 server, from its System URL (…/oparl/v1/)', run: syncOparl },
  firstagenda: { summary: 'a FirstAgenda publication site, from its base URL', run: notYet('firstagenda') },
};
