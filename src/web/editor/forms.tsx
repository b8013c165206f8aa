// Form components in Det Fælles Designsystem's pattern (node_modules/dkfds/src/components/form):
// label, optional hint, the error message right above the field, the field marked
// aria-invalid and described by hint and error; and an error summary at the top of the page
// (role="alert") whose every entry links to its field. Fields keep what the user typed:
// pages pass the submitted values back in on a failed save.
import type { Child } from 'hono/jsx';
import type { z } from 'zod';
import { DomainError } from '../../domain/errors.js';

/** One problem with one field; `field` is the input's id (the summary links to `#field`). */
export interface FieldError {
  field: string;
  text: string;
}

/** Field id → message, for the components' `error` prop. */
export type FieldErrors = Record<string, string>;

export const errorsByField = (errors: readonly FieldError[]): FieldErrors => {
  const out: FieldErrors = {};
  for (const e of errors) if (!(e.field in out)) out[e.field] = e.text;
  return out;
};

/**
 * A service's refusal as field errors. `where` is the service's name for the field
 * ("title", "sections[2].text", "changeNote"); `fieldIds` maps it to the input's id on this
 * page (a function for indexed names). A `where` the page has no field for (or none) comes
 * back as a page-level problem: `field` is then `fallbackField` (e.g. the submit button).
 */
export function domainFieldErrors(
  error: DomainError,
  fieldIds: Record<string, string> | ((where: string) => string | undefined),
  fallbackField: string,
): FieldError[] {
  const where = error.where;
  const id = where === undefined ? undefined : typeof fieldIds === 'function' ? fieldIds(where) : fieldIds[where];
  return [{ field: id ?? fallbackField, text: error.message }];
}

/** True for the refusals a form shows at its fields (the rest go to the error page). */
export const isFormError = (e: unknown): e is DomainError =>
  e instanceof DomainError && (e.code === 'invalid_input' || e.code === 'conflict' || e.code === 'invalid_transition');

export function ErrorSummary(props: { errors: readonly FieldError[]; heading?: string; children?: Child }) {
  if (props.errors.length === 0 && !props.children) return null;
  return (
    <div class="alert alert-error error-summary" role="alert" aria-labelledby="fejlopsummering-overskrift">
      <div class="alert-body">
        <h2 class="alert-heading" id="fejlopsummering-overskrift">
          {props.heading ?? 'Der er problemer i formularen'}
        </h2>
        {props.errors.length > 0 ? (
          <ul class="alert-text nobullet-list">
            {props.errors.map((e) => (
              <li>
                <a href={`#${e.field}`}>{e.text}</a>
              </li>
            ))}
          </ul>
        ) : null}
        {props.children}
      </div>
    </div>
  );
}

interface FieldBase {
  id: string;
  /** Defaults to the id. */
  name?: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  /** Adds "(frivilligt)" to the label. */
  optional?: boolean;
}

const hintId = (id: string) => `${id}-hint`;
const errorId = (id: string) => `${id}-error`;

/** aria-describedby and aria-invalid for a field with this hint and error. */
function described(p: FieldBase): Record<string, string> {
  const ids = [p.hint ? hintId(p.id) : null, p.error ? errorId(p.id) : null].filter((x): x is string => x !== null);
  return {
    ...(ids.length > 0 ? { 'aria-describedby': ids.join(' ') } : {}),
    ...(p.error ? { 'aria-invalid': 'true' } : {}),
  };
}

function Label(p: FieldBase) {
  return (
    <label class="form-label" for={p.id}>
      {p.label}
      {p.optional ? <span class="weight-normal"> (frivilligt)</span> : null}
    </label>
  );
}

function HintAndError(p: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {p.hint ? (
        <span class="form-hint" id={hintId(p.id)}>
          {p.hint}
        </span>
      ) : null}
      {p.error ? (
        <span class="form-error-message" id={errorId(p.id)}>
          <span class="sr-only">Fejl: </span>
          {p.error}
        </span>
      ) : null}
    </>
  );
}

