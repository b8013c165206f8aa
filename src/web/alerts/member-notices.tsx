// /medlem/indstillinger: which notices a member gets by e-mail (agenda published, minutes
// waiting for their approval, changes after publication). Signed in with their own account;
// the form posts the session's CSRF token like every staff form.
import type { Hono } from 'hono';
import { DomainError } from '../../domain/errors.js';
import { memberNoticePrefs, noticeKindLabel, noticeKinds, saveMemberNoticePrefs } from '../../services/alerts/notices.js';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { Checkbox, HiddenCsrf } from '../editor/forms.js';
import { EditorLayout, SuccessAlert } from '../editor/layout.js';
import { type Viewer, editorPage, flash, flashMessage, requireMemberViewer, seeOther } from '../editor/page.js';

const SAVED = flash('Dine valg er gemt');
export const MEMBER_NOTICES_PATH = '/medlem/indstillinger';

function userOf(viewer: Viewer): string {
  if (viewer.principal.kind !== 'user') throw new DomainError('forbidden', 'Beskeder vælges af medlemmet selv, logget ind med sin egen konto');
  return viewer.principal.id;
}

export function registerMemberNoticeRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  const alerts = { database: deps.database, baseUrl: deps.baseUrl, now: deps.now };
  app.get(MEMBER_NOTICES_PATH, async (c) => {
    const viewer = requireMemberViewer(c);
    const prefs = await memberNoticePrefs(alerts, userOf(viewer));
    const message = flashMessage(c);
    return editorPage(
      c,
      <EditorLayout
        title="Mine beskeder"
        principal={viewer.principal}
        csrfToken={viewer.csrf}
        section="member"
        breadcrumbs={[{ label: 'Mine møder', href: '/medlem' }, { label: 'Mine beskeder' }]}
        summary={message ? <SuccessAlert text={message} /> : null}
      >
        <h1>Mine beskeder</h1>
        <p>Vælg, hvilke beskeder du vil have på e-mail.</p>
        <form method="post" action={MEMBER_NOTICES_PATH}>
          <HiddenCsrf token={viewer.csrf} />
          <fieldset>
            <legend class="h4">Send mig en mail</legend>
            {noticeKinds.map((k) => (
              <Checkbox id={`besked-${k}`} name="kinds" value={k} label={noticeKindLabel[k]} checked={prefs[k]} />
            ))}
          </fieldset>
          <button type="submit" class="button button-primary">
            Gem
          </button>
        </form>
      </EditorLayout>,
    );
  });

  app.post(MEMBER_NOTICES_PATH, async (c) => {
    const viewer = requireMemberViewer(c);
    const body = await c.req.parseBody({ all: true });
    const raw = body.kinds;
    const chosen = new Set((Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string'));
    const unknown = [...chosen].find((k) => !(noticeKinds as readonly string[]).includes(k));
    if (unknown !== undefined) throw new DomainError('invalid_input', `Ukendt slags besked: ${unknown}`, 'kinds');
    await saveMemberNoticePrefs(alerts, viewer.principal, userOf(viewer), chosen);
    return seeOther(c, MEMBER_NOTICES_PATH, SAVED);
  });
}
