// After the agenda is public every change publishes a new version with a change note
// (docs/lifecycle.md). One-button actions (reorder, move, public flag) carry no note field:
// when the service asks for one, this page repeats the action with an "Ændringsnote" field,
// the service's message at it, and every other posted value hidden, so one more click
// finishes what the user started.
import type { Context } from 'hono';
import type { Principal } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import type { Crumb } from './layout.js';
import { EditorLayout } from './layout.js';
import { ErrorSummary, type FormBody, HiddenCsrf, SubmitButton, TextArea } from './forms.js';
import { editorPage } from './page.js';

export const CHANGE_NOTE_FIELD = 'changeNote';

/** True when the service refused because a change note is missing or too long. */
export const needsChangeNote = (e: unknown): boolean => e instanceof DomainError && e.code === 'invalid_input' && e.where === CHANGE_NOTE_FIELD;

/** The posted change note: undefined when the form had no such field (the service then asks). */
export function postedChangeNote(body: FormBody): string | undefined {
  const v = body[CHANGE_NOTE_FIELD];
  return typeof v === 'string' ? v : undefined;
}

/** The change-note field for forms of a meeting whose agenda is public. */
export function ChangeNoteField(props: { error?: string | undefined; value?: string; id?: string }) {
  return (
    <TextArea
      id={props.id ?? CHANGE_NOTE_FIELD}
      name={CHANGE_NOTE_FIELD}
      label="Ændringsnote"
      hint="Dagsordenen er offentliggjort. Beskriv kort ændringen; noten vises sammen med den nye version på den offentlige side."
      rows={3}
      required
      value={props.value ?? ''}
      error={props.error}
    />
  );
}

export function changeNotePage(
  c: Context,
  props: {
    principal: Principal;
    csrf: string;
    /** What is being done, e.g. "Flyt punkt 3 op". */
    action: string;
    /** Where the form posts (the same action). */
    url: string;
    body: FormBody;
    error: string;
    breadcrumbs: Crumb[];
    backHref: string;
  },
) {
  const hidden = Object.entries(props.body).filter(([k, v]) => k !== '_csrf' && k !== CHANGE_NOTE_FIELD && typeof v === 'string') as [string, string][];
  const errors = [{ field: CHANGE_NOTE_FIELD, text: props.error }];
  return editorPage(
    c,
    <EditorLayout
      title={`Fejl: ${props.action}`}
      principal={props.principal}
      csrfToken={props.csrf}
      section="meetings"
      breadcrumbs={props.breadcrumbs}
      summary={<ErrorSummary errors={errors} />}
    >
      <h1>{props.action}</h1>
      <p>Dagsordenen er offentliggjort, så ændringen udgiver en ny version. Skriv en ændringsnote for at fortsætte.</p>
      <form method="post" action={props.url} novalidate>
        <HiddenCsrf token={props.csrf} />
        {hidden.map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
        <ChangeNoteField error={props.error} value={postedChangeNote(props.body) ?? ''} />
        <div class="actions">
          <SubmitButton label="Gem ændringen" />
          <a href={props.backHref}>Fortryd</a>
        </div>
      </form>
    </EditorLayout>,
    400,
  );
}
