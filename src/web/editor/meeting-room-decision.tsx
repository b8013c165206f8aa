// One item's card in the meeting room: the decision with quick picks, per-item absence,
// disqualification, the vote and the minority's dissents, posted to recordDecision. A quick
// pick never replaces typed text (withQuickPick appends it). With JavaScript the picks are
// real buttons that add to the textarea when pressed (Enter or Space; nothing happens on
// focus or arrow keys: WCAG 2.1.1, 3.2.2; meeting-room-assets.ts), and the script removes the
// radio fallback, whose choice the server appends on save when there is no script.
import type { VoteChoice } from '../../domain/agenda-item.js';
import type { Attendance } from '../../domain/attendance.js';
import { decisionQuickPicks, withQuickPick } from '../../domain/decision.js';
import { DomainError } from '../../domain/errors.js';
import type { RecordDecisionInput } from '../../services/lifecycle/decisions.js';
import type { StaffItem } from '../../services/lifecycle/staff-views.js';
import { withParty } from '../portal/components.js';
import { type FieldErrors, type FormBody, HiddenCsrf, RadioGroup, Select, SubmitButton, TextArea, TextField, formInt, formText, formTexts } from './forms.js';
import { ChangeNoteField } from './meeting-room-attendance.js';
import { CheckboxGroup, FormProblem } from './meeting-room-fields.js';

export const choiceSlug: Record<VoteChoice, string> = { for: 'for', against: 'imod', abstain: 'undlod' };
const choiceLegend: Record<VoteChoice, string> = { for: 'Stemte for', against: 'Stemte imod', abstain: 'Undlod at stemme' };
const choices: VoteChoice[] = ['for', 'against', 'abstain'];

export interface DecisionDraft {
  decision: string;
  absent: string[];
  disqualified: { personId: string; reason: string }[];
  votes: Record<VoteChoice, { personIds: string[]; parties: string }>;
  dissents: { personId: string; text: string }[];
  version: number | undefined;
  changeNote: string;
}

/** Present members as the forms list them. */
export type Present = Pick<Attendance, 'personId' | 'name' | 'party'>[];

/**
 * A stored vote back into the form. Votes keep who voted as the label the minutes print
 * ("A, F, Bent Bertelsen (V)"): a part that is a present member's "name (party)" is that
 * member, anything else a party letter. Without this, saving the card again would erase the
 * vote, since recordDecision replaces the item's minutes.
 */
