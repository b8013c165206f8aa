// The "Følg" form: an e-mail address and how often, posted to /abonnement with what is
// followed in hidden fields. Public pages show it without any cookie, so it carries no CSRF
// token: a forged post can only ask for a confirmation mail (double opt-in, rate-limited).
import type { FieldErrors } from '../editor/forms.js';
import { ErrorSummary, type FieldError, Select, TextField } from '../editor/forms.js';
import { frequencies, frequencyLabel, type SubscriptionKind } from '../../services/alerts/deps.js';
import { followFeedQuery } from './follow-feeds.js';

export interface FollowTarget {
  kind: SubscriptionKind;
  target?: string;
  q?: string;
  /** What is followed, in the heading: "denne søgning", "sagen". */
  what: string;
  /** The same as an Atom feed, for those who do not want mail. */
  feedUrl?: string;
}

export function FollowForm(props: FollowTarget & { values?: { email?: string; frequency?: string }; errors?: FieldErrors }) {
  return (
    <section class="follow mt-7" aria-labelledby="foelg-overskrift">
      <h2 id="foelg-overskrift" class="h3">
        Følg {props.what}
      </h2>
      <p>Få en mail, når der kommer nyt. Du skal bekræfte din adresse, og du kan altid afmelde dig igen fra et link i hver mail.</p>
      <form method="post" action="/abonnement" novalidate>
        <input type="hidden" name="kind" value={props.kind} />
        {props.target !== undefined ? <input type="hidden" name="target" value={props.target} /> : null}
        {props.q !== undefined ? <input type="hidden" name="q" value={props.q} /> : null}
        <TextField
          id="foelg-email"
          name="email"
          label="Din e-mailadresse"
          type="email"
          autocomplete="email"
          value={props.values?.email ?? ''}
          error={props.errors?.['foelg-email']}
          required
        />
        <Select
          id="foelg-frekvens"
          name="frequency"
          label="Hvor ofte"
          value={props.values?.frequency ?? 'instant'}
          options={frequencies.map((f) => ({ value: f, label: frequencyLabel[f] }))}
          error={props.errors?.['foelg-frekvens']}
        />
        <button type="submit" class="button button-secondary">
          Følg
        </button>
      </form>
      <p>
        Uden e-mail: følg {props.what} som <a href={props.feedUrl ?? `/abonnement/feed.atom?${followFeedQuery(props)}`}>Atom-feed</a> eller i din{' '}
        <a href={`/abonnement/kalender.ics?${followFeedQuery(props)}`}>kalender (iCalendar)</a>.
      </p>
    </section>
  );
}

export function FollowErrors(props: { errors: readonly FieldError[] }) {
  return <ErrorSummary errors={props.errors} />;
}
