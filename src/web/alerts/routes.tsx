// /abonnement: subscribing without an account, confirming, managing and leaving. Mounted
// before the sign-in middleware: nothing here reads or sets a cookie, and every request after
// the subscribe form is authorised by the token in its URL alone — which is also why the
// one-click unsubscribe (RFC 8058, POSTed by mail clients) needs no CSRF token.
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DomainError } from '../../domain/errors.js';
import type { AlertDeps, SubscriptionKind } from '../../services/alerts/deps.js';
import { frequencies } from '../../services/alerts/deps.js';
import {
  changeFrequency,
  confirm,
  deleteAllData,
  exportData,
  manageView,
  pendingConfirmation,
  subscribe,
  subscribeSchema,
  unsubscribe,
} from '../../services/alerts/subscriptions.js';
import type { PortalService } from '../../services/portal/portal.js';
import { clientAddress, proxySet } from '../auth/redirects.js';
import type { FieldError } from '../editor/forms.js';
import { sendPage } from '../portal/render.js';
import type { FollowTarget } from './follow-form.js';
import { describeFollow } from './describe.js';
import { followFeedRoutes } from './follow-feeds.js';
import { ConfirmPage, ManagePage, MessagePage, SubscribeFormPage } from './pages.js';

export interface AlertWebDeps {
  alerts: AlertDeps;
  portal: PortalService;
  trustedProxies?: readonly string[];
}

const fieldOf: Record<string, string> = { email: 'foelg-email', frequency: 'foelg-frekvens' };
const kindWhat: Record<SubscriptionKind, string> = {
  search: 'denne søgning',
  case: 'sagen',
  committee: 'udvalget',
  person: 'personen',
  all: 'alle nye dagsordener og referater',
};

async function formOf(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function alertRoutes(deps: AlertWebDeps): Hono {
  const app = new Hono();
  const { alerts, portal } = deps;
  const proxies = deps.trustedProxies && deps.trustedProxies.length > 0 ? proxySet(deps.trustedProxies) : null;
  const baseUrl = alerts.baseUrl;
  // Small forms only; refused by Content-Length before anything is parsed.
  app.use('/abonnement/*', bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text('Forespørgslen er for stor', 413) }));
  app.use('/abonnement', bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text('Forespørgslen er for stor', 413) }));

  // Before /abonnement/:token, which would take "feed.atom" for a token.
  app.route('/', followFeedRoutes({ alerts, portal }));

  app.post('/abonnement', async (c) => {
    const form = await formOf(c);
    const kind = (['search', 'case', 'committee', 'person', 'all'] as const).find((k) => k === form.kind) ?? 'all';
    const follow: FollowTarget = { kind, what: kindWhat[kind], ...(form.target ? { target: form.target } : {}), ...(form.q ? { q: form.q } : {}) };
    const values = { email: form.email ?? '', frequency: form.frequency ?? 'instant' };
    const again = (errors: FieldError[], status: 400 | 429) =>
      sendPage(
        c,
        <SubscribeFormPage
          path="/abonnement"
          baseUrl={baseUrl}
          follow={follow}
          values={values}
          errors={errors}
          fieldErrors={Object.fromEntries(errors.map((e) => [e.field, e.text]))}
        />,
        status,
      );
    const parsed = subscribeSchema.safeParse(form);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ field: fieldOf[String(i.path[0])] ?? 'foelg-email', text: i.message }));
      return again(errors, 400);
    }
    const input = parsed.data;
    const { label, municipality } = await describeFollow(portal, input.kind, input.target, input.q);
    try {
      await subscribe(alerts, {
        email: input.email,
        kind: input.kind,
        target: input.target ?? null,
        query: input.kind === 'search' ? (input.q ?? null) : null,
        label,
        frequency: input.frequency,
        municipality,
        clientIp: clientAddress(c.env, c.req.header('X-Forwarded-For'), proxies),
      });
    } catch (e) {
      if (e instanceof DomainError && e.code === 'rate_limited') return again([{ field: 'foelg-email', text: e.message }], 429);
      throw e;
    }
    return sendPage(
      c,
      <MessagePage
        path="/abonnement"
        baseUrl={baseUrl}
        title="Tjek din e-mail"
        status="success"
        text={`Vi har sendt en mail til ${input.email}. Klik på linket i mailen for at bekræfte, at du vil følge ${label}.`}
      />,
    );
  });

  app.get('/abonnement/bekraeft/:token', async (c) => {
    const subscription = await pendingConfirmation(alerts, c.req.param('token'));
    return sendPage(c, <ConfirmPage path={c.req.path} baseUrl={baseUrl} subscription={subscription} action={c.req.path} />);
  });

  app.post('/abonnement/bekraeft/:token', async (c) => {
    const token = c.req.param('token');
    const s = await confirm(alerts, token);
    return sendPage(c, <ManagePage path={c.req.path} baseUrl={baseUrl} subscription={s} token={token} message={`Tak! Du følger nu ${s.label}.`} />);
  });

  app.get('/abonnement/:token', async (c) => {
    const token = c.req.param('token');
    return sendPage(c, <ManagePage path={c.req.path} baseUrl={baseUrl} subscription={await manageView(alerts, token)} token={token} />);
  });

  app.post('/abonnement/:token/hyppighed', async (c) => {
    const token = c.req.param('token');
    const form = await formOf(c);
    const frequency = frequencies.find((f) => f === form.frequency);
    if (!frequency) throw new DomainError('invalid_input', 'Vælg hvor ofte du vil have mails', 'frequency');
    const s = await changeFrequency(alerts, token, frequency);
    return sendPage(c, <ManagePage path={c.req.path} baseUrl={baseUrl} subscription={s} token={token} message="Dit valg er gemt." />);
  });

  // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click"; the manage page's button posts nothing. Both unsubscribe.
  app.post('/abonnement/:token/afmeld', async (c) => {
    const s = await unsubscribe(alerts, c.req.param('token'));
    return sendPage(
      c,
      <MessagePage
        path={c.req.path}
        baseUrl={baseUrl}
        title="Du er afmeldt"
        status="success"
        text={`Du får ikke flere mails om ${s.label}. Adressen er slettet fra abonnementet.`}
      />,
    );
  });

  app.get('/abonnement/:token/data.json', async (c) => {
    const data = await exportData(alerts, c.req.param('token'));
    return c.body(JSON.stringify(data, null, 2), 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="mine-abonnementer.json"',
      'Cache-Control': 'private, no-store',
    });
  });

  app.post('/abonnement/:token/slet', async (c) => {
    const n = await deleteAllData(alerts, c.req.param('token'));
    return sendPage(
      c,
      <MessagePage
        path={c.req.path}
        baseUrl={baseUrl}
        title="Dine data er slettet"
        status="success"
        text={`Vi har slettet din e-mailadresse, ${n === 1 ? 'dit abonnement' : `dine ${n} abonnementer`} og dine mails.`}
      />,
    );
  });

  return app;
}
