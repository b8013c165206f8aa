// The page frame every portal page shares: skip link, header, breadcrumbs, one main landmark
// and the footer with the accessibility statement that webtilgængelighedsloven requires.
import type { Child } from 'hono/jsx';
import { portalCssVersion } from './styles.js';

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
  children?: Child;
}

export const STYLESHEET_PATH = '/static/protokol.css';

export function canonicalUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

export function Layout(props: PageProps) {
  return (
    <html lang="da">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – Protokol`}</title>
        <link rel="canonical" href={canonicalUrl(props.baseUrl, props.path)} />
        <link rel="stylesheet" href={`${STYLESHEET_PATH}?v=${portalCssVersion}`} />
      </head>
      <body>
        <a class="skip-link" href="#indhold">
          Gå til indhold
        </a>
        <header class="site-header">
          <div class="container">
            <a class="site-name" href="/">
              Protokol
            </a>
            <span class="site-tagline">Dagsordener og referater</span>
          </div>
        </header>
        <div class="container">
          <Breadcrumbs crumbs={props.breadcrumbs} />
          <main id="indhold" tabindex={-1}>
            {props.children}
          </main>
        </div>
        <footer class="site-footer">
          <div class="container">
            <ul class="footer-links">
              <li>
                <a href="/tilgaengelighed">Tilgængelighedserklæring</a>
              </li>
            </ul>
            <p>Protokol – åben kildekode til kommunernes dagsordener og referater.</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

function Breadcrumbs(props: { crumbs: Crumb[] }) {
  if (props.crumbs.length === 0) return null;
  return (
    <nav aria-label="Brødkrumme" class="breadcrumbs">
      <ol>
        {props.crumbs.map((c) => (
          <li>{c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}
