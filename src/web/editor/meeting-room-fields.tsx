// Small form pieces of the meeting room and the members' screens that forms.tsx does not
// have: a group of checkboxes in a fieldset (per-item absence, votes by member), and the
// paths of these screens.
import { formatInstant } from '../../render/format.js';
import type { Child } from 'hono/jsx';

export const roomPath = (meetingId: string): string => `/redigering/moeder/${encodeURIComponent(meetingId)}/moedet`;
export const approvalsPath = (meetingId: string): string => `/redigering/moeder/${encodeURIComponent(meetingId)}/godkendelse`;
export const meetingEditorPath = (meetingId: string): string => `/redigering/moeder/${encodeURIComponent(meetingId)}`;
export const memberMeetingPath = (meetingId: string): string => `/medlem/moeder/${encodeURIComponent(meetingId)}`;
/** The anchor of an item's card on the meeting-room and member pages. */
export const itemAnchor = (itemId: string): string => `punkt-${itemId}`;

/**
 * Checkboxes sharing one name in a fieldset with a legend (DKFDS pattern). Option i has id
 * `${id}-${i}`; the first carries `id` itself so an error summary link `#id` reaches the
 * group, and the error is shown under the legend.
 */
export function CheckboxGroup(props: {
  id: string;
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  options: readonly { value: string; label: string }[];
  checked: readonly string[];
  class?: string;
}) {
  const described = [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null].filter((x): x is string => x !== null);
  return (
    <div class={['form-group', props.error ? 'form-error' : '', props.class ?? ''].filter(Boolean).join(' ')}>
      <fieldset {...(described.length > 0 ? { 'aria-describedby': described.join(' ') } : {})}>
        <legend class="form-label">{props.legend}</legend>
        {props.hint ? (
          <span class="form-hint" id={`${props.id}-hint`}>
            {props.hint}
          </span>
        ) : null}
        {props.error ? (
          <span class="form-error-message" id={`${props.id}-error`}>
            <span class="sr-only">Fejl: </span>
            {props.error}
          </span>
        ) : null}
        {props.options.map((o, i) => {
          const id = i === 0 ? props.id : `${props.id}-${i}`;
          return (
            <div class="form-group-checkbox">
              <input
                type="checkbox"
                class="form-checkbox"
                id={id}
                name={props.name}
                value={o.value}
                {...(props.checked.includes(o.value) ? { checked: true } : {})}
              />
              <label class="form-label" for={id}>
                {o.label}
              </label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

/** A problem with the card or form as a whole, shown at its top (the summary links here). */
export function FormProblem(props: { id: string; text: string | undefined; children?: Child }) {
  if (props.text === undefined) return null;
  return (
    <div class="alert alert-error mt-0" id={props.id} tabindex={-1}>
      <div class="alert-body">
        <p class="alert-text">
          <span class="sr-only">Fejl: </span>
          {props.text}
        </p>
        {props.children}
      </div>
    </div>
  );
}

/** "23. november 2026 kl. 10.15", Danish time, for approvals and versions. */
export const formatMoment = formatInstant;
