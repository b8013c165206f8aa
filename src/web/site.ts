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

export interface SiteSettings {
  /** A local path or the municipality's own statement on was.digst.dk. */
  accessibilityUrl: string;
  contact: ContactDetails;
  /** The municipality's name in the header; left out, the portal's one municipality's name. */
  name?: string | null;
  /** Address of the municipality's logo for the header; left out, the name alone. */
  logo?: string | null;
}

export const DEFAULT_ACCESSIBILITY_URL = '/tilgaengelighed';

export const DEFAULT_SITE_SETTINGS: SiteSettings = Object.freeze({
  accessibilityUrl: DEFAULT_ACCESSIBILITY_URL,
  contact: Object.freeze({ email: null, phone: null, address: null }),
});

declare module 'hono' {
  interface ContextVariableMap {
    /** Undefined when the app was built without siteSettings(); readers fall back to defaults. */
    site: SiteSettings | undefined;
  }
}

/** Read by the Layout with useContext; sendPage provides the request's value. */
export const SiteContext = createContext<SiteSettings>(DEFAULT_SITE_SETTINGS);

/** Mount before the routes: `app.use('*', siteSettings(deps.site))`. */
export function siteSettings(settings: SiteSettings | undefined): MiddlewareHandler {
  const value = settings ?? DEFAULT_SITE_SETTINGS;
  return async (c, next) => {
    c.set('site', value);
    await next();
  };
}