const groupClass = (error: string | undefined, extra?: string) => ['form-group', error ? 'form-error' : '', extra ?? ''].filter(Boolean).join(' ');

export function TextField(
  props: FieldBase & {
    value?: string;
    type?: 'text' | 'email' | 'time' | 'number' | 'url' | 'date';
    autocomplete?: string;
    inputClass?: string;
    min?: number;
    max?: number;
  },
) {
  return (
    <div class={groupClass(props.error)}>
      <Label {...props} />
      <HintAndError id={props.id} hint={props.hint} error={props.error} />
      <input
        class={props.inputClass ? `form-input ${props.inputClass}` : 'form-input'}
        type={props.type ?? 'text'}
        id={props.id}
        name={props.name ?? props.id}
        value={props.value ?? ''}
        {...(props.required ? { required: true } : {})}
        {...(props.autocomplete ? { autocomplete: props.autocomplete } : {})}
        {...(props.min !== undefined ? { min: String(props.min) } : {})}
        {...(props.max !== undefined ? { max: String(props.max) } : {})}
        {...described(props)}
      />
    </div>
  );
}

export function TextArea(props: FieldBase & { value?: string; rows?: number; richText?: boolean; inputClass?: string }) {
  return (
    <div class={groupClass(props.error, props.richText ? 'rich-text' : undefined)}>
      <Label {...props} />
      <HintAndError id={props.id} hint={props.hint} error={props.error} />
      <textarea
        class={props.inputClass ? `form-input ${props.inputClass}` : 'form-input'}
        id={props.id}
        name={props.name ?? props.id}
        rows={props.rows ?? 5}
        {...(props.required ? { required: true } : {})}
        {...(props.richText ? { 'data-rich-text': '' } : {})}
        {...described(props)}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function Select(props: FieldBase & { options: readonly Option[]; value?: string; placeholder?: string }) {
  return (
    <div class={groupClass(props.error)}>
      <Label {...props} />
      <HintAndError id={props.id} hint={props.hint} error={props.error} />
      <select class="form-select" id={props.id} name={props.name ?? props.id} {...(props.required ? { required: true } : {})} {...described(props)}>
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} {...(o.value === props.value ? { selected: true } : {})}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A single checkbox; posts `value` (default "ja") when checked, nothing otherwise. */
export function Checkbox(props: FieldBase & { checked?: boolean; value?: string }) {
  return (
    <div class={groupClass(props.error)}>
      <HintAndError id={props.id} hint={props.hint} error={props.error} />
      <div class="form-group-checkbox">
        <input
          type="checkbox"
          class="form-checkbox"
          id={props.id}
          name={props.name ?? props.id}
          value={props.value ?? 'ja'}
          {...(props.checked ? { checked: true } : {})}
          {...described(props)}
        />
        <label class="form-label" for={props.id}>
          {props.label}
        </label>
      </div>
    </div>
  );
}

/**
 * Radio buttons in a fieldset with a legend. Option i has id `${id}-${i+1}`; the group's id
 * (`id`) is on the first option, so an error summary link `#id` reaches the group.
 */
export function RadioGroup(props: FieldBase & { options: readonly (Option & { hint?: string })[]; value?: string }) {
  const name = props.name ?? props.id;
  const ids = [props.hint ? hintId(props.id) : null, props.error ? errorId(props.id) : null].filter((x): x is string => x !== null);
  return (
    <div class={groupClass(props.error)}>
      <fieldset {...(ids.length > 0 ? { 'aria-describedby': ids.join(' ') } : {})}>
        <legend class="form-label">{props.label}</legend>
        <HintAndError id={props.id} hint={props.hint} error={props.error} />
        {props.options.map((o, i) => {
          const optionId = i === 0 ? props.id : `${props.id}-${i + 1}`;
          return (
            <div class="form-group-radio">
              <input
                type="radio"
                class="form-radio"
                id={optionId}
                name={name}
                value={o.value}
                {...(o.value === props.value ? { checked: true } : {})}
                {...(o.hint ? { 'aria-describedby': hintId(optionId) } : {})}
              />
              <label class="form-label" for={optionId}>
                {o.label}
              </label>
              {o.hint ? (
                <span class="form-hint" id={hintId(optionId)}>
                  {o.hint}
                </span>
              ) : null}
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

/** A date as one native date input (yyyy-mm-dd; browsers without a picker take the text). */
export function DateField(props: FieldBase & { value?: string }) {
  return (
    <TextField
      {...props}
      hint={props.hint ?? 'Skriv datoen som åååå-mm-dd, fx 2025-03-04.'}
      inputClass="input-width-s"
      // The native picker; its value is yyyy-mm-dd, which is also what the services take.
      type="date"
    />
  );
}

export function HiddenCsrf(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

export function SubmitButton(props: { label: string; variant?: 'primary' | 'secondary' | 'tertiary' | 'warning'; id?: string; name?: string; value?: string }) {
  return (
    <button
      type="submit"
      class={`button button-${props.variant ?? 'primary'}`}
      {...(props.id ? { id: props.id } : {})}
      {...(props.name ? { name: props.name } : {})}
      {...(props.value !== undefined ? { value: props.value } : {})}
    >
      {props.label}
    </button>
  );
}

/**
 * A one-button form (reorder, delete, publish, toggle): the CSRF token, hidden fields and a
 * button. `label` may carry a visually hidden suffix for screen readers ("Flyt op: punkt 3").
 */
export function ActionForm(props: {
  action: string;
  csrf: string;
  label: string;
  srSuffix?: string;
  hidden?: Record<string, string | number>;
  variant?: 'primary' | 'secondary' | 'tertiary' | 'warning';
  class?: string;
  children?: Child;
}) {
  return (
    <form method="post" action={props.action} class={props.class ? `action-form ${props.class}` : 'action-form'}>
      <HiddenCsrf token={props.csrf} />
      {Object.entries(props.hidden ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={String(v)} />
      ))}
      {props.children}
      <button type="submit" class={`button button-${props.variant ?? 'secondary'}`}>
        {props.label}
        {props.srSuffix ? <span class="sr-only">{` ${props.srSuffix}`}</span> : null}
      </button>
    </form>
  );
}

// ---- reading posted forms ---------------------------------------------------------------

export type FormBody = Record<string, string | File | (string | File)[]>;

/** A posted text field ('' when missing; the last value when repeated). */
export function formText(body: FormBody, name: string): string {
  const v = body[name];
  const one = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof one === 'string' ? one : '';
}

/** Every value of a repeated text field (`name` posted several times, e.g. sections). */
export function formTexts(body: FormBody, name: string): string[] {
  const v = body[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
}

/** An optional integer field (hidden `version`); undefined when missing, else validated. */
export function formInt(body: FormBody, name: string): number | undefined {
  const s = formText(body, name).trim();
  if (s === '') return undefined;
  if (!/^\d{1,9}$/.test(s)) throw new DomainError('invalid_input', `Feltet ${name} skal være et heltal`, name);
  return Number(s);
}

/**
 * Checks a form's values with a zod schema whose messages are the Danish texts to show, and
 * returns every problem as a field error (the summary lists them all, not only the first).
 * `fieldId` maps a value's path ("dates", "sections.2.text") to the input's id.
 */
export function checkForm<S extends z.ZodType>(
  schema: S,
  values: unknown,
  fieldId: (path: string) => string = (p) => p,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldError[] } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors = result.error.issues.map((i) => ({ field: fieldId(i.path.map(String).join('.')), text: i.message }));
  return { ok: false, errors };
}
