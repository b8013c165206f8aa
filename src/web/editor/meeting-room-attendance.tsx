// The meeting room's attendance form (fremmøde): every seat holder present or absent, and
// substitutes ("deltog som suppleant for …") chosen from the committee's suppleanter and the
// municipality's other people. Posted as one form; recordAttendance replaces the list.
import type { Attendance } from '../../domain/attendance.js';
import { DomainError } from '../../domain/errors.js';
import { membershipRoleLabel } from '../../domain/organization.js';
import type { MeetingRoomPeople } from '../../services/lifecycle/meeting-room-views.js';
import type { AttendanceEntry } from '../../services/lifecycle/attendance.js';
import { withParty } from '../portal/components.js';
import { type FieldErrors, type FormBody, HiddenCsrf, RadioGroup, Select, SubmitButton, formInt, formText } from './forms.js';
import { FormProblem } from './meeting-room-fields.js';

export interface AttendanceRow {
  personId: string;
  label: string;
  status: 'present' | 'absent';
}

export interface AttendanceDraft {
  rows: AttendanceRow[];
  /** Substitute rows, blanks included (personId '' = not filled in). */
  substitutes: { personId: string; forPersonId: string }[];
  version: number | undefined;
  changeNote: string;
}

const seatLabel = (s: { name: string; party: string | null; role?: keyof typeof membershipRoleLabel }) =>
  s.role && s.role !== 'medlem' ? `${withParty(s)}, ${membershipRoleLabel[s.role].toLocaleLowerCase('da-DK')}` : withParty(s);

/** The form as the stored attendance fills it; with no attendance yet everyone is present. */
export function storedAttendanceDraft(people: MeetingRoomPeople, attendance: readonly Attendance[], version: number): AttendanceDraft {
  const stored = new Map(attendance.map((a) => [a.personId, a]));
  const rows: AttendanceRow[] = people.seats.map((s) => ({ personId: s.personId, label: seatLabel(s), status: stored.get(s.personId)?.status ?? 'present' }));
  const seated = new Set(rows.map((r) => r.personId));
  // Someone recorded earlier who holds no seat now (imported minutes, a changed membership).
  for (const a of attendance) {
    if (!seated.has(a.personId) && a.substituteForPersonId === null) rows.push({ personId: a.personId, label: withParty(a), status: a.status });
  }
  const substitutes = attendance.filter((a) => a.substituteForPersonId !== null).map((a) => ({ personId: a.personId, forPersonId: a.substituteForPersonId! }));
  return { rows, substitutes: [...substitutes, { personId: '', forPersonId: '' }], version, changeNote: '' };
}

/** The posted form, as the draft to show again on an error. */
export function postedAttendanceDraft(body: FormBody, people: MeetingRoomPeople): AttendanceDraft {
  const label = new Map(people.seats.map((s) => [s.personId, seatLabel(s)]));
  const rowCount = Math.min(formInt(body, 'raekker') ?? 0, 500);
  const rows: AttendanceRow[] = [];
  for (let i = 0; i < rowCount; i++) {
    const personId = formText(body, `person-${i}`);
    if (personId === '') continue;
    rows.push({
      personId,
      label: formText(body, `navn-${i}`) || label.get(personId) || personId,
      status: formText(body, `fremmoede-${i}`) === 'absent' ? 'absent' : 'present',
    });
  }
  const subCount = Math.min(formInt(body, 'suppleanter') ?? 0, 100);
  const substitutes = [];
  for (let j = 0; j < subCount; j++) substitutes.push({ personId: formText(body, `suppleant-${j}`), forPersonId: formText(body, `suppleant-for-${j}`) });
  return { rows, substitutes, version: formInt(body, 'version'), changeNote: formText(body, 'aendringsnote') };
}

/** The service's list, and the field id of each entry (for its errors). */
export function attendanceEntries(draft: AttendanceDraft): { entries: AttendanceEntry[]; fieldOf: (where: string) => string | undefined } {
  const entries: AttendanceEntry[] = draft.rows.map((r) => ({ personId: r.personId, status: r.status }));
  const ids: { person: string; seat: string }[] = draft.rows.map((_, i) => ({ person: `fremmoede-${i}`, seat: `fremmoede-${i}` }));
  draft.substitutes.forEach((s, j) => {
    if (s.personId === '' && s.forPersonId === '') return;
    if (s.personId === '') throw new DomainError('invalid_input', 'Vælg suppleanten', `suppleant-${j}`);
    entries.push({ personId: s.personId, status: 'present', substituteForPersonId: s.forPersonId === '' ? null : s.forPersonId });
    ids.push({ person: `suppleant-${j}`, seat: `suppleant-for-${j}` });
  });
  const fieldOf = (where: string): string | undefined => {
    const m = /^attendance\[(\d+)\]\.(\w+)/.exec(where);
    if (m) {
      const id = ids[Number(m[1])];
      return m[2] === 'substituteForPersonId' ? id?.seat : id?.person;
    }
    if (where === 'changeNote') return 'fremmoede-aendringsnote';
    if (/^suppleant-\d+$/.test(where)) return where;
    return undefined;
  };
  return { entries, fieldOf };
}

