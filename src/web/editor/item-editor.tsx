// The item editor (/redigering/punkter/:id) and a new item (/redigering/moeder/:id/punkter/nyt):
// title, case, open or closed (with the neutral public title and the reason), and the
// sections of the municipality's template as rich text. Optimistic locking: the form carries
// the item's `version`; a save over someone else's newer save is refused and the page shows
// the user's text in the form and the saved text beside it, so nothing typed is lost.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { Principal } from '../../domain/access.js';
import { type SectionKind, sectionKinds } from '../../domain/agenda-item.js';
import { addItem, deleteItem, getItemForStaff, type SectionInput, type StaffItem, updateItem } from '../../services/lifecycle/items.js';
import type { StaffMeeting } from '../../services/lifecycle/meetings.js';
import { sectionTemplate } from '../../services/lifecycle/section-template.js';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { needsChangeNote, postedChangeNote } from './change-note.js';
import { editorItemHref, editorMeetingHref } from './common.js';
import { checkForm, type FieldError, type FormBody, formInt, formText, formTexts, isFormError } from './forms.js';
import { meetingForEditor } from './meeting-editor.js';
import { editorPage, flash, flashMessage, requireEditorViewer, seeOther, type Viewer } from './page.js';
import type { ItemPageRenderer, UploadValues } from './attachments.js';
import { DeleteItemPage, ItemEditorPage, type ItemValues, NewItemPage, sectionId } from './item-editor-pages.js';

export const ITEM_SAVED = flash('Punktet er gemt');
const ITEM_CREATED = flash('Punktet er oprettet. Du kan nu tilføje bilag.');
const ITEM_DELETED = flash('Punktet er slettet');

/** The item's and the service's field names → this form's input ids. */
function itemFieldId(where: string, sectionIndex: (serviceIndex: number) => number): string | undefined {
  const m = /^sections\[(\d+)\]/.exec(where);
  if (m) return sectionId(sectionIndex(Number(m[1])));
  const map: Record<string, string> = {
    title: 'title',
    public: 'access',
    publicTitle: 'publicTitle',
    closedReason: 'closedReason',
    caseNumber: 'caseNumber',
    caseTitle: 'caseTitle',
    changeNote: 'changeNote',
    sections: sectionId(0),
  };
  return map[where];
}

function readItemForm(body: FormBody): ItemValues {
  const headings = formTexts(body, 'sectionHeading');
  const kinds = formTexts(body, 'sectionKind');
  const texts = formTexts(body, 'sectionText');
  return {
    title: formText(body, 'title'),
    caseNumber: formText(body, 'caseNumber'),
    caseTitle: formText(body, 'caseTitle'),
    access: formText(body, 'access'),
    publicTitle: formText(body, 'publicTitle'),
    closedReason: formText(body, 'closedReason'),
    sections: headings.map((heading, i) => ({ heading, kind: kinds[i] ?? '', text: texts[i] ?? '' })),
    changeNote: formText(body, 'changeNote'),
  };
}

const LOOKS_LIKE_HTML = /<\/?[a-z][a-z0-9]*(\s[^>]*)?>/i;
const isEmptyText = (text: string) =>
  text
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .trim() === '';

/**
 * The sections to save: empty ones are left out (the template brings their headings back
 * when the item is opened again). Text with tags is HTML (the rich-text field, or HTML typed
 * without JavaScript; the service sanitises it), anything else plain paragraphs.
 */
function sectionsToSave(values: ItemValues): { sections: SectionInput[]; formIndex: number[] } {
  const sections: SectionInput[] = [];
  const formIndex: number[] = [];
  values.sections.forEach((s, i) => {
    if (isEmptyText(s.text)) return;
    const kind = (sectionKinds as readonly string[]).includes(s.kind) ? (s.kind as SectionKind) : undefined;
    sections.push({
      heading: s.heading,
      ...(kind ? { kind } : {}),
      ...(LOOKS_LIKE_HTML.test(s.text) ? { html: s.text } : { text: s.text.replace(/\r\n?/g, '\n').trim() }),
    });
    formIndex.push(i);
  });
  return { sections, formIndex };
}

