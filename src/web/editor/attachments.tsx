// Attachments (bilag) on the item editor: upload (multipart: file, title, "Offentligt bilag"),
// the list with each file's publish flag, whether its text could be read (what the CPR guard
// and search work on), a toggle of the flag and removal (asked first, on its own page).
import type { Context, Hono } from 'hono';
import { DomainError } from '../../domain/errors.js';
import { agendaIsPublic } from '../../domain/meeting.js';
import { addAttachment, removeAttachment, updateAttachment } from '../../services/lifecycle/attachments.js';
import type { StaffItem } from '../../services/lifecycle/items.js';
import { getItemForStaff } from '../../services/lifecycle/items.js';
import type { StaffMeeting } from '../../services/lifecycle/meetings.js';
import type { TextStatus } from '../../services/lifecycle/staff-views.js';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { ChangeNoteField, changeNotePage, needsChangeNote, postedChangeNote } from './change-note.js';
import { editorItemHref } from './common.js';
import { ActionForm, Checkbox, ErrorSummary, type FieldError, errorsByField, formText, HiddenCsrf, isFormError, SubmitButton, TextField } from './forms.js';
import { EditorLayout } from './layout.js';
import { meetingCrumbs, meetingForEditor } from './meeting-editor.js';
import { editorPage, flash, requireEditorViewer, seeOther, type Viewer } from './page.js';

const UPLOADED = flash('Bilaget er tilføjet');
const UPDATED = flash('Bilaget er gemt');
const REMOVED = flash('Bilaget er fjernet');

export const textStatusLabel: Record<TextStatus, string> = {
  extracted: 'Tekst læst',
  empty: 'Ingen tekst – skal kontrolleres',
  unsupported: 'Ingen tekst – skal kontrolleres',
  unreadable: 'Kunne ikke læses – skal kontrolleres',
};

const attachmentHref = (id: string) => `/redigering/bilag/${encodeURIComponent(id)}`;
const itemAttachmentsHref = (itemId: string) => `${editorItemHref(itemId)}#bilag`;

/** The service's field names for an upload → the upload form's input ids. */
const uploadFieldId: Record<string, string> = {
  title: 'attachmentTitle',
  public: 'attachmentPublic',
  bytes: 'attachmentFile',
  fileName: 'attachmentFile',
  mediaType: 'attachmentFile',
  changeNote: 'attachmentChangeNote',
};

/**
 * The item editor's page, as the attachment routes re-render it with their errors. Declared
 * here, where it is needed; registerItemEditorRoutes returns one.
 */
export type ItemPageRenderer = (
  c: Context<AuthEnv>,
  viewer: Viewer,
  itemId: string,
  state: { message?: string | undefined; uploadErrors?: FieldError[]; uploadValues?: UploadValues },
  status?: 200 | 400 | 409,
) => Promise<Response>;

/** What the upload form holds when it is shown again with an error. */
export interface UploadValues {
  title: string;
  public: boolean;
  changeNote: string;
}

/** "budget 2025.pdf" → "budget 2025": a title when the user gave none. */
const titleFromFileName = (name: string) =>
  name
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .replace(/[_]+/g, ' ')
    .trim();

