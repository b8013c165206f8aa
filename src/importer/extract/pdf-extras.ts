// The text of a PDF beyond its pages' text layer, which anyone opening the file can read
// too: the document information (title, author, subject, keywords, custom entries), the XMP
// metadata, annotations (comments, sticky notes, free text) and form field values. For the
// CPR guard of uploaded attachments; labels match the part markers of attachment-parts.ts.

/** The few pdfjs document and page calls used here (pdfjs's own types are loose: Object, any). */
export interface PdfExtrasSource {
  numPages: number;
  getMetadata(): Promise<{ info: object; metadata: { getRaw(): unknown } | null }>;
  getFieldObjects(): Promise<Record<string, object[]> | null>;
  getPage(n: number): Promise<{ getAnnotations(): Promise<unknown[]> }>;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function infoLines(info: object): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(info)) {
    // Custom: user-defined entries of the Info dictionary.
    if (key === 'Custom' && value && typeof value === 'object') lines.push(...infoLines(value as object));
    else if (typeof value === 'string' && value.trim() !== '' && !/^(?:PDFFormatVersion|Language)$/.test(key)) lines.push(`${key}: ${value.trim()}`);
  }
  return lines;
}

/** The character data of the XMP packet (element names and attributes are not text). */
function xmpText(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  return raw
    .replace(/<\?[\s\S]*?\?>/g, ' ')
    .replace(/<[^>]*>/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

/** Labelled parts: "PDF-metadata", "PDF-kommentarer", "PDF-formularfelter" (absent when empty). */
export async function pdfExtraParts(doc: PdfExtrasSource, maxPages: number): Promise<{ label: string; text: string }[]> {
  const parts: { label: string; text: string }[] = [];
  const { info, metadata } = await doc.getMetadata().catch(() => ({ info: {}, metadata: null }));
  const meta = [...infoLines(info), xmpText(metadata?.getRaw())].filter((l) => l !== '').join('\n');
  if (meta !== '') parts.push({ label: 'PDF-metadata', text: meta });

  const notes: string[] = [];
  const fieldValues: string[] = [];
  for (let n = 1; n <= Math.min(doc.numPages, maxPages); n++) {
    const annotations = await (await doc.getPage(n)).getAnnotations().catch(() => []);
    for (const a of annotations as Record<string, unknown>[]) {
      const text = [
        str(a['titleObj'] && (a['titleObj'] as Record<string, unknown>)['str']),
        str(a['contentsObj'] && (a['contentsObj'] as Record<string, unknown>)['str']) || str(a['contents']),
      ]
        .filter((s) => s.trim() !== '')
        .join(': ');
      if (a['subtype'] === 'Widget') {
        const value = Array.isArray(a['fieldValue']) ? (a['fieldValue'] as unknown[]).map(str).join(', ') : str(a['fieldValue']);
        if (value.trim() !== '') fieldValues.push(`${str(a['fieldName'])}: ${value}`);
        if (str(a['alternativeText']).trim() !== '') fieldValues.push(str(a['alternativeText']));
      } else if (text !== '') notes.push(`side ${n}: ${text}`);
    }
  }
  // Fields not on any page (or hidden) still carry their value in the AcroForm.
  for (const [name, objects] of Object.entries((await doc.getFieldObjects().catch(() => null)) ?? {})) {
    for (const o of objects as Record<string, unknown>[]) {
      const value = str(o['value']);
      if (value.trim() !== '' && !fieldValues.includes(`${name}: ${value}`)) fieldValues.push(`${name}: ${value}`);
    }
  }
  if (notes.length > 0) parts.push({ label: 'PDF-kommentarer', text: notes.join('\n') });
  if (fieldValues.length > 0) parts.push({ label: 'PDF-formularfelter', text: fieldValues.join('\n') });
  return parts;
}
