// The subscriber's pages: the form again with its errors, "check your mail", the confirmation
// page (a button: a GET never confirms, mail scanners follow links), the manage page, and the
// pages after unsubscribing or deleting. All under the portal's layout; no cookie is set.
import type { Child } from 'hono/jsx';
import { frequencies, frequencyLabel } from '../../services/alerts/deps.js';
import type { SubscriptionView } from '../../services/alerts/subscriptions.js';
import { ErrorSummary, type FieldError, type FieldErrors, Select } from '../editor/forms.js';
import { Layout } from '../portal/layout.js';
import { FollowForm, type FollowTarget } from './follow-form.js';

interface Base {
  path: string;
  baseUrl: string;
}

function AlertLayout(props: Base & { title: string; children: Child }) {
  return (
    <Layout title={props.title} path={props.path} baseUrl={props.baseUrl} breadcrumbs={[{ label: 'Forside', href: '/' }, { label: props.title }]}>
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
}

export function SubscribeFormPage(
  props: Base & { follow: FollowTarget; values: { email?: string; frequency?: string }; errors: FieldError[]; fieldErrors: FieldErrors },
) {
  return (
    <AlertLayout {...props} title="Følg">
      <ErrorSummary errors={props.errors} />
      <FollowForm {...props.follow} values={props.values} errors={props.fieldErrors} />
    </AlertLayout>
  );
}

export function MessagePage(props: Base & { title: string; text: string; status?: 'success' | 'info' | 'error'; children?: Child }) {
  return (
    <AlertLayout {...props}>
      <div class={`alert alert-${props.status ?? 'info'}`} role="status">
        <div class="alert-body">
          <p class="alert-text">{props.text}</p>
        </div>
      </div>
      {props.children}
    </AlertLayout>
  );
}

export function ConfirmPage(props: Base & { subscription: SubscriptionView; action: string }) {
  return (
    <AlertLayout {...props} title="Bekræft dit abonnement">
      <p>
        Du er ved at bekræfte, at <strong>{props.subscription.email}</strong> skal have mails om {props.subscription.label} (
        {frequencyLabel[props.subscription.frequency].toLowerCase()}).
      </p>
      <form method="post" action={props.action}>
        <button type="submit" class="button button-primary">
          Bekræft abonnementet
        </button>
      </form>
    </AlertLayout>
  );
}

export function ManagePage(props: Base & { subscription: SubscriptionView; token: string; message?: string }) {
  const s = props.subscription;
  const base = `/abonnement/${encodeURIComponent(props.token)}`;
  return (
    <AlertLayout {...props} title="Dit abonnement">
      {props.message ? (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{props.message}</p>
          </div>
        </div>
      ) : null}
      <p>
        <strong>{s.email}</strong> følger {s.label}.{s.confirmed ? '' : ' Abonnementet er ikke bekræftet endnu.'}
      </p>
      <h2 class="h3">Hvor ofte</h2>
      <form method="post" action={`${base}/hyppighed`}>
        <Select
          id="hyppighed"
          name="frequency"
          label="Hvor ofte vil du have mails"
          value={s.frequency}
          options={frequencies.map((f) => ({ value: f, label: frequencyLabel[f] }))}
        />
        <button type="submit" class="button button-secondary">
          Gem
        </button>
      </form>
      <h2 class="h3">Afmeld</h2>
      <form method="post" action={`${base}/afmeld`}>
        <button type="submit" class="button button-secondary">
          Afmeld dette abonnement
        </button>
      </form>
      <h2 class="h3">Dine data</h2>
      <p>
        Vi gemmer kun din e-mailadresse og det, du følger. <a href={`${base}/data.json`}>Hent dine data (JSON)</a>
      </p>
      <form method="post" action={`${base}/slet`}>
        <button type="submit" class="button button-secondary">
          Slet alle mine data
        </button>
      </form>
    </AlertLayout>
  );
}
