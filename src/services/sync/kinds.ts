// The source kinds `protokol sync` knows: kind → sync function. A new kind adds one entry.
import type { Database } from '../../storage/db.js';
import { syncFirstAgenda } from './firstagenda.js';
import { type SyncOptions, syncOparl } from './oparl.js';
import type { SyncReport } from './state.js';

export type SyncFunction = (database: Database, url: string, options: SyncOptions) => Promise<SyncReport>;

export const syncKinds: Record<string, { summary: string; run: SyncFunction }> = {
  oparl: { summary: 'an OParl 1.1 server, from its System URL (…/oparl/v1/)', run: syncOparl },
  firstagenda: { summary: 'a FirstAgenda publication site, from its base URL', run: syncFirstAgenda },
};