function voteFromLabel(label: string, present: Present): { personIds: string[]; parties: string } {
  const byLabel = new Map(present.map((m) => [withParty(m), m.personId]));
  const personIds: string[] = [];
  const parties: string[] = [];
  for (const part of label
    .split(/,\s*/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const id = byLabel.get(part);
    if (id) personIds.push(id);
    else parties.push(part);
  }
  return { personIds, parties: parties.join(', ') };
}

export function storedDecisionDraft(item: StaffItem, present: Present): DecisionDraft {
  const votes = {
    for: { personIds: [], parties: '' },
    against: { personIds: [], parties: '' },
    abstain: { personIds: [], parties: '' },
  } as DecisionDraft['votes'];
  for (const v of item.votes) votes[v.choice] = voteFromLabel(v.label, present);
  return {
    decision: item.decision ?? '',
    absent: item.absences.map((a) => a.personId).filter((id): id is string => id !== null),
    disqualified: [
      ...item.disqualifications.filter((d) => d.personId !== null).map((d) => ({ personId: d.personId!, reason: d.reason ?? '' })),
      { personId: '', reason: '' },
    ],
    votes,
    dissents: [...item.dissents.filter((d) => d.personId !== null).map((d) => ({ personId: d.personId!, text: d.text })), { personId: '', text: '' }],
    version: item.version,
    changeNote: '',
  };
}

const rows = (body: FormBody, prefix: string): number[] =>
  Object.keys(body)
    .map((k) => new RegExp(`^${prefix}-(\\d{1,3})$`).exec(k)?.[1])
    .filter((x): x is string => x !== undefined)
    .map(Number)
    .sort((a, b) => a - b);

export function postedDecisionDraft(body: FormBody): DecisionDraft {
  const pick = formText(body, 'hurtigvalg');
  const typed = formText(body, 'beslutning');
  const votes = {} as DecisionDraft['votes'];
  for (const c of choices) votes[c] = { personIds: formTexts(body, `stemme-${choiceSlug[c]}`), parties: formText(body, `partier-${choiceSlug[c]}`) };
  return {
    // A quick pick chosen without JavaScript is added after the typed text, never in its place.
    decision: (decisionQuickPicks as readonly string[]).includes(pick) ? withQuickPick(typed, pick) : typed,
    absent: formTexts(body, 'fravaer'),
    disqualified: rows(body, 'inhabil').map((k) => ({ personId: formText(body, `inhabil-${k}`), reason: formText(body, `inhabil-grund-${k}`) })),
    votes,
    dissents: rows(body, 'dissens').map((k) => ({ personId: formText(body, `dissens-${k}`), text: formText(body, `dissens-tekst-${k}`) })),
    version: formInt(body, 'version'),
    changeNote: formText(body, 'aendringsnote'),
  };
}

const idPrefix = (item: Pick<StaffItem, 'number'>) => `p${item.number.replace(/[^\w-]/g, '_')}`;

/** The service's input from the draft, and the card's field id for each `where` it may name. */
export function decisionInput(
  item: Pick<StaffItem, 'number'>,
  draft: DecisionDraft,
): { input: RecordDecisionInput; fieldOf: (where: string) => string | undefined } {
  const p = idPrefix(item);
  const disqRows: number[] = [];
  const disqualified = draft.disqualified.flatMap((d, k) => {
    if (d.personId === '' && d.reason.trim() === '') return [];
    if (d.personId === '') throw new DomainError('invalid_input', 'Vælg det inhabile medlem', `${p}-inhabil-${k}`);
    disqRows.push(k);
    return [{ personId: d.personId, reason: d.reason }];
  });
  const dissentRows: number[] = [];
  const dissents = draft.dissents.flatMap((d, k) => {
    if (d.personId === '' && d.text.trim() === '') return [];
    if (d.personId === '') throw new DomainError('invalid_input', 'Vælg medlemmet, der ønsker protokoltilførsel', `${p}-dissens-${k}`);
    dissentRows.push(k);
    return [{ personId: d.personId, text: d.text }];
  });
  const voteChoices: VoteChoice[] = [];
  const votes = choices.flatMap((choice) => {
    const v = draft.votes[choice];
    const parties = v.parties
      .split(/[,;\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (v.personIds.length === 0 && parties.length === 0) return [];
    voteChoices.push(choice);
    return [{ choice, personIds: v.personIds, parties }];
  });
  const fieldOf = (where: string): string | undefined => {
    if (where === 'decision') return `${p}-beslutning`;
    if (where === 'changeNote') return `${p}-aendringsnote`;
    if (where.startsWith(`${p}-`)) return where;
    let m = /^absent\[\d+\]/.exec(where);
    if (m) return `${p}-fravaer`;
    m = /^disqualified\[(\d+)\]/.exec(where);
    if (m) return `${p}-inhabil-${disqRows[Number(m[1])] ?? 0}`;
    m = /^dissents\[(\d+)\]/.exec(where);
    if (m) return `${p}-dissens-${dissentRows[Number(m[1])] ?? 0}`;
    m = /^votes\[(\d+)\](\.parties)?/.exec(where);
    if (m) {
      const slug = choiceSlug[voteChoices[Number(m[1])] ?? 'for'];
      return m[2] ? `${p}-partier-${slug}` : `${p}-${slug}`;
    }
    return undefined;
  };
  return {
    input: {
      decision: draft.decision,
      absent: draft.absent,
      disqualified,
      dissents,
      votes,
      ...(draft.version !== undefined ? { version: draft.version } : {}),
      ...(draft.changeNote.trim() !== '' ? { changeNote: draft.changeNote } : {}),
    },
    fieldOf,
  };
}

export interface DecisionCardProps {
  item: StaffItem;
  action: string;
  csrf: string;
  draft: DecisionDraft;
  present: Present;
  errors: FieldErrors;
  /** A problem with the save as a whole (stale version, wrong state). */
  problem?: string | undefined;
  /** On a stale save: the decision someone else saved meanwhile (theirs is kept too). */
  theirs?: string | null | undefined;
  needsChangeNote: boolean;
  nextAnchor: string | null;
}

export function DecisionForm(props: DecisionCardProps) {
  const { item, draft, present, errors } = props;
  const p = idPrefix(item);
  const memberOptions = present.map((m) => ({ value: m.personId, label: withParty(m) }));
  const hasVote = choices.some((c) => draft.votes[c].personIds.length > 0 || draft.votes[c].parties.trim() !== '');
  const voteError = choices.some((c) => errors[`${p}-${choiceSlug[c]}`] ?? errors[`${p}-partier-${choiceSlug[c]}`]);
  const dissentError = draft.dissents.some((_, k) => errors[`${p}-dissens-${k}`]);
  const disqError = draft.disqualified.some((_, k) => errors[`${p}-inhabil-${k}`]);
  return (
    <form method="post" action={props.action} class="decision-form" novalidate>
      <HiddenCsrf token={props.csrf} />
      {draft.version !== undefined ? <input type="hidden" name="version" value={String(draft.version)} /> : null}
      <FormProblem id={`${p}-problem`} text={props.problem}>
        {props.theirs !== undefined ? (
          <p class="alert-text">
            Den gemte beslutning er nu: <strong>{props.theirs ?? '(ingen)'}</strong>. Din tekst står stadig i feltet; gem igen for at erstatte den.
          </p>
        ) : null}
      </FormProblem>
      <QuickPickButtons prefix={p} />
      <div class="quick-pick-fallback">
        <RadioGroup
          id={`${p}-hurtigvalg`}
          name="hurtigvalg"
          label="Hurtigvalg"
          hint="Et hurtigvalg tilføjes efter teksten i beslutningsfeltet, når du gemmer. Din tekst bliver stående."
          value=""
          options={[{ value: '', label: 'Intet hurtigvalg' }, ...decisionQuickPicks.map((q) => ({ value: q, label: q }))]}
        />
      </div>
      <TextArea id={`${p}-beslutning`} name="beslutning" label="Beslutning" rows={4} value={draft.decision} error={errors[`${p}-beslutning`]} />
      {present.length > 0 ? (
        <CheckboxGroup
          id={`${p}-fravaer`}
          name="fravaer"
          legend="Deltog ikke i behandlingen af punktet"
          hint="Medlemmer, der var til stede på mødet, men ikke under dette punkt."
          options={memberOptions}
          checked={draft.absent}
          error={errors[`${p}-fravaer`]}
        />
      ) : (
        <p class="form-hint">Registrér fremmødet for at kunne angive fravær, inhabilitet, afstemning og protokoltilførsler.</p>
      )}
      {present.length > 0 ? (
        <>
          <details class="room-details" {...(draft.disqualified.some((d) => d.personId !== '') || disqError ? { open: true } : {})}>
            <summary>Inhabilitet</summary>
            {draft.disqualified.map((d, k) => (
              <div class="pair-row">
                <Select
                  id={`${p}-inhabil-${k}`}
                  name={`inhabil-${k}`}
                  label="Inhabilt medlem"
                  optional
                  options={memberOptions}
                  value={d.personId}
                  placeholder="Ingen"
                  error={errors[`${p}-inhabil-${k}`]}
                />
                <TextField id={`${p}-inhabil-grund-${k}`} name={`inhabil-grund-${k}`} label="Begrundelse" optional value={d.reason} />
              </div>
            ))}
          </details>
          <details class="room-details" {...(hasVote || voteError ? { open: true } : {})}>
            <summary>Afstemning</summary>
            <p class="form-hint">Kun hvis der var afstemning. Angiv medlemmer eller partiernes bogstaver (fx "A, F").</p>
            {choices.map((c) => (
              <div class="vote-choice">
                <CheckboxGroup
                  id={`${p}-${choiceSlug[c]}`}
                  name={`stemme-${choiceSlug[c]}`}
                  legend={choiceLegend[c]}
                  options={memberOptions}
                  checked={draft.votes[c].personIds}
                  error={errors[`${p}-${choiceSlug[c]}`]}
                />
                <TextField
                  id={`${p}-partier-${choiceSlug[c]}`}
                  name={`partier-${choiceSlug[c]}`}
                  label={`Partier, der ${choiceLegend[c].toLocaleLowerCase('da-DK')}`}
                  optional
                  inputClass="input-width-s"
                  value={draft.votes[c].parties}
                  error={errors[`${p}-partier-${choiceSlug[c]}`]}
                />
              </div>
            ))}
          </details>
          <details class="room-details" {...(draft.dissents.some((d) => d.personId !== '') || dissentError ? { open: true } : {})}>
            <summary>Protokoltilførsel (mindretalsudtalelse)</summary>
            <p class="form-hint">Kun for medlemmer, der stemte imod flertallet.</p>
            {draft.dissents.map((d, k) => (
              <div class="pair-row">
                <Select
                  id={`${p}-dissens-${k}`}
                  name={`dissens-${k}`}
                  label="Medlem"
                  optional
                  options={memberOptions}
                  value={d.personId}
                  placeholder="Ingen"
                  error={errors[`${p}-dissens-${k}`]}
                />
                <TextField id={`${p}-dissens-tekst-${k}`} name={`dissens-tekst-${k}`} label="Udtalelse" optional value={d.text} />
              </div>
            ))}
          </details>
        </>
      ) : null}
      {props.needsChangeNote ? <ChangeNoteField id={`${p}-aendringsnote`} value={draft.changeNote} error={errors[`${p}-aendringsnote`]} /> : null}
      <div class="actions">
        <SubmitButton id={`${p}-gem`} label="Gem beslutning" />
        {props.nextAnchor !== null ? <SubmitButton label="Gem og gå til næste punkt" variant="secondary" name="naeste" value="1" /> : null}
      </div>
    </form>
  );
}

/**
 * The quick picks as buttons, hidden until the meeting room's script shows them (without it
 * they would do nothing). type="button": never the form's default button, so Enter in a
 * text field still saves the form rather than choosing a pick.
 */
function QuickPickButtons(props: { prefix: string }) {
  const id = `${props.prefix}-hurtigvalg-knapper`;
  return (
    <div
      class="form-group quick-picks"
      role="group"
      aria-labelledby={`${id}-label`}
      aria-describedby={`${id}-hint`}
      data-quick-picks={`${props.prefix}-beslutning`}
      hidden
    >
      <p class="form-label" id={`${id}-label`}>
        Hurtigvalg
      </p>
      <p class="form-hint" id={`${id}-hint`}>
        Tilføjer teksten i beslutningsfeltet efter det, der står der.
      </p>
      <ul class="quick-pick-list">
        {decisionQuickPicks.map((q) => (
          <li>
            <button type="button" class="button button-secondary" data-quick-pick={q}>
              {q}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
