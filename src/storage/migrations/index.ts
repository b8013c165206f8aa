// The migration list, in order. Imported statically so the build carries them and no
// directory scanning is needed at run time. Names are timestamps: never rename one.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './2026_11_23_0001_initial.js';
import * as m0002 from './2026_11_23_0002_archive_import.js';
import * as m0003 from './2026_11_23_0003_search.js';
import * as m0004 from './2026_11_23_0004_lifecycle.js';
import * as m0005 from './2026_11_23_0005_member_notes.js';
import * as m0006 from './2026_11_23_0006_oparl.js';
import * as m1202_0001 from './2026_12_02_0001_depublication.js';
import * as m1202_0002 from './2026_12_02_0002_withdrawals.js';
import * as m1203 from './2026_12_02_0003_oparl_locations.js';
import * as m20261202_0004 from './2026_12_02_0004_accounts.js';
import * as m20261202FileTextProblem from './2026_12_02_1720_file_text_problem.js';
import * as m20261203SyncState from './2026_12_03_0001_sync_state.js';
import * as m20261203Deferred from './2026_12_03_0002_deferred_depublication.js';
import * as m20261204Administration from './2026_12_04_0001_administration.js';
import * as m20261204ApprovalPractice from './2026_12_04_0002_approval_practice.js';
import * as m20261204Alerts from './2026_12_04_0006_alerts.js';
import * as m20261204DataVersion from './2026_12_04_0007_data_version.js';

const migrations: Record<string, Migration> = {
  '2026_11_23_0001_initial': m0001,
  '2026_11_23_0002_archive_import': m0002,
  '2026_11_23_0003_search': m0003,
  '2026_11_23_0004_lifecycle': m0004,
  '2026_11_23_0005_member_notes': m0005,
  '2026_11_23_0006_oparl': m0006,
  '2026_12_02_0001_depublication': m1202_0001,
  '2026_12_02_0002_withdrawals': m1202_0002,
  '2026_12_02_0003_oparl_locations': m1203,
  '2026_12_02_0004_accounts': m20261202_0004,
  '2026_12_02_1720_file_text_problem': m20261202FileTextProblem,
  '2026_12_03_0001_sync_state': m20261203SyncState,
  '2026_12_03_0002_deferred_depublication': m20261203Deferred,
  '2026_12_04_0001_administration': m20261204Administration,
  '2026_12_04_0002_approval_practice': m20261204ApprovalPractice,
  '2026_12_04_0006_alerts': m20261204Alerts,
  '2026_12_04_0007_data_version': m20261204DataVersion,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
