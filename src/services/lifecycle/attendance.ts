// Who attended a meeting (fremmøde): the secretary records it during or after the meeting.
// Recording it means the meeting was held; after the minutes are approved it clears the
// approvals, after they are published it is a correction (see minutes-changes.ts).
import type { Principal } from '../../domain/access.js';
import { type Attendance, type AttendanceStatus, attendanceProblems } from '../../domain/attendance.js';
import { DomainError } from '../../domain/errors.js';
import { bumpMeetingVersion } from '../../storage/repositories/lifecycle-refs.js';
import { attendees } from '../../storage/repositories/attendance-queries.js';
import { lockMeeting, peopleOfBody, replaceAttendance } from '../../storage/repositories/minutes-writer.js';
import { audit } from '../audit.js';
import type { LifecycleDeps } from './deps.js';
import { checkVersion, meetingForEdit } from './guard.js';
import { completeMinutesChange, planMinutesChange } from './minutes-changes.js';

export interface AttendanceEntry {
  personId: string;
  status: AttendanceStatus;
  /** A substitute: the absent member whose seat they took. */
  substituteForPersonId?: string | null | undefined;
}

export interface RecordOptions {
  version?: number | undefined;
  /** Required once the minutes are published (a correction). */
  changeNote?: string | null | undefined;
}

const invalid = (message: string, where: string, details?: unknown) => new DomainError('invalid_input', message, where, details);

/** Replaces the meeting's attendance with `list`, in that order. Editors only. */
export async function recordAttendance(
  deps: LifecycleDeps,
  actor: Principal,
  meetingId: string,
  list: readonly AttendanceEntry[],
  options: RecordOptions = {},
): Promise<{ version: number }> {
  return deps.database.db.transaction().execute(async (trx) => {
    await lockMeeting(trx, meetingId);
    const meeting = await meetingForEdit(trx, actor, meetingId);
    checkVersion('Mødet', options.version, meeting.version);
    const plan = planMinutesChange(meeting, options.changeNote, 'fremmødet');

    // The API may send anything here; checked as unknown so `list` keeps its element type.
    const given: unknown = list;
    if (!Array.isArray(given)) throw invalid('Fremmødet skal være en liste', 'attendance');
    const ids = list.flatMap((e) => [e.personId, ...(e.substituteForPersonId ? [e.substituteForPersonId] : [])]);
    const names = new Map((await peopleOfBody(trx, meeting.bodyId, ids)).map((p) => [p.id, p.name]));
    const seen = new Set<string>();
    const entries: Attendance[] = list.map((e, i) => {
      if (typeof e.personId !== 'string' || !names.has(e.personId)) throw invalid('Personen findes ikke i kommunen', `attendance[${i}].personId`);
      if (e.status !== 'present' && e.status !== 'absent') throw invalid('Status skal være til stede eller fraværende', `attendance[${i}].status`);
      if (seen.has(e.personId)) throw invalid(`${names.get(e.personId)} står to gange på listen`, `attendance[${i}].personId`);
      seen.add(e.personId);
      const substituteFor = e.substituteForPersonId ?? null;
      if (substituteFor !== null) {
        const where = `attendance[${i}].substituteForPersonId`;
        if (!names.has(substituteFor)) throw invalid('Medlemmet, der suppleres for, findes ikke i kommunen', where);
        if (!list.some((other) => other.personId === substituteFor)) {
          throw invalid(`${names.get(substituteFor)} skal stå på listen som fraværende, når ${names.get(e.personId)} er suppleant for dem`, where);
        }
      }
      return {
        personId: e.personId,
        name: names.get(e.personId)!,
        party: null,
        status: e.status,
        substituteForPersonId: substituteFor,
        substituteForName: substituteFor === null ? null : (names.get(substituteFor) ?? null),
      };
    });
    const problems = attendanceProblems(entries);
    const first = problems[0];
    if (first) throw invalid(first.message, `attendance[${first.index}].substituteForPersonId`, { reason: 'invalid_attendance', problems });

    const before = await attendees(trx, meeting);
    await replaceAttendance(
      trx,
      meeting.id,
      entries.map((e) => ({ personId: e.personId, status: e.status, substituteForPersonId: e.substituteForPersonId })),
    );
    const version = await bumpMeetingVersion(trx, meeting.id, deps.now().toISOString());
    const summary = (rows: readonly Attendance[]) =>
      rows.map((a) => ({ personId: a.personId, name: a.name, status: a.status, substituteForPersonId: a.substituteForPersonId }));
    await audit(
      trx,
      actor,
      { action: 'meeting.attendance', entityType: 'meeting', entityId: meeting.id, bodyId: meeting.bodyId, before: summary(before), after: summary(entries) },
      deps.now(),
    );
    await completeMinutesChange(trx, deps, actor, meeting, plan);
    return { version };
  });
}
