// The editor: the secretariat's preparation screens (/redigering…), the meeting room and the
// members' reading view (/medlem…). Every path here is outside /moeder/ (the page cache's
// prefix), answers `Cache-Control: no-store`, and needs a signed-in session: 401 redirects to
// /login?next=…, a signed-in person without the right role gets 403. Each screen's file
// registers its own routes; the services decide everything else (who may edit which meeting).
import { type Context, Hono, type Next } from 'hono';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { registerAttachmentRoutes } from './attachments.js';
import { registerItemEditorRoutes } from './item-editor.js';
import { registerMeetingEditorRoutes } from './meeting-editor.js';
import { registerMeetingListRoutes } from './meeting-list.js';
import { meetingRoomLinks, registerMeetingRoomRoutes } from './meeting-room.js';
import { registerMemberRoutes } from './members.js';
import { registerMemberNoticeRoutes } from '../alerts/member-notices.js';
import { registerWithdrawalRoutes } from './withdrawal.js';
import { registerMeetingCancelRoutes } from './meeting-cancel.js';
import { registerPublishPreviewRoutes } from './publish-preview.js';
import { registerUserAdminRoutes } from './users.js';
import { registerApprovalSettingsRoutes } from './approval-settings.js';
import { registerAdminRoutes } from './admin-routes.js';
import { EditorLayout, isEditor } from './layout.js';
import { editorPage, requireViewer } from './page.js';

export function editorRoutes(deps: StaffDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  // No shared cache may keep these pages (closed items, CSRF tokens), and nobody gets past
  // here without the right role: each handler checks again (requireEditorViewer), this is
  // the net under them.
  app.use('/redigering', noStore, editorsOnly);
  app.use('/redigering/*', noStore, editorsOnly);
  app.use('/medlem', noStore, signedIn);
  app.use('/medlem/*', noStore, signedIn);

  // Secretariat: preparation (this team).
  registerMeetingListRoutes(app, deps);
  // Dependencies between screens are passed, not shared through module state: the meeting
  // editor gets the meeting room's buttons, the attachment routes the item editor's page.
  registerMeetingEditorRoutes(app, deps, meetingRoomLinks);
  const renderItemPage = registerItemEditorRoutes(app, deps);
  registerAttachmentRoutes(app, deps, renderItemPage);
  // Meeting room (attendance, decisions, approvals, minutes) and the members' screens.
  registerMeetingRoomRoutes(app, deps);
  registerMemberRoutes(app, deps);
  registerMemberNoticeRoutes(app, deps);
  registerWithdrawalRoutes(app, deps);
  // Safety nets: preview before publishing, cancelling a meeting.
  registerPublishPreviewRoutes(app, deps);
  registerMeetingCancelRoutes(app, deps);
  // Administrators: accounts.
  registerUserAdminRoutes(app, deps);
  registerApprovalSettingsRoutes(app, deps);
  // Administration: committees, terms, people, memberships, the municipality's settings.
  registerAdminRoutes(app, deps);
  return app;
}

async function noStore(c: Context<AuthEnv>, next: Next): Promise<void> {
  c.header('Cache-Control', 'no-store');
  await next();
  c.res.headers.set('Cache-Control', 'no-store');
}

/** Signed in but not an editor: a 403 page inside the editor's frame (with "Mine møder" and "Log ud"). */
async function editorsOnly(c: Context<AuthEnv>, next: Next): Promise<Response | void> {
  const viewer = requireViewer(c);
  if (!isEditor(viewer.principal)) {
    return editorPage(
      c,
      <EditorLayout title="Ingen adgang" principal={viewer.principal} csrfToken={viewer.csrf} breadcrumbs={[{ label: 'Ingen adgang' }]}>
        <h1>Ingen adgang</h1>
        <p>Kun sekretariatet og administratorer kan redigere møder.</p>
        {viewer.principal.personId !== null ? (
          <p>
            <a href="/medlem">Gå til dine møder</a>
          </p>
        ) : null}
      </EditorLayout>,
      403,
    );
  }
  await next();
}

async function signedIn(c: Context<AuthEnv>, next: Next): Promise<void> {
  requireViewer(c);
  await next();
}
