// The portal's whole stylesheet, hand-written and small: readable type, a single column that
// works on a phone, visible focus, and colours with at least 4.5:1 contrast (WCAG 2.1 AA).
// Served from /static/protokol.css so the CSP can stay `default-src 'self'` (no inline styles).
import { createHash } from 'node:crypto';

export const portalCss = `
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 100%; -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  line-height: 1.55; color: #1a1a1a; background: #fff; }
.container { max-width: 48rem; margin: 0 auto; padding: 0 1rem; }
a { color: #0b4f9c; text-underline-offset: 0.15em; }
a:hover { color: #06325f; }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; background: #1a1a1a; color: #fff; padding: 0.5rem 1rem; z-index: 10; }
.skip-link:focus { left: 0.5rem; top: 0.5rem; }
.site-header { background: #123a63; color: #fff; padding: 0.75rem 0; }
.site-header .container { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: baseline; }
.site-name { color: #fff; font-weight: 700; font-size: 1.25rem; text-decoration: none; }
.site-name:hover { color: #fff; text-decoration: underline; }
.site-tagline { color: #dfe8f2; }
.breadcrumbs ol { list-style: none; margin: 1rem 0 0; padding: 0; display: flex; flex-wrap: wrap; font-size: 0.9rem; }
.breadcrumbs li + li::before { content: "/"; margin: 0 0.4rem; color: #595959; }
main { padding: 0.5rem 0 2rem; }
main:focus { outline: none; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 1rem 0; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
p { margin: 0 0 0.75rem; }
.meta { color: #4a4a4a; }
.meeting-list, .plain-list { list-style: none; padding: 0; margin: 0; }
.meeting-list li { padding: 0.6rem 0; border-bottom: 1px solid #d9d9d9; }
.meeting-list .meta { display: block; font-size: 0.95rem; }
.state { display: inline-block; font-size: 0.85rem; padding: 0 0.4rem; border: 1px solid #767676; border-radius: 3px; }
.state-cancelled { border-color: #a4161a; color: #a4161a; font-weight: 700; }
.notice { border-left: 4px solid #123a63; background: #f0f4f8; padding: 0.75rem 1rem; margin: 1rem 0; }
.toc ol { padding-left: 1.5rem; }
.item { border-top: 2px solid #123a63; margin-top: 2rem; padding-top: 0.5rem; }
.item h2 { margin-top: 0.5rem; }
.item-number { color: #4a4a4a; margin-right: 0.4rem; }
.closed-marker { display: inline-block; font-size: 0.85rem; font-weight: 700; background: #4a4a4a; color: #fff; padding: 0.1rem 0.5rem; border-radius: 3px; }
.decision { background: #eef6ee; border-left: 4px solid #2e7d32; padding: 0.5rem 1rem; margin: 1rem 0; }
.decision h3 { margin-top: 0.25rem; }
.attachments li { margin: 0.25rem 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.4rem 0.5rem; border-bottom: 1px solid #d9d9d9; vertical-align: top; }
.site-footer { border-top: 1px solid #d9d9d9; background: #f5f5f5; padding: 1rem 0 2rem; font-size: 0.95rem; }
.footer-links { list-style: none; padding: 0; margin: 0 0 0.5rem; }
@media (max-width: 30rem) {
  h1 { font-size: 1.45rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: 0.5rem; }
}
@media print {
  .site-header, .site-footer, .breadcrumbs, .skip-link, .toc { display: none; }
  a { color: inherit; }
}
`;

/** Content hash in the stylesheet URL: the file can be cached for a year and still change. */
export const portalCssVersion = createHash('sha256').update(portalCss).digest('hex').slice(0, 12);
