// The standard items every new meeting gets (/redigering/indstillinger/skabelon): which of
// the three (approval of the agenda, any other business, approval of the minutes) and their
// titles, stored with the municipality's settings; the built-in list until one is saved.
// Meetings already made keep their items. Administrators of the municipality only.
import type { Principal } from '../../domain/access.js';
import { notFound } from '../../domain/errors.js';
import { type StandardItem, parseStoredStandardItems, validateStandardItems } from '../../domain/municipality.js';
import { bodyRow } from '../../storage/repositories/admin-directory.js';
import { bodySettingRow } from '../../storage/repositories/body-settings.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { audit } from '../audit.js';
import type { LifecycleDeps } from '../lifecycle/deps.js';
import { updateBodySettingRow } from './municipality.js';
import { assertAdmin } from './scope.js';

export async function standardItemsOf(db: Db, actor: Principal, bodyId: string): Promise<StandardItem[]> {
  assertAdmin(actor, bodyId);
  return parseStoredStandardItems((await bodySettingRow(db, bodyId))?.standardItems);
}

/** Stores the list; null restores the built-in one. */
export async function setStandardItems(deps: LifecycleDeps, actor: Principal, bodyId: string, items: unknown): Promise<StandardItem[]> {
  assertAdmin(actor, bodyId);
  const value = items === null ? null : validateStandardItems(items);
  return deps.database.db.transaction().execute(async (trx) => {
    if (!(await bodyRow(trx, bodyId))) throw notFound('Kommunen', bodyId);
    const { before } = await updateBodySettingRow(deps, trx, bodyId, (row) => ({ ...row, standardItems: value === null ? null : JSON.stringify(value) }));
    const after = value ?? parseStoredStandardItems(null);
    await audit(
      trx,
      actor,
      { action: 'body.standard_items', entityType: 'body', entityId: bodyId, bodyId, before: parseStoredStandardItems(before?.standardItems), after },
      deps.now(),
    );
    return after;
  });
}
