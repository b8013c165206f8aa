// The frame of every editor page (secretariat and members), in Det Fælles Designsystem's
// markup like the portal's Layout: skip link, header with who is signed in and a "Log ud"
// form, the editor's navigation, breadcrumbs, an error summary slot and one main landmark.
// Scripts are files we serve (the CSP is `default-src 'self'`): editor.js only enhances,
// every screen works without it.
import type { Child } from 'hono/jsx';
import { useContext } from 'hono/jsx';
import { FrameContext } from '../frame.js';
import { SiteName, colourClass } from '../portal/site-header.js';
import type { Principal } from '../../domain/access.js';
import { userRoleLabel } from '../../domain/user.js';
import { Breadcrumbs, type Crumb } from '../portal/layout.js';
import { assetUrl } from '../static.js';

export type { Crumb };

/** Which navigation entry is the current page's section. */
export type EditorSection = 'meetings' | 'member' | 'users' | 'admin';

export interface EditorLayoutProps {
  /** The page's own title; " – Protokol redigering" is appended. Prefix "Fejl: " on a failed form. */
  title: string;
  principal: Principal;
  /** The session's CSRF token, for the "Log ud" form. */
  csrfToken: string;
  breadcrumbs: Crumb[];
  section?: EditorSection;
  /** Rendered first inside <main>: an ErrorSummary (forms.tsx) or a success alert. */
  summary?: Child;
  children?: Child;
}

/** Editors are administrators and secretaries; members have their own reading view. */
export const isEditor = (p: Principal): boolean => p.role === 'admin' || p.role === 'secretary';

export function EditorLayout(props: EditorLayoutProps) {
  const p = props.principal;
  const nav: { label: string; href: string; section: EditorSection }[] = [];
  if (isEditor(p)) nav.push({ label: 'Møder', href: '/redigering', section: 'meetings' });
  if (p.personId !== null) nav.push({ label: 'Mine møder', href: '/medlem', section: 'member' });
  if (p.role === 'admin') nav.push({ label: 'Brugere', href: '/redigering/brugere', section: 'users' });
  if (isEditor(p)) nav.push({ label: 'Administration', href: '/redigering/administration', section: 'admin' });
  return (
    <html lang="da">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} – Protokol redigering`}</title>
        <link rel="stylesheet" href={assetUrl('dkfds.css')} />
        <link rel="stylesheet" href={assetUrl('protokol.css')} />
        <link rel="stylesheet" href={assetUrl('editor.css')} />
        <script src={assetUrl('editor.js')} defer></script>
      </head>
      <body class="editor">
        <a class="skipnav" href="#indhold">
          Gå til indhold
        </a>
        <header class={colourClass(useContext(FrameContext))}>
          <div class="solution-info">
            <div class="solution-info-inner container">
              <SiteName frame={useContext(FrameContext)} href={isEditor(p) ? '/redigering' : '/medlem'} suffix="redigering" />
              <div class="additional-info editor-user">
                <p>
                  Logget ind som <span class="editor-user-label">{p.label}</span> <span class="editor-user-role">({userRoleLabel[p.role]})</span>
                </p>
                <form method="post" action="/logout" class="editor-logout">
                  <input type="hidden" name="_csrf" value={props.csrfToken} />
                  <button type="submit" class="button button-tertiary">
                    Log ud
                  </button>
                </form>
              </div>
            </div>
          </div>
          {nav.length > 0 ? (
            <nav class="editor-nav" aria-label="Redigering">
              <div class="container">
                <ul class="editor-nav-list">
                  {nav.map((n) => (
                    <li>
                      <a href={n.href} {...(props.section === n.section ? { 'aria-current': 'page', class: 'current' } : {})}>
                        {n.label}
                      </a>
                    </li>
                  ))}
                  <li>
                    <a href="/">Offentlig portal</a>
                  </li>
                </ul>
              </div>
            </nav>
          ) : null}
        </header>
        <div class="container">
          <Breadcrumbs crumbs={props.breadcrumbs} />
          <main id="indhold" tabindex={-1}>
            {props.summary ?? null}
            {props.children}
          </main>
        </div>
      </body>
    </html>
  );
}

/** A success message after a redirect-after-post (`?gemt=…`); role="status" is announced politely. */
export function SuccessAlert(props: { text: string }) {
  return (
    <div class="alert alert-success" role="status">
      <div class="alert-body">
        <p class="alert-text">{props.text}</p>
      </div>
    </div>
  );
}
