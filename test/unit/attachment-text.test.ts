import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { analyseAttachment, mediaTypeOf } from '../../src/services/lifecycle/attachment-text.js';
import { xmlText } from '../../src/services/lifecycle/xml-text.js';

/** A minimal Word document whose one paragraph is `body` (raw XML, entities as written). */
function docx(body: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${body}</w:t></w:r></w:p></w:body></w:document>`,
    ),
  });
}

describe('attachment text: character references from untrusted files', () => {
  it('reads a crafted .docx with an out-of-range reference instead of failing (was a 500)', async () => {
    const analysed = await analyseAttachment('angreb.docx', mediaTypeOf.docx, docx('Før &#99999999; efter &#x110000; og &#xD800; slut &#0;'));
    assert.equal(analysed.format, 'docx');
    assert.equal(analysed.textStatus, 'extracted');
    assert.equal(analysed.text, 'Før \ufffd efter \ufffd og \ufffd slut \ufffd');
  });

  it('still decodes valid references and the five named entities, once', () => {
    assert.equal(xmlText('<w:p><w:t>&#230;&#xF8;&#229; &lt;b&gt; &quot;x&quot; &apos;y&apos; &amp;</w:t></w:p>'), 'æøå <b> "x" \'y\' &');
    // Decoding twice would turn the text "&lt;" into markup.
    assert.equal(xmlText('<w:t>&amp;lt;script&amp;gt;</w:t>'), '&lt;script&gt;');
    assert.equal(xmlText('<w:t>&#128512; &nbsp;</w:t>'), '😀 &nbsp;');
  });
});
