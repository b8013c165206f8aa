// "Send sagen videre": an item whose case another body decides (fagudvalg → Økonomiudvalget →
// Kommunalbestyrelsen) goes onto that body's coming meeting through forwardCase.
import { formatDate } from '../../render/format.js';
import type { ForwardTargets } from '../../services/lifecycle/meeting-room-views.js';
import type { StaffItem } from '../../services/lifecycle/staff-views.js';
import { type FieldErrors, HiddenCsrf, Select, SubmitButton } from './forms.js';
import { FormProblem } from './meeting-room-fields.js';

export interface ForwardDraft {
  organizationId: string;
  meetingId: string;
}

const normal = (s: string) => s.toLocaleLowerCase('da-DK');

/** The body the item's "Beslutningskompetence" names, to preselect it. */
export function suggestedBody(item: StaffItem, targets: ForwardTargets): string {
  const competence = item.sections.find((s) => s.kind === 'competence')?.text ?? '';
  if (competence.trim() === '') return '';
  const c = normal(competence);
  const named = targets.organizations.find((o) => c.includes(normal(o.name)));
  if (named) return named.id;
  if (/kommunalbestyrelse|byråd/.test(c)) return targets.organizations.find((o) => o.kind === 'council')?.id ?? '';
  if (/økonomiudvalg/.test(c)) return targets.organizations.find((o) => o.kind === 'finance_committee')?.id ?? '';
  return '';
}

export const forwardFieldOf =
  (prefix: string) =>
  (where: string): string | undefined =>
    where === 'organizationId' ? `${prefix}-videre-organ` : where === 'meetingId' ? `${prefix}-videre-moede` : undefined;

export function ForwardForm(props: {
  prefix: string;
  item: StaffItem;
  action: string;
  csrf: string;
  targets: ForwardTargets;
  draft: ForwardDraft;
  errors: FieldErrors;
  problem?: string | undefined;
}) {
  const { prefix: p, targets } = props;
  const competence = props.item.sections.find((s) => s.kind === 'competence')?.text.trim();
  return (
    <details
      class="room-details"
      {...(props.problem !== undefined || Object.keys(props.errors).some((k) => k.startsWith(`${p}-videre`)) ? { open: true } : {})}
    >
      <summary>Send sagen videre</summary>
      <form method="post" action={props.action} novalidate>
        <HiddenCsrf token={props.csrf} />
        <FormProblem id={`${p}-videre-problem`} text={props.problem} />
        {competence ? <p>Beslutningskompetence: {competence}</p> : null}
        <Select
          id={`${p}-videre-organ`}
          name="organ"
          label="Send til"
          options={targets.organizations.map((o) => ({ value: o.id, label: o.name }))}
          value={props.draft.organizationId}
          placeholder="Vælg udvalg"
          error={props.errors[`${p}-videre-organ`]}
        />
        <Select
          id={`${p}-videre-moede`}
          name="moede"
          label="Møde"
          hint="Uden valg kommer sagen på udvalgets næste møde."
          optional
          options={targets.meetings.map((m) => ({ value: m.id, label: `${m.organizationName}, ${formatDate(m.date)}` }))}
          value={props.draft.meetingId}
          placeholder="Udvalgets næste møde"
          error={props.errors[`${p}-videre-moede`]}
        />
        <SubmitButton id={`${p}-videre-gem`} label="Send sagen videre" variant="secondary" />
      </form>
    </details>
  );
}
