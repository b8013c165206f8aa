// The XMP metadata packet of Protokol's PDFs. PDF/UA-1 (ISO 14289-1, 5) asks for the
// identification `pdfuaid:part` = 1 and for dc:title; a file makes that claim only when it is
// true of all of it: the generated agenda and minutes, and a merged document only when every
// attachment in it is itself a tagged PDF/UA file whose tags were carried over (merge.ts).

export interface XmpInput {
  title: string;
  author: string;
  /** BCP 47, the same as the catalog's /Lang, e.g. "da-DK". */
  lang: string;
  issuedAt: Date;
  /** Claim conformance to PDF/UA-1. */
  pdfua: boolean;
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The PDF/UA identification schema's namespace. */
export const PDFUAID_NS = 'http://www.aiim.org/pdfua/ns/id/';

export function xmpPacket(input: XmpInput): string {
  const iso = `${input.issuedAt.toISOString().slice(0, 19)}Z`;
  return [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<xmp:CreateDate>${iso}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${iso}</xmp:ModifyDate>`,
    '<xmp:CreatorTool>Protokol</xmp:CreatorTool>',
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(input.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${xml(input.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:language><rdf:Bag><rdf:li>${xml(input.lang)}</rdf:li></rdf:Bag></dc:language>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    '<pdf:Producer>Protokol</pdf:Producer>',
    '</rdf:Description>',
    ...(input.pdfua ? [`<rdf:Description rdf:about="" xmlns:pdfuaid="${PDFUAID_NS}">`, '<pdfuaid:part>1</pdfuaid:part>', '</rdf:Description>'] : []),
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/** Whether an XMP packet claims PDF/UA-1 (what merge.ts asks of an attachment). */
export function claimsPdfUa(xmp: string): boolean {
  return xmp.includes(PDFUAID_NS) && /<pdfuaid:part>\s*1\s*<\/pdfuaid:part>|pdfuaid:part=["']1["']/.test(xmp);
}
