// The municipality's settings (services/admin/municipality.ts) as site settings for every
// page's frame: name, logo and header colour for the header, contact details for the footer,
// the accessibility statement's own text. Read once per database change where the database
// reports one (SQLite's data version), else on every page request (one row by primary key).
import type { PublicMunicipality } from '../services/admin/municipality.js';
import type { SiteOverrides, SiteSettings } from './site.js';

export function siteFromMunicipality(m: PublicMunicipality | null): Partial<SiteSettings> | null {
  if (m === null) return null;
  return {
    municipality: { name: m.name, logoUrl: m.logoPath, colour: m.colour?.hex ?? null },
    contact: m.contact,
    accessibilityStatement: m.accessibilityStatement,
  };
}

export function municipalitySiteOverrides(
  load: () => Promise<PublicMunicipality | null>,
  dataVersion: () => string | null | Promise<string | null>,
): SiteOverrides {
  let cached: { version: string; value: Partial<SiteSettings> | null } | undefined;
  return async () => {
    const version = await dataVersion();
    if (version !== null && cached?.version === version) return cached.value;
    const value = siteFromMunicipality(await load());
    if (version !== null) cached = { version, value };
    return value;
  };
}
