// Settings every page's frame shows (the footer's accessibility statement and contact
// details). They come from config, are stored on the Hono context by `siteSettings()` and
// handed to the JSX tree through a context provider in sendPage, so no page has to pass them
// on. An app built without the middleware (as most tests build it) renders the defaults.
import type { MiddlewareHandler } from 'hono';
import { createContext } from 'hono/jsx';

export interface ContactDetails {
  email: string | null;
  phone: string | null;
  /** One line, e.g. "Rådhuset, Torvet 1, 4000 Roskilde". */
  address: string | null;
}

/** The municipality as its administrators set it (/redigering/indstillinger), for the portal's header. */
export interface SiteMunicipality {
  name: string;
  /** A path on this site (/kommune/logo/<sha256>), or null without a logo. */
  logoUrl: string | null;
  /** The header colour: a hex value of the fixed DKFDS palette (domain/municipality.ts), or null for the default. */
  colour: string | null;
}

export interface SiteSettings {
  /** A local path or the municipality's own statement on was.digst.dk. */
  accessibilityUrl: string;
  contact: ContactDetails;
  /** Null or absent until an administrator has saved the municipality's settings. */
  municipality?: SiteMunicipality | null;
  /** The municipality's own accessibility statement text (paragraphs split by blank lines). */
  accessibilityStatement?: string | null;
}

/** What the database adds to the configured settings, read per request (see siteSettings). */
export type SiteOverrides = () => Promise<Partial<SiteSettings> | null>;

export const DEFAULT_ACCESSIBILITY_URL = '/tilgaengelighed';

export const DEFAULT_SITE_SETTINGS: SiteSettings = Object.freeze({
  accessibilityUrl: DEFAULT_ACCESSIBILITY_URL,
  contact: Object.freeze({ email: null, phone: null, address: null }),
});

declare module 'hono' {
  interface ContextVariableMap {
    /**
     * The request's settings, read when a page is rendered (sendPage) and at most once a
     * request; undefined when the app was built without siteSettings(): readers use defaults.
     */
    site: (() => Promise<SiteSettings>) | undefined;
  }
}

/** Read by the Layout with useContext; sendPage provides the request's value. */
export const SiteContext = createContext<SiteSettings>(DEFAULT_SITE_SETTINGS);

/**
 * Mount before the routes: `app.use('*', siteSettings(deps.site, deps.siteOverrides))`. The
 * overrides (the municipality's settings in the database) are read only when a page is
 * rendered: a page from the cache, a file, a feed or the API never waits for them. A contact
 * field set there replaces the configured one. If they cannot be read (the database is what
 * failed), the configured settings are used, so the error page still renders.
 */
export function siteSettings(settings: SiteSettings | undefined, overrides?: SiteOverrides): MiddlewareHandler {
  const value = settings ?? DEFAULT_SITE_SETTINGS;
  const load = async (): Promise<SiteSettings> => {
    if (!overrides) return value;
    try {
      const extra = await overrides();
      return extra ? mergeSite(value, extra) : value;
    } catch {
      return value;
    }
  };
  return async (c, next) => {
    let once: Promise<SiteSettings> | undefined;
    c.set('site', () => (once ??= load()));
    await next();
  };
}

export function mergeSite(base: SiteSettings, extra: Partial<SiteSettings>): SiteSettings {
  const contact = extra.contact;
  return {
    ...base,
    ...extra,
    contact: {
      email: contact?.email ?? base.contact.email,
      phone: contact?.phone ?? base.contact.phone,
      address: contact?.address ?? base.contact.address,
    },
  };
}
