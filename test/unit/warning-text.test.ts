// The import report's Danish: the parser's and the readers' warnings as a person importing an
// archive reads them, printed text kept as printed, the file a warning is about named first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { danishWarning, danishWarningLine } from '../../src/services/import/warning-text.js';

const w = (code: string, message: string, line: number | null = null, page: number | null = null) => ({ code, message, line, page });

describe('danishWarning', () => {
  it('translates the parser and reader messages, keeping the printed text', () => {
    assert.equal(
      danishWarning(w('header_line', 'Header line kept as printed: Mødedato 6. februar')),
      'Linje i hovedet bevaret som trykt: "Mødedato 6. februar"',
    );
    assert.equal(
      danishWarning(w('item_order', 'Item 5 follows item 7; kept in printed order.')),
      'Punkt 5 står efter punkt 7; rækkefølgen er bevaret som trykt',
    );
    assert.equal(
      danishWarning(w('invalid_utf8', '1 byte not valid UTF-8, read as windows-1252')),
      '1 byte(s) var ikke gyldig UTF-8 og blev læst som windows-1252',
    );
    assert.equal(
      danishWarning(w('unlisted_item', 'x.PDF: item 9 "Eventuelt" is not in the manifest and was left out')),
      'x.PDF: Punkt 9 "Eventuelt" står ikke i manifestet og er udeladt',
    );
    assert.equal(
      danishWarning(w('attachment_missing', 'Item 2: the attachment file https://p/Vis/Pdf/bilag/1 could not be fetched')),
      'Punkt 2: bilagsfilen https://p/Vis/Pdf/bilag/1 kunne ikke hentes',
    );
  });

  it('names the export file first, keeps Danish reader messages, and never drops an unknown one', () => {
    assert.equal(
      danishWarning(w('toc_group', '1552814.PDF: TOC group row: Åbent referat')),
      '1552814.PDF: Gruppelinje i indholdsfortegnelsen: "Åbent referat"',
    );
    assert.equal(
      danishWarning(w('missing_files', '1 fil(er), som eksporten nævner, findes ikke i mappen.')),
      '1 fil(er), som eksporten nævner, findes ikke i mappen.',
    );
    assert.equal(danishWarning(w('brand_new', 'something "ikke" odd')), 'Advarsel (brand_new): something "ikke" odd');
    assert.equal(danishWarningLine(w('no_date', 'No meeting date found in the header.', 4, 1)), 'linje 4, side 1: Ingen mødedato fundet');
  });
});
