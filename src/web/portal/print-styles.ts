// The print stylesheet (linked with media="print"): a meeting prints as a document to read on
// paper or file as PDF. Navigation has no use on paper, so only the content is printed, black
// on white, items start on a clean line with their heading kept on the same page as the text,
// and an attachment link prints its address, since a link cannot be clicked on paper.
// DKFDS's own print rules (in dkfds.css) shrink the root size to 48 %; we set sizes in pt.

export const printCss = `
@page { margin: 18mm 16mm 20mm; }
html { font-size: 62.5%; }
body { font-family: "IBM Plex Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.45;
  color: #000 !important; background: #fff !important; }
*, *::before, *::after { color: #000 !important; background: transparent !important; box-shadow: none !important; }
.skipnav, .header, .breadcrumbs, .footer, .lead-search, .search, form, .toc, .d-print-none { display: none !important; }
.container { max-width: none !important; padding: 0 !important; }
main { padding: 0 !important; }
h1 { font-size: 20pt; margin: 0 0 10pt; }
h2 { font-size: 15pt; margin: 14pt 0 6pt; }
h3 { font-size: 12pt; margin: 10pt 0 4pt; }
p, li, dd, dt, td, th { font-size: 11pt; max-width: none; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
p { orphans: 3; widows: 3; }
a { text-decoration: underline; }
.badge, .alert { border: 1px solid #000 !important; }
.alert { padding: 4pt 8pt !important; background-image: none !important; }
.alert-icon { display: none !important; }
.item { border-top: 1.5pt solid #000 !important; margin-top: 16pt; padding-top: 6pt; break-before: auto; }
.item > h2 { margin-top: 0; }
.decision { border-left: 3pt solid #000 !important; padding: 2pt 0 2pt 8pt; break-inside: avoid; }
.attachments a[data-print-url]::after { content: " (" attr(data-print-url) ")"; font-size: 9pt; overflow-wrap: anywhere; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; }
table { border-collapse: collapse; }
th, td { border: 0.5pt solid #000 !important; padding: 2pt 4pt; }
`;