const itemForm = (isStandard: boolean) =>
  z
    .object({
      title: z.string(),
      access: z.string(),
      publicTitle: z.string(),
    })
    .superRefine((v, ctx) => {
      if (!isStandard && v.title.trim() === '') ctx.addIssue({ code: 'custom', path: ['title'], message: 'Skriv punktets titel' });
      if (v.access !== 'aaben' && v.access !== 'lukket') ctx.addIssue({ code: 'custom', path: ['access'], message: 'Vælg, om punktet er åbent eller lukket' });
      if (v.access === 'lukket' && v.publicTitle.trim() === '') {
        ctx.addIssue({
          code: 'custom',
          path: ['publicTitle'],
          message: 'Et lukket punkt skal have en neutral titel, som offentligheden kan se (fx »Lukket punkt: Ejendomshandel«)',
        });
      }
    });

/** The form's values for an item as saved, with the template's missing headings added (empty). */
function valuesOfItem(item: StaffItem, template: { kind: string; heading: string }[]): ItemValues {
  const sections: ItemValues['sections'] = item.sections.map((s) => ({ kind: s.kind, heading: s.heading, text: s.html ?? s.text }));
  if (item.standard === null) {
    // The template's headings in the template's order, each with its saved text; sections
    // the template does not know (imported, or an older template) keep their own order.
    const key = (h: string) => h.trim().toLowerCase();
    const inTemplate = new Set(template.map((t) => key(t.heading)));
    if (sections.every((s) => inTemplate.has(key(s.heading)))) {
      const saved = new Map(sections.map((s) => [key(s.heading), s]));
      sections.splice(0, sections.length, ...template.map((t) => saved.get(key(t.heading)) ?? { kind: t.kind, heading: t.heading, text: '' }));
    } else {
      const have = new Set(sections.map((s) => key(s.heading)));
      for (const t of template) if (!have.has(key(t.heading))) sections.push({ kind: t.kind, heading: t.heading, text: '' });
    }
  } else if (sections.length === 0) {
    // A standard item ("Eventuelt") has no case presentation, but may get a note.
    sections.push({ kind: 'other', heading: 'Bemærkninger', text: '' });
  }
  return {
    title: item.title,
    caseNumber: item.caseNumber ?? '',
    caseTitle: '',
    access: item.public ? 'aaben' : 'lukket',
    publicTitle: item.publicTitle ?? '',
    closedReason: item.closedReason ?? '',
    sections,
    changeNote: '',
  };
}

async function templateOf(deps: StaffDeps, bodyId: string) {
  return sectionTemplate(deps.database.db, bodyId);
}

async function loadItem(deps: StaffDeps, principal: Principal, itemId: string): Promise<{ meeting: StaffMeeting; item: StaffItem }> {
  const found = await getItemForStaff(deps, principal, itemId);
  const meeting = await meetingForEditor(deps, principal, found.meetingId);
  const item = meeting.items.find((i) => i.id === itemId) ?? found;
  return { meeting, item };
}

