// Parts of the approvals screen (/redigering/moeder/:id/godkendelse): the approvals given
// (with how and by whom an approval recorded on a member's behalf was registered), the form
// that records one (på mødet / på papir / mundtligt), and the members' objections.
import { z } from 'zod';
import { type ApprovalStatus, approvalMannerLabel, approvalManners } from '../../domain/approval.js';
import { staffApprovalLine } from '../../render/approval-text.js';
import type { Objection } from '../../services/lifecycle/approvals.js';
import { type FieldError, type FormBody, HiddenCsrf, RadioGroup, Select, SubmitButton, checkForm, errorsByField, formText } from './forms.js';
import { approvalsPath, formatMoment } from './meeting-room-fields.js';

const roleText = { member: 'Medlem', chair: 'Formand', secretary: 'Sekretariatet' } as const;

export const ON_BEHALF_PERSON = 'paa-vegne-person';
export const ON_BEHALF_HOW = 'paa-vegne-maade';

const onBehalfSchema = z.object({
  personId: z.string().min(1, 'Vælg den deltager, der har godkendt referatet'),
  givenHow: z.enum(approvalManners, { message: 'Vælg, hvordan medlemmet godkendte: på mødet, på papir eller mundtligt' }),
});

/** The on-behalf form's values, or its problems as field errors. */
export function readOnBehalfForm(body: FormBody) {
  return checkForm(onBehalfSchema, { personId: formText(body, 'personId'), givenHow: formText(body, 'givenHow') }, (p) =>
    p === 'personId' ? ON_BEHALF_PERSON : ON_BEHALF_HOW,
  );
}

/** The service's field name → the form's input id. */
export const onBehalfField = (field: string | undefined): string => (field === 'personId' ? ON_BEHALF_PERSON : ON_BEHALF_HOW);

export function ApprovedTable(props: { status: ApprovalStatus }) {
  return (
    <div class="table-wrap">
      <table class="table approval-table">
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">Rolle</th>
            <th scope="col">Godkendt</th>
            <th scope="col">Godkendt af</th>
          </tr>
        </thead>
        <tbody>
          {props.status.approved.map((a) => (
            <tr>
              <td>{a.name}</td>
              <td>{roleText[a.role]}</td>
              <td>{formatMoment(a.approvedAt)}</td>
              <td>{a.givenHow ? staffApprovalLine(a) : a.by}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OnBehalfForm(props: {
  meetingId: string;
  csrf: string;
  status: ApprovalStatus;
  errors?: readonly FieldError[] | undefined;
  values?: { personId: string; givenHow: string } | undefined;
}) {
  // Only those who approve under the rule and have not yet: attending members, or the chair.
  const candidates = props.status.missing.filter((m) => m.role !== 'secretary' && m.personId !== null);
  if (candidates.length === 0) return null;
  const errors = errorsByField(props.errors ?? []);
  return (
    <form method="post" action={`${approvalsPath(props.meetingId)}/paa-vegne`} class="on-behalf" novalidate>
      <HiddenCsrf token={props.csrf} />
      <h3>Registrér en godkendelse på et medlems vegne</h3>
      <p>Når et medlem har godkendt referatet på mødet, på papir eller mundtligt, registrerer sekretariatet det her. Det fremgår, hvem der registrerede det.</p>
      <Select
        id={ON_BEHALF_PERSON}
        name="personId"
        label="Deltager"
        placeholder="Vælg deltager"
        options={candidates.map((m) => ({ value: m.personId ?? '', label: m.name }))}
        value={props.values?.personId ?? ''}
        error={errors[ON_BEHALF_PERSON]}
      />
      <RadioGroup
        id={ON_BEHALF_HOW}
        name="givenHow"
        label="Hvordan godkendte medlemmet?"
        options={approvalManners.map((m) => ({ value: m, label: approvalMannerLabel[m].replace(/^./, (c) => c.toLocaleUpperCase('da-DK')) }))}
        value={props.values?.givenHow ?? ''}
        error={errors[ON_BEHALF_HOW]}
      />
      <SubmitButton id="paa-vegne" label="Registrér godkendelse" variant="secondary" />
    </form>
  );
}

export function ObjectionsList(props: { objections: readonly Objection[] }) {
  return (
    <>
      <h2>Indsigelser</h2>
      {props.objections.length === 0 ? (
        <p>Ingen medlemmer har gjort indsigelse mod referatet.</p>
      ) : (
        <ul class="objection-list">
          {props.objections.map((o) => (
            <li>
              <strong>{o.name}</strong>
              {` (${formatMoment(o.createdAt)}, version ${o.minutesVersion}): ${o.comment}`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
