// The sign-in page in Det Fælles Designsystem's form pattern: on failure an error summary at
// the top (role="alert", each problem a link to its field) and the message again at the
// field, which is marked aria-invalid and described by it. Works without JavaScript.
import { Layout } from '../portal/layout.js';

export type LoginField = 'email' | 'password';

export interface LoginPageProps {
  baseUrl: string;
  csrfToken: string;
  next: string;
  email?: string;
  /** Problems with one field each, shown at the top and at the field. */
  fieldErrors?: { field: LoginField; text: string }[];
  /** A problem with the attempt as a whole (too many tries, an expired form). */
  problem?: string;
  /** The single sign-on button, when SSO is configured. */
  sso?: { label: string; href: string } | null;
}

const fieldLabel: Record<LoginField, string> = { email: 'E-mail', password: 'Adgangskode' };

export function LoginPage(props: LoginPageProps) {
  const errors = props.fieldErrors ?? [];
  const errorOf = (field: LoginField) => errors.find((e) => e.field === field)?.text;
  const failed = errors.length > 0 || props.problem !== undefined;
  return (
    <Layout
      title={failed ? 'Fejl: Log ind' : 'Log ind'}
      path="/login"
      baseUrl={props.baseUrl}
      breadcrumbs={[{ label: 'Forside', href: '/' }, { label: 'Log ind' }]}
    >
      <h1>Log ind</h1>
      {failed ? (
        <div class="alert alert-error" role="alert">
          <div class="alert-body">
            <h2 class="alert-heading">Du blev ikke logget ind</h2>
            {props.problem !== undefined ? <p class="alert-text">{props.problem}</p> : null}
            {errors.length > 0 ? (
              <ul class="alert-text nobullet-list">
                {errors.map((e) => (
                  <li>
                    <a href={`#${e.field}`}>{e.text}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
      ) : null}
      <p>Log ind som medarbejder eller politiker for at redigere møder og se lukkede punkter.</p>
      <form method="post" action="/login" novalidate>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <input type="hidden" name="next" value={props.next} />
        <Field id="email" type="email" autocomplete="username" value={props.email ?? ''} error={errorOf('email')} />
        <Field id="password" type="password" autocomplete="current-password" value="" error={errorOf('password')} />
        <button type="submit" class="button button-primary">
          Log ind
        </button>
      </form>
      {props.sso ? (
        <>
          <h2 class="h3">Eller</h2>
          <p>
            <a class="button button-secondary" href={props.sso.href}>
              {props.sso.label}
            </a>
          </p>
        </>
      ) : null}
    </Layout>
  );
}

function Field(props: { id: LoginField; type: 'email' | 'password'; autocomplete: string; value: string; error: string | undefined }) {
  const errorId = `${props.id}-error`;
  return (
    <div class={props.error ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for={props.id}>
        {fieldLabel[props.id]}
      </label>
      {props.error ? (
        <span class="form-error-message" id={errorId}>
          <span class="sr-only">Fejl: </span>
          {props.error}
        </span>
      ) : null}
      <input
        class="form-input"
        type={props.type}
        id={props.id}
        name={props.id}
        autocomplete={props.autocomplete}
        value={props.value}
        required
        spellcheck={false}
        {...(props.error ? { 'aria-invalid': 'true', 'aria-describedby': errorId } : {})}
      />
    </div>
  );
}

/** A sign-in that could not be finished (SSO refused, expired, provider down). */
export function SignInProblemPage(props: { baseUrl: string; message: string }) {
  return (
    <Layout title="Log ind mislykkedes" path="/login" baseUrl={props.baseUrl} breadcrumbs={[{ label: 'Forside', href: '/' }, { label: 'Log ind' }]}>
      <h1>Log ind mislykkedes</h1>
      <div class="alert alert-error" role="alert">
        <div class="alert-body">
          <p class="alert-text">{props.message}</p>
        </div>
      </div>
      <p>
        <a href="/login">Prøv at logge ind igen</a> eller <a href="/">gå til forsiden</a>.
      </p>
    </Layout>
  );
}