/** Registers the item editor's routes; returns its page renderer for the attachment routes to re-render with their errors. */
export function registerItemEditorRoutes(app: Hono<AuthEnv>, deps: StaffDeps): ItemPageRenderer {
  const showItem = async (
    c: Context<AuthEnv>,
    viewer: Viewer,
    itemId: string,
    state: {
      values?: ItemValues;
      errors?: FieldError[];
      stale?: boolean;
      message?: string | undefined;
      uploadErrors?: FieldError[];
      uploadValues?: UploadValues;
    },
    status: 200 | 400 | 409 = 200,
  ) => {
    const { meeting, item } = await loadItem(deps, viewer.principal, itemId);
    const template = await templateOf(deps, meeting.bodyId);
    return editorPage(
      c,
      <ItemEditorPage
        viewer={viewer}
        meeting={meeting}
        item={item}
        values={state.values ?? valuesOfItem(item, template)}
        errors={state.errors ?? []}
        stale={state.stale ?? false}
        message={state.message}
        uploadErrors={state.uploadErrors ?? []}
        uploadValues={state.uploadValues}
      />,
      status,
    );
  };

  app.get('/redigering/moeder/:id/punkter/nyt', async (c) => {
    const viewer = requireEditorViewer(c);
    const meeting = await meetingForEditor(deps, viewer.principal, c.req.param('id'));
    const template = await templateOf(deps, meeting.bodyId);
    const values: ItemValues = {
      title: '',
      caseNumber: '',
      caseTitle: '',
      access: 'aaben',
      publicTitle: '',
      closedReason: '',
      sections: template.map((t) => ({ kind: t.kind, heading: t.heading, text: '' })),
      changeNote: '',
    };
    return editorPage(c, <NewItemPage viewer={viewer} meeting={meeting} values={values} errors={[]} />);
  });

  app.post('/redigering/moeder/:id/punkter', async (c) => {
    const viewer = requireEditorViewer(c);
    const meetingId = c.req.param('id');
    const body = await c.req.parseBody({ all: true });
    const values = readItemForm(body);
    const fail = async (errors: FieldError[], status: 400 | 409 = 400) => {
      const meeting = await meetingForEditor(deps, viewer.principal, meetingId);
      return editorPage(c, <NewItemPage viewer={viewer} meeting={meeting} values={values} errors={errors} />, status);
    };
    const checked = checkForm(itemForm(false), values);
    if (!checked.ok) return fail(checked.errors);
    const { sections, formIndex } = sectionsToSave(values);
    try {
      const isPublic = values.access === 'aaben';
      const changeNote = postedChangeNote(body);
      const created = await addItem(deps, viewer.principal, meetingId, {
        title: values.title,
        public: isPublic,
        publicTitle: isPublic ? null : values.publicTitle,
        closedReason: isPublic ? null : values.closedReason,
        caseNumber: values.caseNumber.trim() || null,
        caseTitle: values.caseTitle.trim() || null,
        sections,
        ...(changeNote === undefined ? {} : { changeNote }),
      });
      return seeOther(c, editorItemHref(created.id), ITEM_CREATED);
    } catch (e) {
      if (!isFormError(e)) throw e;
      const field = (e.where !== undefined ? itemFieldId(e.where, (i) => formIndex[i] ?? 0) : undefined) ?? 'title';
      return fail([{ field, text: e.message }], e.code === 'invalid_input' ? 400 : 409);
    }
  });

  app.get('/redigering/punkter/:id', async (c) => {
    const viewer = requireEditorViewer(c);
    return showItem(c, viewer, c.req.param('id'), { message: flashMessage(c) });
  });

  app.post('/redigering/punkter/:id', async (c) => {
    const viewer = requireEditorViewer(c);
    const itemId = c.req.param('id');
    const body = await c.req.parseBody({ all: true });
    const values = readItemForm(body);
    const { item } = await loadItem(deps, viewer.principal, itemId);
    const isStandard = item.standard !== null;
    const checked = checkForm(itemForm(isStandard), values);
    if (!checked.ok) return showItem(c, viewer, itemId, { values, errors: checked.errors }, 400);
    const { sections, formIndex } = sectionsToSave(values);
    try {
      const isPublic = values.access === 'aaben';
      const changeNote = postedChangeNote(body);
      await updateItem(deps, viewer.principal, itemId, {
        version: formInt(body, 'version'),
        ...(isStandard
          ? {}
          : { title: values.title, public: isPublic, publicTitle: isPublic ? null : values.publicTitle, closedReason: isPublic ? null : values.closedReason }),
        sections,
        ...(changeNote === undefined ? {} : { changeNote }),
      });
      return seeOther(c, editorItemHref(itemId), ITEM_SAVED);
    } catch (e) {
      if (!isFormError(e)) throw e;
      if (e.code === 'conflict' && e.where === 'version') return showItem(c, viewer, itemId, { values, stale: true }, 409);
      const field = (e.where !== undefined ? itemFieldId(e.where, (i) => formIndex[i] ?? 0) : undefined) ?? 'title';
      return showItem(c, viewer, itemId, { values, errors: [{ field, text: e.message }] }, e.code === 'invalid_input' ? 400 : 409);
    }
  });

  // Deleting asks first (a page, so it works without JavaScript), with the change note when needed.
  app.get('/redigering/punkter/:id/slet', async (c) => {
    const viewer = requireEditorViewer(c);
    const { meeting, item } = await loadItem(deps, viewer.principal, c.req.param('id'));
    return editorPage(c, <DeleteItemPage viewer={viewer} meeting={meeting} item={item} errors={[]} />);
  });

  app.post('/redigering/punkter/:id/slet', async (c) => {
    const viewer = requireEditorViewer(c);
    const itemId = c.req.param('id');
    const body = await c.req.parseBody();
    const { meeting, item } = await loadItem(deps, viewer.principal, itemId);
    try {
      const changeNote = postedChangeNote(body);
      await deleteItem(deps, viewer.principal, itemId, changeNote === undefined ? {} : { changeNote });
      return seeOther(c, editorMeetingHref(meeting.id), ITEM_DELETED);
    } catch (e) {
      if (!isFormError(e)) throw e;
      const field = needsChangeNote(e) ? 'changeNote' : 'slet';
      return editorPage(
        c,
        <DeleteItemPage viewer={viewer} meeting={meeting} item={item} errors={[{ field, text: e.message }]} />,
        e.code === 'invalid_input' ? 400 : 409,
      );
    }
  });

  return showItem;
}
