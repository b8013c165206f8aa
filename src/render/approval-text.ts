// The Danish sentences that say who approved which version of the minutes and how, and what a
// correction after publication changed: the same words on the public meeting page, in the
// minutes PDF's approval page and (with who recorded it) in the secretariat's screen.
import { type ApprovalManner, approvalMannerLabel } from '../domain/approval.js';
import { formatInstant } from './format.js';

export interface ApprovalTextApproval {
  name: string;
  approvedAt: string;
  givenHow: ApprovalManner | null;
}

export interface MinutesVersionText {
  version: number;
  publishedAt: string;
  changeNote: string | null;
}

/** "på mødet, registreret af sekretariatet" or null when the member approved themselves. */
export function mannerText(givenHow: ApprovalManner | null, recordedBy = 'sekretariatet'): string | null {
  return givenHow ? `${approvalMannerLabel[givenHow]}, registreret af ${recordedBy}` : null;
}

/** "Godkendt af Anne Andersen på mødet, registreret af sek@x.dk kl. …" (the secretariat's screen). */
export function staffApprovalLine(a: ApprovalTextApproval & { by: string }): string {
  return a.givenHow
    ? `Godkendt af ${a.name} ${approvalMannerLabel[a.givenHow]}, registreret af ${a.by} ${formatInstant(a.approvedAt)}`
    : `Godkendt af ${a.name} selv ${formatInstant(a.approvedAt)}`;
}

/**
 * The corrections published after the approved version, newest last: "Rettet 4. december 2026
 * kl. 15.58 (version 2): <ændringsnote>". With no approved version every noted minutes version
 * after the first counts (imported minutes have no approvals in Protokol).
 */
export function correctionLines(approvedVersion: number | null, minutes: readonly MinutesVersionText[]): string[] {
  const floor = approvedVersion ?? 1;
  return minutes
    .filter((v) => v.version > floor && v.changeNote)
    .sort((a, b) => a.version - b.version)
    .map((v) => `Rettet ${formatInstant(v.publishedAt)} (version ${v.version}): ${v.changeNote ?? ''}`);
}

/** "Den rettede version 2 afventer godkendelse; version 1 er godkendt." */
export function awaitingLine(approvedVersion: number | null, awaitingVersion: number | null): string | null {
  if (awaitingVersion === null) return null;
  const approved = approvedVersion === null ? '' : `; godkendelserne nedenfor gælder version ${approvedVersion}`;
  return `Den rettede version ${awaitingVersion} af referatet afventer godkendelse${approved}.`;
}
