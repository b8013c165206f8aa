// Our few additions on top of Det Fælles Designsystem (dkfds.css, loaded first). DKFDS styles
// the elements and its own components; this file only covers what a council archive needs and
// DKFDS has no component for (meeting lists, fact lists, agenda items, decisions), and keeps the
// page within a 360 px phone: long Danish compounds and case numbers must wrap, not scroll.
// Colours are DKFDS's own greys and blues, all at least 4.5:1 on their background (WCAG 2.1 AA).
// Served fingerprinted by ../static.ts, so the CSP can stay `default-src 'self'`.

import { headerColours } from '../../domain/municipality.js';

export const portalCss = `
body { overflow-wrap: break-word; }
main, .breadcrumbs, .footer { overflow-wrap: anywhere; }
.header .solution-info-inner { flex-wrap: wrap; row-gap: 0.4rem; }
.header .solution-heading a { font-size: 2.4rem; }
.header .solution-info .additional-info { color: #474747; }
/* DKFDS moves the tagline into its JavaScript menu on phones; we have no menu, so keep it. */
@media (max-width: 991.98px) { .header .solution-info .additional-info { display: block; margin-left: auto; font-size: 1.4rem; } }
.header .site-name { display: inline-flex; align-items: center; gap: 1.2rem; }
.header .site-logo { max-height: 4.8rem; width: auto; }
${Object.entries(headerColours)
  .map(([key, c]) => `.header.site-colour-${key} { border-top: 0.8rem solid ${c.hex}; }`)
  .join('\n')}
.header .site-user { display: flex; align-items: center; gap: 0.4rem 1.6rem; flex-wrap: wrap; margin-left: auto; font-size: 1.5rem; }
.header .site-user p, .header .site-logout, .header .site-logout .button { margin: 0; }
.site-user-links { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0 1.6rem; }
.site-user-links li { margin: 0; padding: 0; }
.site-nav { border-top: 1px solid #ccc; background: #f5f5f5; }
.site-nav-list { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0 2.4rem; }
.site-nav-list li { margin: 0; padding: 0; }
.site-nav-list a { display: inline-block; padding: 1.2rem 0; color: #1a1a1a; text-decoration: none; border-bottom: 4px solid transparent; }
.site-nav-list a:hover { text-decoration: underline; }
.site-nav-list a.current { border-bottom-color: #0059b3; font-weight: 600; }
.breadcrumbs { margin-top: 2.4rem; }
.breadcrumbs .breadcrumbs__list { max-width: none; }
.breadcrumbs .icon-svg { vertical-align: middle; margin: 0 0.4rem; }
main { display: block; padding-bottom: 3.2rem; }
main:focus { outline: none; }
main > h1:first-child { margin-top: 2.4rem; }
.lead-search { margin: 2.4rem 0 3.2rem; max-width: 60rem; }
.lead-search .search { max-width: 100%; }
.lead-search .search .form-input { flex: 1 1 auto; min-width: 0; max-width: none; width: auto; }
.meta { color: #545454; }
.meeting-list { list-style: none; padding: 0; margin: 0 0 1.6rem; max-width: 76.8rem; }
.meeting-list li { padding: 1.2rem 0; margin: 0; border-bottom: 1px solid #ccc; }
.meeting-list li:first-child { border-top: 1px solid #ccc; }
.meeting-list .badge { margin-left: 0.4rem; }
.meeting-list .meta { display: block; font-size: 1.4rem; margin-top: 0.4rem; }
.committee-list { columns: 2 28rem; column-gap: 3.2rem; max-width: 76.8rem; }
.committee-list li { break-inside: avoid; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.8rem 2.4rem; margin: 1.6rem 0 2.4rem; max-width: 76.8rem; }
dl.facts dt { font-weight: 600; margin: 0; }
dl.facts dd { margin: 0; }
.alert { max-width: 76.8rem; }
/* Classes pages written before DKFDS still use: a plain list and a notice box. */
.plain-list { list-style: none; padding: 0; margin: 0; }
.notice { border-left: 4px solid #0059b3; background: #f5f5f5; padding: 1.2rem 1.6rem; margin: 1.6rem 0; max-width: 76.8rem; }
.toc ol { max-width: 76.8rem; }
.item { border-top: 2px solid #1a1a1a; margin-top: 3.2rem; padding-top: 0.8rem; max-width: 76.8rem; }
.item > h2 { margin-top: 0.8rem; }
.item-number { margin-right: 0.6rem; }
.decision { background: #f5f5f5; border-left: 4px solid #358000; padding: 0.8rem 1.6rem; margin: 1.6rem 0; }
.decision > h3 { margin-top: 0; }
.attachments ul { padding-left: 1.6rem; }
.table { max-width: 76.8rem; }
/* Tables inside a section's text (the editor's or rebuilt from an imported document). */
.section-scroll { overflow-x: auto; }
.section-scroll:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.section-html table { border-collapse: collapse; margin: 0.8rem 0 1.6rem; font-size: 1.5rem; }
.section-html th, .section-html td { border-bottom: 1px solid #bfbfbf; padding: 0.4rem 0.8rem; text-align: left; vertical-align: top; }
.section-html thead th { border-bottom: 2px solid #1a1a1a; }
.section-html h4 { margin-top: 1.6rem; }
.footer a { overflow-wrap: anywhere; }
.footer .footer-heading { font-size: 1.6rem; font-weight: 600; margin-bottom: 0.8rem; }
.footer address { font-style: normal; }
@media (max-width: 575.98px) {
  h1 { font-size: 2.6rem; }
  dl.facts { grid-template-columns: 1fr; gap: 0; }
  dl.facts dd { margin-bottom: 1.2rem; }
}
`;
