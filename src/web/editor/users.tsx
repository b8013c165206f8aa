// The administrators' account screen (/redigering/brugere): every account they administer
// (their municipality's; every one for an installation administrator) with role, scope,
// status and last sign-in, and the same actions as `protokol user`: disable, enable, end
// sessions, a new generated password (shown once, on the answer page, never in a URL or a
// log), and delete behind a confirmation page. The service decides who may do what.
import type { Context, Hono } from 'hono';
import { DomainError } from '../../domain/errors.js';
import { userRoleLabel } from '../../domain/user.js';
import { formatDate } from '../../render/format.js';
import { type AccountSummary, deleteUser, disableUser, enableUser, endUserSessions, listUsers, resetPassword } from '../../services/users/accounts.js';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { ErrorSummary, HiddenCsrf, SubmitButton } from './forms.js';
import { EditorLayout, SuccessAlert } from './layout.js';
import { editorPage, flash, flashMessage, requireViewer, seeOther, type Viewer } from './page.js';

export const USERS_PATH = '/redigering/brugere';
const DISABLED = flash('Brugeren er spærret, og alle brugerens sessioner og API-tokens er afsluttet');
const ENABLED = flash('Brugeren kan logge ind igen');
const SIGNED_OUT = flash('Brugeren er logget ud overalt');
const DELETED = flash('Brugeren er slettet. Revisionssporet bevarer, hvem der gjorde hvad');

function requireAdmin(c: Context<AuthEnv>): Viewer {
  const v = requireViewer(c);
  if (v.principal.role !== 'admin') throw new DomainError('forbidden', 'Kun administratorer kan administrere brugere');
  return v;
}

export function registerUserAdminRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  const list = async (c: Context<AuthEnv>, viewer: Viewer, problem?: string) =>
    editorPage(
      c,
      <UsersPage viewer={viewer} users={await listUsers(deps.database, viewer.principal)} message={flashMessage(c)} problem={problem} />,
      problem ? 400 : 200,
    );

  app.get(USERS_PATH, async (c) => list(c, requireAdmin(c)));

  const act = (path: string, run: (id: string, viewer: Viewer) => Promise<string>) =>
    app.post(`${USERS_PATH}/:id/${path}`, async (c) => {
      const viewer = requireAdmin(c);
      try {
        return seeOther(c, USERS_PATH, await run(c.req.param('id'), viewer));
      } catch (e) {
        if (e instanceof DomainError && e.code === 'invalid_input') return list(c, viewer, e.message);
        throw e;
      }
    });
  act('spaer', async (id, v) => (await disableUser(deps.database, id, v.principal, deps.now()), DISABLED));
  act('genaktiver', async (id, v) => (await enableUser(deps.database, id, v.principal, deps.now()), ENABLED));
  act('log-ud', async (id, v) => (await endUserSessions(deps.database, id, v.principal, deps.now()), SIGNED_OUT));
  act('slet', async (id, v) => (await deleteUser(deps.database, id, v.principal, deps.now()), DELETED));

  app.get(`${USERS_PATH}/:id/slet`, async (c) => {
    const viewer = requireAdmin(c);
    const user = (await listUsers(deps.database, viewer.principal)).find((u) => u.id === c.req.param('id'));
    if (!user) throw new DomainError('not_found', 'Brugeren findes ikke');
    return editorPage(c, <ConfirmDeletePage viewer={viewer} user={user} />);
  });

  // Answered with a page, not a redirect: the password must not travel in a URL.
  app.post(`${USERS_PATH}/:id/nyt-kodeord`, async (c) => {
    const viewer = requireAdmin(c);
    const r = await resetPassword(deps.database, c.req.param('id'), null, viewer.principal, deps.now());
    const user = (await listUsers(deps.database, viewer.principal)).find((u) => u.id === c.req.param('id'));
    return editorPage(c, <NewPasswordPage viewer={viewer} email={user?.email ?? ''} password={r.password} />);
  });
}

const frame = (viewer: Viewer, title: string, crumbs: { label: string; href?: string }[]) => ({
  title,
  principal: viewer.principal,
  csrfToken: viewer.csrf,
  breadcrumbs: [{ label: 'Redigering', href: '/redigering' }, ...crumbs],
  section: 'users' as const,
});

