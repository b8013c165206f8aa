// Hostile files built in the test, not stored: a PDF whose content stream inflates to
// `mb` MB, a DOCX whose document.xml inflates to `mb` MB, and the same DOCX with zip headers
// that claim the part is 1 KB (the size fields of both the local and the central header).
import { deflateSync } from 'node:zlib';
import { zipSync } from 'fflate';

export function pdfBomb(mb: number): Uint8Array {
  const op = Buffer.from('BT /F1 12 Tf 72 720 Td (AAAA) Tj ET\n');
  const content = deflateSync(Buffer.alloc(mb * 1024 * 1024, op), { level: 9 });
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((o, i) => {
    offsets.push(at);
    const body =
      o === null
        ? Buffer.concat([
            Buffer.from(`${i + 1} 0 obj\n<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`),
            content,
            Buffer.from('\nendstream\nendobj\n'),
          ])
        : Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`);
    parts.push(body);
    at += body.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(Buffer.from(xref));
  return new Uint8Array(Buffer.concat(parts));
}

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

export function docx(documentXml: string | Uint8Array): Uint8Array {
  const doc = typeof documentXml === 'string' ? new TextEncoder().encode(documentXml) : documentXml;
  return zipSync({ '[Content_Types].xml': new TextEncoder().encode(CONTENT_TYPES), 'word/document.xml': [doc, { level: 9 }] });
}

export function docxBomb(mb: number): Uint8Array {
  const para = Buffer.from('<w:p><w:r><w:t>Lorem ipsum dolor sit amet</w:t></w:r></w:p>');
  const body = Buffer.alloc(mb * 1024 * 1024, para);
  return docx(Buffer.concat([Buffer.from('<w:document><w:body>'), body, Buffer.from('</w:body></w:document>')]));
}

/** The bomb with every uncompressed-size field (local and central headers) set to 1024. */
export function lyingDocxBomb(mb: number): Uint8Array {
  const zip = Buffer.from(docxBomb(mb));
  for (let i = 0; i < zip.length - 4; i++) {
    const sig = zip.readUInt32LE(i);
    if (sig === 0x04034b50) zip.writeUInt32LE(1024, i + 22);
    else if (sig === 0x02014b50) zip.writeUInt32LE(1024, i + 24);
  }
  return new Uint8Array(zip);
}