/** `renderItemPage`: the item editor's page (from registerItemEditorRoutes), re-rendered with an upload's errors. */
export function registerAttachmentRoutes(app: Hono<AuthEnv>, deps: StaffDeps, renderItemPage: ItemPageRenderer): void {
  const itemPage = (
    c: Context<AuthEnv>,
    viewer: Viewer,
    itemId: string,
    state: { uploadErrors: FieldError[]; uploadValues: UploadValues },
    status: 400 | 409,
  ) => renderItemPage(c, viewer, itemId, state, status);

  app.post('/redigering/punkter/:id/bilag', async (c) => {
    const viewer = requireEditorViewer(c);
    const itemId = c.req.param('id');
    const body = await c.req.parseBody();
    const file = body.file;
    const values: UploadValues = { title: formText(body, 'title'), public: formText(body, 'public') === 'ja', changeNote: formText(body, 'changeNote') };
    const fail = (errors: FieldError[], status: 400 | 409 = 400) => itemPage(c, viewer, itemId, { uploadErrors: errors, uploadValues: values }, status);
    if (!(file instanceof File) || file.size === 0) return fail([{ field: 'attachmentFile', text: 'Vælg en fil' }]);
    try {
      const changeNote = postedChangeNote(body);
      await addAttachment(deps, viewer.principal, itemId, {
        title: values.title.trim() || titleFromFileName(file.name) || file.name,
        public: values.public,
        fileName: file.name,
        mediaType: file.type || 'application/octet-stream',
        bytes: new Uint8Array(await file.arrayBuffer()),
        ...(changeNote === undefined ? {} : { changeNote }),
      });
      return seeOther(c, itemAttachmentsHref(itemId), UPLOADED);
    } catch (e) {
      if (!isFormError(e)) throw e;
      return fail([{ field: (e.where && uploadFieldId[e.where]) ?? 'attachmentFile', text: e.message }], e.code === 'invalid_input' ? 400 : 409);
    }
  });

  // "Gør offentligt" / "Gør lukket".
  app.post('/redigering/bilag/:id/offentlig', async (c) => {
    const viewer = requireEditorViewer(c);
    const fileId = c.req.param('id');
    const body = await c.req.parseBody();
    const itemId = formText(body, 'itemId');
    const value = formText(body, 'public');
    if (value !== 'ja' && value !== 'nej') throw new DomainError('invalid_input', 'Angiv, om bilaget er offentligt', 'public');
    try {
      const changeNote = postedChangeNote(body);
      await updateAttachment(deps, viewer.principal, fileId, { public: value === 'ja', ...(changeNote === undefined ? {} : { changeNote }) });
      return seeOther(c, itemAttachmentsHref(itemId), UPDATED);
    } catch (e) {
      if (!isFormError(e)) throw e;
      const item = await getItemForStaff(deps, viewer.principal, itemId);
      const meeting = await meetingForEditor(deps, viewer.principal, item.meetingId);
      const action = value === 'ja' ? 'Gør bilaget offentligt' : 'Gør bilaget lukket';
      if (needsChangeNote(e)) {
        return changeNotePage(c, {
          principal: viewer.principal,
          csrf: viewer.csrf,
          action,
          url: c.req.path,
          body,
          error: e.message,
          breadcrumbs: meetingCrumbs(meeting, action),
          backHref: itemAttachmentsHref(itemId),
        });
      }
      return itemPage(
        c,
        viewer,
        itemId,
        { uploadErrors: [{ field: `bilag-${fileId}`, text: e.message }], uploadValues: { title: '', public: false, changeNote: '' } },
        e.code === 'invalid_input' ? 400 : 409,
      );
    }
  });

  const removal = async (c: Context<AuthEnv>, viewer: Viewer, fileId: string, itemId: string, errors: FieldError[], status: 200 | 400 | 409 = 200) => {
    const item = await getItemForStaff(deps, viewer.principal, itemId);
    const meeting = await meetingForEditor(deps, viewer.principal, item.meetingId);
    const attachment = item.attachments.find((a) => a.id === fileId);
    if (!attachment) throw new DomainError('not_found', 'Bilaget findes ikke på punktet', fileId);
    return editorPage(c, <RemoveAttachmentPage viewer={viewer} meeting={meeting} item={item} attachment={attachment} errors={errors} />, status);
  };

  app.get('/redigering/bilag/:id/fjern', async (c) => {
    const viewer = requireEditorViewer(c);
    return removal(c, viewer, c.req.param('id'), c.req.query('punkt') ?? '', []);
  });

  app.post('/redigering/bilag/:id/fjern', async (c) => {
    const viewer = requireEditorViewer(c);
    const fileId = c.req.param('id');
    const body = await c.req.parseBody();
    const itemId = formText(body, 'itemId');
    try {
      const changeNote = postedChangeNote(body);
      await removeAttachment(deps, viewer.principal, fileId, changeNote === undefined ? {} : { changeNote });
      return seeOther(c, itemAttachmentsHref(itemId), REMOVED);
    } catch (e) {
      if (!isFormError(e)) throw e;
      return removal(
        c,
        viewer,
        fileId,
        itemId,
        [{ field: needsChangeNote(e) ? 'changeNote' : 'fjern', text: e.message }],
        e.code === 'invalid_input' ? 400 : 409,
      );
    }
  });
}

