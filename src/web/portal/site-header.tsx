// The header of every public page: the municipality's name (and logo when the site settings
// carry one), who is signed in with links to their work areas and "Log ud", and the main
// menu. No JavaScript: the menu is a wrapping list, so it works at 390 px without DKFDS's
// mobile menu script.
import { headerColours } from '../../domain/municipality.js';
import type { Frame, Viewer } from '../frame.js';

export const mainMenu: { label: string; href: string; current: (path: string) => boolean }[] = [
  { label: 'Møder og udvalg', href: '/', current: (p) => p === '/' || /^\/(kommune|udvalg|moeder|sager)\//.test(p) },
  { label: 'Personer', href: '/personer', current: (p) => p === '/personer' || p.startsWith('/personer/') },
  { label: 'Søg', href: '/soeg', current: (p) => p === '/soeg' || p.startsWith('/soeg?') },
  { label: 'Åbne data', href: '/data/', current: (p) => p.startsWith('/data/') },
];

/** The header's heading: logo and name, or the name alone; "Protokol" when the portal holds several municipalities. */
export function SiteName(props: { frame: Frame; href: string; suffix?: string }) {
  const name = props.frame.name ?? 'Protokol';
  return (
    <div class="solution-heading">
      <a href={props.href} class="site-name">
        {props.frame.logo ? <img src={props.frame.logo} alt="" class="site-logo" /> : null}
        <span>{props.suffix ? `${name} – ${props.suffix}` : name}</span>
      </a>
    </div>
  );
}

/**
 * The header's classes: with a colour from the administration, a band in it across the top
 * (styles.ts has a rule per palette colour, so no inline style is needed under the CSP).
 */
export function colourClass(frame: Frame): string {
  const key = Object.entries(headerColours).find(([, c]) => c.hex === frame.colour)?.[0];
  return key ? `header site-colour-${key}` : 'header';
}

/** "Logget ind som …", the work areas and "Log ud": on public and staff pages alike. */
export function SignedIn(props: { viewer: Viewer }) {
  const v = props.viewer;
  return (
    <div class="site-user">
      <p>
        Logget ind som <strong>{v.label}</strong> <span class="site-user-role">({v.roleLabel})</span>
      </p>
      {v.links.length > 0 ? (
        <ul class="site-user-links" aria-label="Dine arbejdsområder">
          {v.links.map((l) => (
            <li>
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
        </ul>
      ) : null}
      <form method="post" action="/logout" class="site-logout">
        <input type="hidden" name="_csrf" value={v.csrfToken} />
        <button type="submit" class="button button-tertiary">
          Log ud
        </button>
      </form>
    </div>
  );
}

export function SiteHeader(props: { frame: Frame; path: string }) {
  const { frame } = props;
  return (
    <header class={colourClass(frame)}>
      <div class="solution-info">
        <div class="solution-info-inner container">
          <SiteName frame={frame} href="/" />
          {frame.viewer ? (
            <SignedIn viewer={frame.viewer} />
          ) : (
            <div class="additional-info">
              <p>Dagsordener og referater</p>
            </div>
          )}
        </div>
      </div>
      <nav class="site-nav" aria-label="Hovedmenu">
        <div class="container">
          <ul class="site-nav-list">
            {mainMenu.map((m) => (
              <li>
                {/* "page" on the entry's own page, "true" on the pages beneath it (a meeting under "Møder og udvalg"). */}
                <a href={m.href} {...(m.current(props.path) ? { 'aria-current': props.path === m.href ? 'page' : 'true', class: 'current' } : {})}>
                  {m.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </nav>
    </header>
  );
}
