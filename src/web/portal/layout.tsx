// The page frame every portal page shares, in Det Fælles Designsystem's markup: skip link,
// header, breadcrumbs, one main landmark and the footer with the accessibility statement that
// webtilgængelighedsloven requires. No JavaScript: DKFDS's scripts only enhance components
// (menus, accordions) this portal does not use, so every page works without them.
import { absoluteUrl } from '../../domain/public-urls.js';
import type { Child } from 'hono/jsx';
import { createContext, useContext } from 'hono/jsx';
import { SiteContext, type SiteSettings } from '../site.js';
import { FrameContext } from '../frame.js';
import { SiteHeader } from './site-header.js';
import { assetUrl } from '../static.js';
import { ATOM_TYPE, CALENDAR_TYPE, feedLinks } from '../feeds/links.js';

export interface Crumb {
  label: string;
  /** Omitted on the current page, which is the last crumb. */
  href?: string;
}

export interface PageProps {
  /** The page's own title; " – Protokol" is appended. */
  title: string;
  /** Path of this page, for the canonical link. */
  path: string;
  baseUrl: string;
  breadcrumbs: Crumb[];
  /** A short summary for search engines and link previews. */
  description?: string;
  /** The municipality whose feeds (Atom, iCalendar) the page announces in <head>. */
  feedsOf?: { slug: string; name: string };
  children?: Child;
}

export const canonicalUrl = absoluteUrl;

/** The public origin, for components that print absolute addresses (attachment links on paper). */
export const BaseUrlContext = createContext<string>('');

/** An icon from DKFDS's sprite. Decorative: the text next to it says the same. */
export function Icon(props: { name: string; class?: string }) {
  return (
    <svg class={props.class ? `icon-svg ${props.class}` : 'icon-svg'} aria-hidden="true" focusable="false">
      <use href={`${assetUrl('icons.svg')}#${props.name}`} />
    </svg>
  );
}

export function Layout(props: PageProps) {
  const site = useContext(SiteContext);
  return (
    <html lang="da">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – Protokol`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="canonical" href={canonicalUrl(props.baseUrl, props.path)} />
        {props.feedsOf ? (
          <>
            <link rel="alternate" type={ATOM_TYPE} title={`${props.feedsOf.name}: dagsordener og referater`} href={feedLinks(props.feedsOf.slug).atom} />
            <link rel="alternate" type={CALENDAR_TYPE} title={`${props.feedsOf.name}: mødekalender`} href={feedLinks(props.feedsOf.slug).calendar} />
          </>
        ) : null}
        <link rel="stylesheet" href={assetUrl('dkfds.css')} />
        <link rel="stylesheet" href={assetUrl('protokol.css')} />
        <link rel="stylesheet" href={assetUrl('print.css')} media="print" />
      </head>
      <body>
        <a class="skipnav" href="#indhold">
          Gå til indhold
        </a>
        <SiteHeader frame={useContext(FrameContext)} path={props.path} />
        <div class="container">
          <Breadcrumbs crumbs={props.breadcrumbs} />
          <main id="indhold" tabindex={-1}>
            <BaseUrlContext.Provider value={props.baseUrl}>{props.children}</BaseUrlContext.Provider>
          </main>
        </div>
        <Footer site={site} />
      </body>
    </html>
  );
}

/** The DKFDS breadcrumb trail; the last crumb is the current page. Shared with the editor. */
export function Breadcrumbs(props: { crumbs: Crumb[] }) {
  if (props.crumbs.length === 0) return null;
  return (
    <nav aria-label="Brødkrumme" class="breadcrumbs">
      <ol class="breadcrumbs__list">
        {props.crumbs.map((c, i) =>
          c.href ? (
            <li class="breadcrumbs__list-item">
              {i > 0 ? <Icon name="chevron-right" /> : null}
              <a class="breadcrumbs__link" href={c.href}>
                {c.label}
              </a>
            </li>
          ) : (
            <li class="breadcrumbs__list-item" aria-current="page">
              {i > 0 ? <Icon name="chevron-right" /> : null}
              {c.label}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

function Footer(props: { site: SiteSettings }) {
  const { accessibilityUrl, contact } = props.site;
  const hasContact = contact.email !== null || contact.phone !== null || contact.address !== null;
  return (
    <footer>
      <div class="footer">
        <div class="container">
          <div class="row">
            <div class="col-12 col-md-6 footer-col">
              <p class="footer-heading">Protokol</p>
              <p>Dagsordener og referater fra kommunens politiske udvalg. Åben kildekode.</p>
            </div>
            {hasContact ? (
              <div class="col-12 col-md-6 footer-col">
                <p class="footer-heading">Kontakt</p>
                <address>
                  <ul class="unstyled-list">
                    {contact.address !== null ? <li>{contact.address}</li> : null}
                    {contact.phone !== null ? (
                      <li>
                        Telefon: <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a>
                      </li>
                    ) : null}
                    {contact.email !== null ? (
                      <li>
                        E-mail: <a href={`mailto:${contact.email}`}>{contact.email}</a>
                      </li>
                    ) : null}
                  </ul>
                </address>
              </div>
            ) : null}
          </div>
          <ul class="unstyled-list inline-list mt-5">
            <li>
              <a href={accessibilityUrl}>Tilgængelighedserklæring</a>
            </li>
            <li>
              <a href="/data/">Åbne data</a>
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