export function AttachmentsSection(props: { viewer: Viewer; meeting: StaffMeeting; item: StaffItem; errors: FieldError[]; values: UploadValues | undefined }) {
  const { viewer, meeting: m, item } = props;
  const errors = errorsByField(props.errors);
  const editable = m.state !== 'minutes_published';
  const values = props.values ?? { title: '', public: item.public, changeNote: '' };
  return (
    <section aria-labelledby="bilag" class="attachments">
      <h2 id="bilag" tabindex={-1}>
        Bilag
      </h2>
      {item.attachments.length === 0 ? (
        <p>Punktet har ingen bilag.</p>
      ) : (
        <ul class="attachment-list">
          {item.attachments.map((a) => (
            <li id={`bilag-${a.id}`}>
              <strong>{a.title}</strong> <span class="meta">({a.fileName})</span>{' '}
              <span class={a.public ? 'badge badge-info' : 'badge'}>{a.public ? 'Offentligt bilag' : 'Lukket bilag'}</span>{' '}
              <span class={a.textStatus === 'extracted' ? 'badge badge-success' : 'badge badge-warning'}>{textStatusLabel[a.textStatus]}</span>
              {a.withdrawn ? <span class="badge badge-error">Trukket tilbage</span> : null}
              {a.textProblem ? <p class="form-hint">{a.textProblem}</p> : null}
              {errors[`bilag-${a.id}`] ? <p class="form-error-message">{errors[`bilag-${a.id}`]}</p> : null}
              {editable ? (
                <div class="item-actions">
                  <ActionForm
                    action={`${attachmentHref(a.id)}/offentlig`}
                    csrf={viewer.csrf}
                    label={a.public ? 'Gør lukket' : 'Gør offentligt'}
                    srSuffix={`: ${a.title}`}
                    hidden={{ itemId: item.id, public: a.public ? 'nej' : 'ja' }}
                  />
                  <a class="button button-secondary" href={`${attachmentHref(a.id)}/fjern?punkt=${encodeURIComponent(item.id)}`}>
                    Fjern<span class="sr-only">{` bilaget ${a.title}`}</span>
                  </a>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {!item.public ? <p class="form-hint">Punktet er lukket: dets bilag vises aldrig offentligt, uanset markeringen.</p> : null}
      {editable ? (
        <form method="post" action={`${editorItemHref(item.id)}/bilag`} enctype="multipart/form-data" novalidate class="upload-form">
          <h3>Tilføj bilag</h3>
          <HiddenCsrf token={viewer.csrf} />
          <div class={errors.attachmentFile ? 'form-group form-error' : 'form-group'}>
            <label class="form-label" for="attachmentFile">
              Fil
            </label>
            <span class="form-hint" id="attachmentFile-hint">
              PDF, Word, Excel, PowerPoint, OpenDocument, tekst eller billeder; højst 50 MB.
            </span>
            {errors.attachmentFile ? (
              <span class="form-error-message" id="attachmentFile-error">
                <span class="sr-only">Fejl: </span>
                {errors.attachmentFile}
              </span>
            ) : null}
            <input
              class="form-file-input"
              type="file"
              id="attachmentFile"
              name="file"
              accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.txt,.png,.jpg,.jpeg,.gif,.tif,.tiff"
              aria-describedby={errors.attachmentFile ? 'attachmentFile-hint attachmentFile-error' : 'attachmentFile-hint'}
              {...(errors.attachmentFile ? { 'aria-invalid': 'true' } : {})}
            />
          </div>
          <TextField
            id="attachmentTitle"
            name="title"
            label="Titel"
            optional
            hint="Som standard filens navn."
            value={values.title}
            error={errors.attachmentTitle}
          />
          <Checkbox
            id="attachmentPublic"
            name="public"
            label="Offentligt bilag"
            hint="Offentlige bilag vises på portalen, når dagsordenen er offentliggjort, og kontrolleres for CPR-numre."
            checked={values.public}
            error={errors.attachmentPublic}
          />
          {agendaIsPublic(m.state) ? <ChangeNoteField id="attachmentChangeNote" error={errors.attachmentChangeNote} value={values.changeNote} /> : null}
          <SubmitButton label="Tilføj bilag" variant="secondary" />
        </form>
      ) : null}
    </section>
  );
}

function RemoveAttachmentPage(props: {
  viewer: Viewer;
  meeting: StaffMeeting;
  item: StaffItem;
  attachment: StaffItem['attachments'][number];
  errors: FieldError[];
}) {
  const { viewer, meeting: m, item, attachment: a } = props;
  const errors = errorsByField(props.errors);
  return (
    <EditorLayout
      title={props.errors.length > 0 ? 'Fejl: Fjern bilag' : 'Fjern bilag'}
      principal={viewer.principal}
      csrfToken={viewer.csrf}
      section="meetings"
      breadcrumbs={meetingCrumbs(m, `Punkt ${item.number}: fjern bilag`)}
      summary={<ErrorSummary errors={props.errors} />}
    >
      <h1>Fjern bilaget »{a.title}«?</h1>
      <p>
        Bilaget ({a.fileName}) fjernes fra punkt {item.number} »{item.title}«.
      </p>
      <form method="post" action={`${attachmentHref(a.id)}/fjern`} novalidate>
        <HiddenCsrf token={viewer.csrf} />
        <input type="hidden" name="itemId" value={item.id} />
        {agendaIsPublic(m.state) ? <ChangeNoteField error={errors.changeNote} /> : null}
        <div class="actions">
          <SubmitButton label="Fjern bilaget" variant="warning" id="fjern" />
          <a href={itemAttachmentsHref(item.id)}>Fortryd</a>
        </div>
      </form>
    </EditorLayout>
  );
}