export function AttendanceForm(props: {
  action: string;
  csrf: string;
  draft: AttendanceDraft;
  people: MeetingRoomPeople;
  errors: FieldErrors;
  problem?: string | undefined;
  /** After the minutes are published a change is a correction with a note. */
  needsChangeNote: boolean;
}) {
  const { draft, people, errors } = props;
  const subOptions = people.substitutes.map((p) => ({ value: p.personId, label: p.suppleant ? `${withParty(p)}, suppleant` : p.name }));
  // A stored substitute who is no longer among the choices stays selectable.
  for (const s of draft.substitutes) {
    if (s.personId !== '' && !subOptions.some((o) => o.value === s.personId)) subOptions.push({ value: s.personId, label: s.personId });
  }
  const seatOptions = draft.rows.map((r) => ({ value: r.personId, label: r.label }));
  return (
    <form method="post" action={props.action} class="attendance-form" novalidate>
      <HiddenCsrf token={props.csrf} />
      {draft.version !== undefined ? <input type="hidden" name="version" value={String(draft.version)} /> : null}
      <input type="hidden" name="raekker" value={String(draft.rows.length)} />
      <input type="hidden" name="suppleanter" value={String(draft.substitutes.length)} />
      <FormProblem id="fremmoede-problem" text={props.problem} />
      {draft.rows.length === 0 ? <p>Udvalget har ingen medlemmer registreret på mødets dato. Tilføj deltagerne som suppleanter nedenfor.</p> : null}
      <div class="attendance-rows">
        {draft.rows.map((r, i) => (
          <div class="attendance-row">
            <input type="hidden" name={`person-${i}`} value={r.personId} />
            <input type="hidden" name={`navn-${i}`} value={r.label} />
            <RadioGroup
              id={`fremmoede-${i}`}
              label={r.label}
              value={r.status}
              error={errors[`fremmoede-${i}`]}
              options={[
                { value: 'present', label: 'Til stede' },
                { value: 'absent', label: 'Fraværende (afbud)' },
              ]}
            />
          </div>
        ))}
      </div>
      <h3 class="h4">Suppleanter</h3>
      <p class="form-hint">Vælg suppleanten og det fraværende medlem, hvis plads suppleanten tog. Medlemmet skal være markeret fraværende.</p>
      {draft.substitutes.map((s, j) => (
        <div class="substitute-row">
          <Select
            id={`suppleant-${j}`}
            label={`Suppleant ${j + 1}`}
            optional
            options={subOptions}
            value={s.personId}
            placeholder="Ingen"
            error={errors[`suppleant-${j}`]}
          />
          <Select
            id={`suppleant-for-${j}`}
            label={`Suppleant ${j + 1} deltog som suppleant for`}
            optional
            options={seatOptions}
            value={s.forPersonId}
            placeholder="Vælg medlem"
            error={errors[`suppleant-for-${j}`]}
          />
        </div>
      ))}
      {props.needsChangeNote ? <ChangeNoteField id="fremmoede-aendringsnote" value={draft.changeNote} error={errors['fremmoede-aendringsnote']} /> : null}
      <SubmitButton id="fremmoede-gem" label="Gem fremmøde" />
    </form>
  );
}

/** "Ændringsnote": required for every change once the minutes are published. */
export function ChangeNoteField(props: { id: string; value: string; error: string | undefined }) {
  const errorId = `${props.id}-error`;
  return (
    <div class={props.error ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for={props.id}>
        Ændringsnote
      </label>
      <span class="form-hint" id={`${props.id}-hint`}>
        Referatet er offentliggjort. Beskriv rettelsen; den vises i referatets versionshistorik.
      </span>
      {props.error ? (
        <span class="form-error-message" id={errorId}>
          <span class="sr-only">Fejl: </span>
          {props.error}
        </span>
      ) : null}
      <input
        class="form-input"
        type="text"
        id={props.id}
        name="aendringsnote"
        value={props.value}
        aria-describedby={props.error ? `${props.id}-hint ${errorId}` : `${props.id}-hint`}
        {...(props.error ? { 'aria-invalid': 'true' } : {})}
      />
    </div>
  );
}
