// The sentences that say who approved which version of the minutes and what a correction
// changed: the same on the public page, in the PDF and (with the recorder) in the editor.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { awaitingLine, correctionLines, mannerText, staffApprovalLine } from '../../src/render/approval-text.js';

const v = (version: number, changeNote: string | null) => ({ version, publishedAt: '2024-08-20T13:58:00.000Z', changeNote });

it('marks only the corrections after the approved version, with their notes', () => {
  const minutes = [v(1, null), v(2, 'Skrivefejl rettet'), v(3, 'Afstemningen manglede')];
  assert.deepEqual(correctionLines(1, minutes), [
    'Rettet 20. august 2024 kl. 15.58 (version 2): Skrivefejl rettet',
    'Rettet 20. august 2024 kl. 15.58 (version 3): Afstemningen manglede',
  ]);
  assert.deepEqual(correctionLines(3, minutes), [], 'a re-approved version is no longer a marked correction');
  assert.deepEqual(correctionLines(null, [v(1, null)]), []);
});

it('says a corrected version awaits approval and which version the approvals are for', () => {
  assert.equal(awaitingLine(1, 2), 'Den rettede version 2 af referatet afventer godkendelse; godkendelserne nedenfor gælder version 1.');
  assert.equal(awaitingLine(null, 2), 'Den rettede version 2 af referatet afventer godkendelse.');
  assert.equal(awaitingLine(2, null), null);
});

it('says how an approval given on a member’s behalf was given and who recorded it', () => {
  assert.equal(mannerText('paper'), 'på papir, registreret af sekretariatet');
  assert.equal(mannerText(null), null);
  assert.equal(
    staffApprovalLine({ name: 'Anne Andersen', approvedAt: '2024-08-20T13:57:00.000Z', givenHow: 'meeting', by: 'sek@testrup.dk' }),
    'Godkendt af Anne Andersen på mødet, registreret af sek@testrup.dk 20. august 2024 kl. 15.57',
  );
});
