// The municipality's settings (/redigering/indstillinger): name, logo (stored in the file
// store by hash), header colour from the fixed palette, contact details and the
// accessibility statement's own text; and what the public pages' frame reads of them.
// Administrators of the municipality only; every write validated, audited, in a transaction.
import { z } from 'zod';
import type { Principal } from '../../domain/access.js';
import { notFound } from '../../domain/errors.js';
import { type HeaderColour, checkLogo, headerColours, isHeaderColour } from '../../domain/municipality.js';
import { bodyRow, updateBodyName } from '../../storage/repositories/admin-directory.js';
import { type BodySettingRow, bodySettingRow, latestBodySetting, saveBodySetting } from '../../storage/repositories/body-settings.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { audit } from '../audit.js';
import type { LifecycleDeps } from '../lifecycle/deps.js';
import { assertAdmin } from './scope.js';
import { optionalEmail, optionalText, parseInput, text } from './validate.js';

export interface MunicipalitySettings {
  bodyId: string;
  name: string;
  colour: HeaderColour | null;
  logo: { sha256: string; mediaType: string } | null;
  contact: { address: string | null; phone: string | null; email: string | null };
  accessibilityStatement: string | null;
}

const settingsInput = z.object({
  name: text('Kommunens navn', 100),
  colour: z
    .string()
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isHeaderColour(v), 'Vælg en af farverne'),
  address: optionalText('Adressen', 200),
  phone: optionalText('Telefonnummeret', 40).refine(
    (v) => v === null || /^[+\d][\d ]{5,}$/.test(v),
    'Telefonnummeret må kun have cifre, mellemrum og et + først',
  ),
  email: optionalEmail,
  accessibilityStatement: optionalText('Tilgængelighedserklæringen', 20000),
});

const emptyRow = (bodyId: string, at: string): BodySettingRow => ({
  bodyId,
  logoSha256: null,
  logoMediaType: null,
  colour: null,
  contactAddress: null,
  contactPhone: null,
  contactEmail: null,
  accessibilityStatement: null,
  standardItems: null,
  updatedAt: at,
});

function toSettings(bodyId: string, name: string, r: BodySettingRow | undefined): MunicipalitySettings {
  return {
    bodyId,
    name,
    colour: r?.colour && isHeaderColour(r.colour) ? r.colour : null,
    logo: r?.logoSha256 && r.logoMediaType ? { sha256: r.logoSha256, mediaType: r.logoMediaType } : null,
    contact: { address: r?.contactAddress ?? null, phone: r?.contactPhone ?? null, email: r?.contactEmail ?? null },
    accessibilityStatement: r?.accessibilityStatement ?? null,
  };
}

export async function municipalitySettings(db: Db, actor: Principal, bodyId: string): Promise<MunicipalitySettings> {
  assertAdmin(actor, bodyId);
  const body = await bodyRow(db, bodyId);
  if (!body) throw notFound('Kommunen', bodyId);
  return toSettings(bodyId, body.name, await bodySettingRow(db, bodyId));
}

/** Reads and rewrites the row in one transaction (other settings on it are kept). */
export async function updateBodySettingRow(
  deps: LifecycleDeps,
  trx: Db,
  bodyId: string,
  change: (row: BodySettingRow) => BodySettingRow,
): Promise<{ before: BodySettingRow | undefined; after: BodySettingRow }> {
  const at = deps.now().toISOString();
  const before = await bodySettingRow(trx, bodyId);
  const after = { ...change(before ?? emptyRow(bodyId, at)), bodyId, updatedAt: at };
  await saveBodySetting(trx, after);
  return { before, after };
}

export async function saveMunicipalitySettings(deps: LifecycleDeps, actor: Principal, bodyId: string, input: unknown): Promise<void> {
  assertAdmin(actor, bodyId);
  const v = parseInput(settingsInput, input);
  await deps.database.db.transaction().execute(async (trx) => {
    const body = await bodyRow(trx, bodyId);
    if (!body) throw notFound('Kommunen', bodyId);
    if (body.name !== v.name) await updateBodyName(trx, bodyId, v.name, deps.now().toISOString());
    const { before, after } = await updateBodySettingRow(deps, trx, bodyId, (row) => ({
      ...row,
      colour: v.colour,
      contactAddress: v.address,
      contactPhone: v.phone,
      contactEmail: v.email,
      accessibilityStatement: v.accessibilityStatement,
    }));
    const shown = (r: BodySettingRow | undefined, name: string) => ({
      name,
      colour: r?.colour ?? null,
      address: r?.contactAddress ?? null,
      phone: r?.contactPhone ?? null,
      email: r?.contactEmail ?? null,
      accessibilityStatement: r?.accessibilityStatement ?? null,
    });
    await audit(
      trx,
      actor,
      { action: 'body.settings', entityType: 'body', entityId: bodyId, bodyId, before: shown(before, body.name), after: shown(after, v.name) },
      deps.now(),
    );
  });
}

/** Stores a checked logo (PNG, JPEG, SVG without anything active) and makes it the municipality's. */
export async function setLogo(deps: LifecycleDeps, actor: Principal, bodyId: string, bytes: Uint8Array | null): Promise<void> {
  assertAdmin(actor, bodyId);
  const mediaType = bytes === null ? null : checkLogo(bytes);
  // Stored by hash before the transaction (as attachments are): a rolled-back write leaves an
  // unreferenced file, never a row naming a missing one.
  const stored = bytes === null ? null : await deps.files.put(bytes);
  await deps.database.db.transaction().execute(async (trx) => {
    if (!(await bodyRow(trx, bodyId))) throw notFound('Kommunen', bodyId);
    const { before } = await updateBodySettingRow(deps, trx, bodyId, (row) => ({ ...row, logoSha256: stored?.sha256 ?? null, logoMediaType: mediaType }));
    await audit(
      trx,
      actor,
      {
        action: stored ? 'body.logo' : 'body.logo_remove',
        entityType: 'body',
        entityId: bodyId,
        bodyId,
        before: { logo: before?.logoSha256 ?? null },
        after: { logo: stored?.sha256 ?? null, mediaType, size: stored?.size ?? null },
      },
      deps.now(),
    );
  });
}

/** What the public pages' frame shows of the municipality; null when nothing was set. */
export interface PublicMunicipality {
  name: string;
  logoPath: string | null;
  colour: { key: HeaderColour; hex: string } | null;
  contact: { address: string | null; phone: string | null; email: string | null };
  accessibilityStatement: string | null;
}

export const LOGO_PATH_PREFIX = '/kommune/logo/';

/** The settings written last (a single-municipality installation's own), for every public page. */
export async function publicMunicipality(db: Db): Promise<PublicMunicipality | null> {
  const r = await latestBodySetting(db);
  if (!r) return null;
  const s = toSettings(r.bodyId, r.bodyName, r);
  return {
    name: s.name,
    logoPath: s.logo ? `${LOGO_PATH_PREFIX}${s.logo.sha256}` : null,
    colour: s.colour ? { key: s.colour, hex: headerColours[s.colour].hex } : null,
    contact: s.contact,
    accessibilityStatement: s.accessibilityStatement,
  };
}

/** A logo's bytes and type, if it is (or was) a municipality's logo: nothing else in the store is served here. */
export async function logoFile(deps: LifecycleDeps, sha256: string): Promise<{ bytes: Buffer; mediaType: string } | null> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const r = await latestBodySetting(deps.database.db);
  if (!r || r.logoSha256 !== sha256 || !r.logoMediaType || !deps.files.has(sha256)) return null;
  return { bytes: await deps.files.read(sha256), mediaType: r.logoMediaType };
}