function UsersPage(props: { viewer: Viewer; users: AccountSummary[]; message: string | undefined; problem: string | undefined }) {
  const { viewer } = props;
  const summary = props.problem ? (
    <ErrorSummary errors={[]} heading="Handlingen kunne ikke udføres">
      <p class="alert-text">{props.problem}</p>
    </ErrorSummary>
  ) : props.message ? (
    <SuccessAlert text={props.message} />
  ) : null;
  return (
    <EditorLayout {...frame(viewer, props.problem ? 'Fejl: Brugere' : 'Brugere', [{ label: 'Brugere' }])} summary={summary}>
      <h1>Brugere</h1>
      <div class="table--responsive-scroll">
        <table class="table">
          <caption class="sr-only">Brugere, deres rolle, status og seneste login</caption>
          <thead>
            <tr>
              <th scope="col">E-mail</th>
              <th scope="col">Rolle</th>
              <th scope="col">Kommune</th>
              <th scope="col">Status</th>
              <th scope="col">Seneste login</th>
              <th scope="col">Handlinger</th>
            </tr>
          </thead>
          <tbody>
            {props.users.map((u) => (
              <tr>
                <th scope="row">
                  {u.email}
                  {u.name ? <span class="block">{u.name}</span> : null}
                </th>
                <td>
                  {userRoleLabel[u.role]}
                  {u.committeeIds.length > 0 ? ` (${u.committeeIds.length} udvalg)` : ''}
                </td>
                <td>{u.municipalityName ?? 'Hele installationen'}</td>
                <td>{u.disabled ? 'Spærret' : 'Aktiv'}</td>
                <td>{u.lastSignInAt ? formatDate(u.lastSignInAt.slice(0, 10)) : 'Aldrig'}</td>
                <td>
                  <Action viewer={viewer} user={u} path={u.disabled ? 'genaktiver' : 'spaer'} label={u.disabled ? 'Genaktivér' : 'Spær'} />
                  <Action viewer={viewer} user={u} path="log-ud" label="Log ud overalt" />
                  <Action viewer={viewer} user={u} path="nyt-kodeord" label="Nyt kodeord" />
                  <a class="button button-tertiary" href={`${USERS_PATH}/${encodeURIComponent(u.id)}/slet`}>
                    Slet
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </EditorLayout>
  );
}

function Action(props: { viewer: Viewer; user: AccountSummary; path: string; label: string }) {
  return (
    <form method="post" action={`${USERS_PATH}/${encodeURIComponent(props.user.id)}/${props.path}`} class="inline-form">
      <HiddenCsrf token={props.viewer.csrf} />
      <button type="submit" class="button button-tertiary" aria-label={`${props.label}: ${props.user.email}`}>
        {props.label}
      </button>
    </form>
  );
}

function ConfirmDeletePage(props: { viewer: Viewer; user: AccountSummary }) {
  return (
    <EditorLayout {...frame(props.viewer, `Slet ${props.user.email}`, [{ label: 'Brugere', href: USERS_PATH }, { label: 'Slet' }])}>
      <h1>Slet {props.user.email}?</h1>
      <p>
        Brugeren logges ud overalt, API-tokens tilbagekaldes, og navn og e-mail fjernes. Revisionssporet bevarer, hvem der gjorde hvad. Det kan ikke fortrydes.
      </p>
      <form method="post" action={`${USERS_PATH}/${encodeURIComponent(props.user.id)}/slet`}>
        <HiddenCsrf token={props.viewer.csrf} />
        <SubmitButton label="Slet brugeren" variant="warning" />
        <a class="button button-secondary" href={USERS_PATH}>
          Fortryd
        </a>
      </form>
    </EditorLayout>
  );
}

function NewPasswordPage(props: { viewer: Viewer; email: string; password: string }) {
  return (
    <EditorLayout {...frame(props.viewer, 'Nyt kodeord', [{ label: 'Brugere', href: USERS_PATH }, { label: 'Nyt kodeord' }])}>
      <h1>Nyt kodeord til {props.email}</h1>
      <p>Brugeren er logget ud overalt. Giv brugeren kodeordet på en sikker måde; det vises kun denne ene gang.</p>
      <p>
        <code>{props.password}</code>
      </p>
      <p>
        <a href={USERS_PATH}>Tilbage til brugerne</a>
      </p>
    </EditorLayout>
  );
}
