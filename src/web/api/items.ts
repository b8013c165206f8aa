// /api/v1/items…: read, change, delete and move an agenda item, and its attachments.
import type { Hono } from 'hono';
import { DomainError } from '../../domain/errors.js';
import { addAttachment, removeAttachment, updateAttachment } from '../../services/lifecycle/attachments.js';
import { deleteItem, getItemForStaff, moveItem, updateItem } from '../../services/lifecycle/items.js';
import { type AuthEnv, type StaffDeps, requirePrincipal } from '../auth/context.js';
import { attachmentForm, deleteItemQuery, moveItemBody, removeAttachmentQuery, updateAttachmentBody, updateItemBody } from './schemas.js';
import { opt, parseJson, parseQuery, parseWith, pathId } from './parse.js';

/** What a browser or curl sends for common types when it does not say. */
function mediaTypeOf(file: File): string {
  if (file.type && file.type !== 'application/octet-stream') return file.type.split(';')[0]!.trim().toLowerCase();
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  const known: Record<string, string> = {
    pdf: 'application/pdf',
    txt: 'text/plain',
    md: 'text/markdown',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
  return (ext && known[ext]) ?? 'application/octet-stream';
}

export function registerItemRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  app.get('/items/:id', async (c) => {
    const actor = requirePrincipal(c);
    return c.json(await getItemForStaff(deps, actor, pathId(c, 'id')));
  });

  app.patch('/items/:id', async (c) => {
    const actor = requirePrincipal(c);
    const body = await parseJson(c, updateItemBody);
    const result = await updateItem(deps, actor, pathId(c, 'id'), {
      ...opt('version', body.version),
      ...opt('title', body.title),
      ...opt('public', body.public),
      ...opt('publicTitle', body.publicTitle),
      ...opt('closedReason', body.closedReason),
      ...opt('sections', body.sections),
      ...opt('changeNote', body.changeNote),
    });
    return c.json({ version: result.version });
  });

  app.delete('/items/:id', async (c) => {
    const actor = requirePrincipal(c);
    const q = parseQuery(c, deleteItemQuery);
    await deleteItem(deps, actor, pathId(c, 'id'), opt('changeNote', q.changeNote));
    return c.body(null, 204);
  });

  app.post('/items/:id/move', async (c) => {
    const actor = requirePrincipal(c);
    const body = await parseJson(c, moveItemBody);
    const result = await moveItem(deps, actor, pathId(c, 'id'), body.meeting, opt('changeNote', body.changeNote));
    return c.json({ version: result.version });
  });

  app.post('/items/:id/attachments', async (c) => {
    const actor = requirePrincipal(c);
    const itemId = pathId(c, 'id');
    if (!/^multipart\/form-data\b/i.test(c.req.header('Content-Type') ?? '')) {
      throw new DomainError('invalid_input', 'Send bilaget som multipart/form-data med felterne file, title og public', 'Content-Type');
    }
    const form = await c.req.parseBody({ all: true });
    const { file, ...fields } = form;
    if (!(file instanceof File)) throw new DomainError('invalid_input', 'file: vedhæft én fil', 'file');
    if (file.size === 0) throw new DomainError('invalid_input', 'file: filen er tom', 'file');
    const meta = parseWith(attachmentForm, fields);
    const created = await addAttachment(deps, actor, itemId, {
      title: meta.title,
      public: meta.public,
      fileName: file.name || 'bilag',
      mediaType: mediaTypeOf(file),
      bytes: new Uint8Array(await file.arrayBuffer()),
      ...opt('changeNote', meta.changeNote),
    });
    c.header('Location', `/api/v1/attachments/${created.id}`);
    return c.json({ id: created.id, textStatus: created.textStatus, textProblem: created.textProblem }, 201);
  });

  app.patch('/attachments/:id', async (c) => {
    const actor = requirePrincipal(c);
    const body = await parseJson(c, updateAttachmentBody);
    await updateAttachment(deps, actor, pathId(c, 'id'), {
      ...opt('title', body.title),
      ...opt('public', body.public),
      ...opt('changeNote', body.changeNote),
    });
    return c.body(null, 204);
  });

  app.delete('/attachments/:id', async (c) => {
    const actor = requirePrincipal(c);
    const q = parseQuery(c, removeAttachmentQuery);
    await removeAttachment(deps, actor, pathId(c, 'id'), opt('changeNote', q.changeNote));
    return c.body(null, 204);
  });
}
