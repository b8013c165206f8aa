// Agenda items written by the secretariat: add, edit (sections as sanitised HTML or plain
// text), reorder, move to another meeting, delete. Items are numbered 1..n by position after
// every change. After the agenda is public, each change needs a change note and publishes a
// new version (republish, CPR guard included).
import type { Principal } from '../../domain/access.js';
import { type SectionKind, sectionKinds } from '../../domain/agenda-item.js';
import { assertMayAttachToCase } from '../../domain/case-attachment.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { parseCaseReference } from '../../domain/paper.js';
import { sectionKindForHeading } from '../../importer/parse/sections.js';
import { bumpItemVersion, bumpMeetingVersion } from '../../storage/repositories/lifecycle-refs.js';
import {
  PROTOKOL_SOURCE,
  type SectionRow,
  caseCarriers,
  deleteItemRow,
  findOrganization,
  findPaper,
  insertConsultation,
  insertItem,
  insertPaper,
  itemChildrenForAudit,
  itemOrder,
  itemRow,
  moveItemChildren,
  renumber,
  replaceSections,
  updateItemRow,
} from '../../storage/repositories/meeting-editor.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { audit } from '../audit.js';
import { indexMeetings } from '../search/indexing.js';
import type { LifecycleDeps } from './deps.js';
import { type MeetingRef, checkVersion, itemForEdit, loadItem, meetingForEdit } from './guard.js';
import { htmlToText, sanitiseHtml } from './html.js';
import { trailingStandards } from './meetings.js';
import { assertChangeNoteIfPublic, republishIfPublic } from './publication.js';
import { type StaffItem, assertMayView, staffItems } from './staff-views.js';

export type { StaffItem };

export interface SectionInput {
  heading: string;
  text?: string | null;
  html?: string | null;
  /** Optional; by default from the heading (the importer's dictionary), `other` when unknown. */
  kind?: SectionKind;
}

export interface AddItemInput {
  title: string;
  public: boolean;
  publicTitle?: string | null;
  closedReason?: string | null;
  caseNumber?: string | null;
  caseTitle?: string | null;
  sections?: SectionInput[];
  /** 1-based place on the agenda; by default before "Eventuelt" and "Godkendelse af referat". */
  position?: number;
  changeNote?: string | null;
}

export interface UpdateItemInput {
  version?: number;
  title?: string;
  public?: boolean;
  publicTitle?: string | null;
  closedReason?: string | null;
  sections?: SectionInput[];
  changeNote?: string | null;
}

const MAX_TITLE = 500;
const MAX_SECTIONS = 50;
const MAX_SECTION_CHARS = 500_000;

function text(value: unknown, field: string, label: string, max: number, required: boolean): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    if (required) throw new DomainError('invalid_input', `${label} mangler`, field);
    return null;
  }
  if (typeof value !== 'string') throw new DomainError('invalid_input', `${label} skal være en tekst`, field);
  const v = value.replace(/\s+/g, ' ').trim();
  if (v.length > max) throw new DomainError('invalid_input', `${label} må højst være ${max} tegn`, field);
  return v;
}

export function sectionRows(input: unknown): SectionRow[] {
  if (input === undefined || input === null) return [];
  if (!Array.isArray(input)) throw new DomainError('invalid_input', 'Afsnittene skal være en liste', 'sections');
  if (input.length > MAX_SECTIONS) throw new DomainError('invalid_input', `Et punkt kan have højst ${MAX_SECTIONS} afsnit`, 'sections');
  return input.map((raw: unknown, i): SectionRow => {
    const s = (raw ?? {}) as SectionInput;
    const field = `sections[${i}]`;
    const heading = text(s.heading, `${field}.heading`, 'Afsnittets overskrift', 200, true)!;
    if (s.kind !== undefined && !(sectionKinds as readonly string[]).includes(s.kind))
      throw new DomainError('invalid_input', 'Ukendt afsnitstype', `${field}.kind`);
    const kind = s.kind ?? sectionKindForHeading(heading);
    if (s.html !== undefined && s.html !== null) {
      if (typeof s.html !== 'string' || s.html.length > MAX_SECTION_CHARS)
        throw new DomainError('invalid_input', `Afsnittets tekst må højst være ${MAX_SECTION_CHARS} tegn`, `${field}.html`);
      const html = sanitiseHtml(s.html);
      return { id: newId(), kind, heading, text: htmlToText(html), html: html === '' ? null : html };
    }
    if (s.text !== undefined && s.text !== null && (typeof s.text !== 'string' || s.text.length > MAX_SECTION_CHARS)) {
      throw new DomainError('invalid_input', `Afsnittets tekst må højst være ${MAX_SECTION_CHARS} tegn`, `${field}.text`);
    }
    return { id: newId(), kind, heading, text: (s.text ?? '').replace(/\r\n?/g, '\n'), html: null };
  });
}

/** A JSON picture of the item for the audit log (no file bytes). */
async function itemForAudit(db: Db, itemId: string): Promise<unknown> {
  const row = await itemRow(db, itemId);
  if (!row) return null;
  return { ...row, ...(await itemChildrenForAudit(db, itemId)) };
}

/**
 * Finds the case by number in the municipality, or opens it. An existing case must be one the
 * actor may attach an item of this meeting's committee to (assertMayAttachToCase).
 */
async function paperFor(db: Db, actor: Principal, meeting: MeetingRef, reference: string, title: string): Promise<string> {
  const bodyId = meeting.bodyId;
  const existing = await findPaper(db, bodyId, reference);
  if (existing) {
    assertMayAttachToCase(actor, meeting.organizationId, await caseCarriers(db, existing.id));
    return existing.id;
  }
  const id = newId();
  const parts = parseCaseReference(reference);
  await insertPaper(db, { id, bodyId, reference, referenceParts: parts ? JSON.stringify(parts) : null, title });
  return id;
}

function assertClosedTitle(isPublic: boolean, publicTitle: string | null): void {
  if (!isPublic && publicTitle === null) {
    throw new DomainError(
      'invalid_input',
      'Et lukket punkt skal have en neutral titel, som offentligheden kan se (fx »Lukket punkt: Ejendomshandel«)',
      'publicTitle',
    );
  }
}

async function afterItemChange(trx: Db, deps: LifecycleDeps, actor: Principal, meeting: MeetingRef, changeNote: string | null | undefined): Promise<number> {
  const version = await bumpMeetingVersion(trx, meeting.id, deps.now().toISOString());
  await republishIfPublic(trx, deps, actor, meeting, changeNote);
  await indexMeetings(trx, deps.database, [meeting.id]);
  return version;
}

export async function addItem(
  deps: LifecycleDeps,
  actor: Principal,
  meetingId: string,
  input: AddItemInput,
): Promise<{ id: string; version: number; paperId: string | null }> {
  return deps.database.db.transaction().execute(async (trx) => {
    const meeting = await meetingForEdit(trx, actor, meetingId);
    if (meeting.state === 'minutes_published')
      throw new DomainError('invalid_transition', 'Referatet er offentliggjort; der kan ikke tilføjes punkter', 'meetingId');
    const title = text(input.title, 'title', 'Titlen', MAX_TITLE, true)!;
    if (typeof input.public !== 'boolean') throw new DomainError('invalid_input', 'Angiv, om punktet er åbent eller lukket', 'public');
    const publicTitle = input.public ? null : text(input.publicTitle, 'publicTitle', 'Den neutrale titel', MAX_TITLE, false);
    assertClosedTitle(input.public, publicTitle);
    const closedReason = input.public ? null : text(input.closedReason, 'closedReason', 'Lukkegrunden', 500, false);
    const caseNumber = text(input.caseNumber, 'caseNumber', 'Sagsnummeret', 100, false);
    const caseTitle = text(input.caseTitle, 'caseTitle', 'Sagens titel', MAX_TITLE, false);
    const sections = sectionRows(input.sections);
    assertChangeNoteIfPublic(meeting, input.changeNote);

    const order = await itemOrder(trx, meetingId);
    let at = order.length;
    while (at > 0 && trailingStandards.has(order[at - 1]!.standard ?? '')) at--;
    if (input.position !== undefined) {
      if (!Number.isInteger(input.position) || input.position < 1)
        throw new DomainError('invalid_input', 'Placeringen skal være et helt tal fra 1', 'position');
      at = Math.min(input.position, order.length + 1) - 1;
    }
    const id = newId();
    const paperId = caseNumber === null ? null : await paperFor(trx, actor, meeting, caseNumber, caseTitle ?? title);
    await insertItem(trx, {
      id,
      meetingId,
      paperId,
      number: String(at + 1),
      position: at + 1,
      title,
      public: input.public ? 1 : 0,
      publicTitle,
      closedReason,
      decision: null,
      standard: null,
      version: 1,
      source: PROTOKOL_SOURCE,
      externalId: null,
    });
    await replaceSections(trx, id, sections);
    const ids = order.map((o) => o.id);
    ids.splice(at, 0, id);
    await renumber(trx, ids);
    if (paperId !== null) {
      const org = (await findOrganization(trx, meeting.organizationId))!;
      await insertConsultation(trx, {
        id: newId(),
        paperId,
        organizationId: org.id,
        organizationName: org.name,
        meetingId,
        agendaItemId: id,
        date: meeting.date,
      });
    }
    await audit(
      trx,
      actor,
      { action: 'item.create', entityType: 'agenda_item', entityId: id, bodyId: meeting.bodyId, before: null, after: await itemForAudit(trx, id) },
      deps.now(),
    );
    await afterItemChange(trx, deps, actor, meeting, input.changeNote);
    return { id, version: 1, paperId };
  });
}

export async function updateItem(deps: LifecycleDeps, actor: Principal, itemId: string, input: UpdateItemInput): Promise<{ version: number }> {
  return deps.database.db.transaction().execute(async (trx) => {
    const { item, meeting } = await itemForEdit(trx, actor, itemId);
    checkVersion('Punktet', input.version, item.version);
    const before = (await itemRow(trx, itemId))!;
    const isPublic = input.public ?? item.public;
    if (input.public !== undefined && typeof input.public !== 'boolean')
      throw new DomainError('invalid_input', 'Angiv, om punktet er åbent eller lukket', 'public');
    const patch: Parameters<typeof updateItemRow>[2] = {};
    if (input.title !== undefined) {
      if (item.standard !== null) throw new DomainError('invalid_input', 'Et standardpunkts titel kan ikke ændres', 'title');
      patch.title = text(input.title, 'title', 'Titlen', MAX_TITLE, true)!;
    }
    if (input.public !== undefined) {
      if (item.standard !== null && !input.public) throw new DomainError('invalid_input', 'Et standardpunkt kan ikke lukkes', 'public');
      patch.public = isPublic ? 1 : 0;
    }
    const publicTitle = input.publicTitle !== undefined ? text(input.publicTitle, 'publicTitle', 'Den neutrale titel', MAX_TITLE, false) : before.publicTitle;
    if (input.publicTitle !== undefined) patch.publicTitle = publicTitle;
    assertClosedTitle(isPublic, publicTitle);
    if (input.closedReason !== undefined) patch.closedReason = text(input.closedReason, 'closedReason', 'Lukkegrunden', 500, false);
    const sections = input.sections !== undefined ? sectionRows(input.sections) : undefined;
    assertChangeNoteIfPublic(meeting, input.changeNote);
    const beforeAudit = await itemForAudit(trx, itemId);
    await updateItemRow(trx, itemId, patch);
    if (sections !== undefined) await replaceSections(trx, itemId, sections);
    const version = await bumpItemVersion(trx, itemId);
    await audit(
      trx,
      actor,
      {
        action: 'item.update',
        entityType: 'agenda_item',
        entityId: itemId,
        bodyId: meeting.bodyId,
        before: beforeAudit,
        after: await itemForAudit(trx, itemId),
      },
      deps.now(),
    );
    await afterItemChange(trx, deps, actor, meeting, input.changeNote);
    return { version };
  });
}

export async function reorderItems(
  deps: LifecycleDeps,
  actor: Principal,
  meetingId: string,
  itemIds: string[],
  options: { version?: number; changeNote?: string | null } = {},
): Promise<{ version: number }> {
  return deps.database.db.transaction().execute(async (trx) => {
    const meeting = await meetingForEdit(trx, actor, meetingId);
    checkVersion('Mødet', options.version, meeting.version);
    const order = await itemOrder(trx, meetingId);
    const current = order.map((o) => o.id);
    if (
      !Array.isArray(itemIds) ||
      itemIds.length !== current.length ||
      new Set(itemIds).size !== itemIds.length ||
      !itemIds.every((id) => current.includes(id))
    ) {
      throw new DomainError('invalid_input', 'Listen skal indeholde præcis mødets punkter, hvert én gang', 'itemIds');
    }
    assertChangeNoteIfPublic(meeting, options.changeNote);
    await renumber(trx, itemIds);
    await audit(
      trx,
      actor,
      { action: 'meeting.reorder', entityType: 'meeting', entityId: meetingId, bodyId: meeting.bodyId, before: { itemIds: current }, after: { itemIds } },
      deps.now(),
    );
    return { version: await afterItemChange(trx, deps, actor, meeting, options.changeNote) };
  });
}

/** Moves an item (with its sections, attachments and case link) to another meeting, before its closing standard items. */
export async function moveItem(
  deps: LifecycleDeps,
  actor: Principal,
  itemId: string,
  targetMeetingId: string,
  options: { changeNote?: string | null } = {},
): Promise<{ version: number }> {
  return deps.database.db.transaction().execute(async (trx) => {
    const { item, meeting } = await itemForEdit(trx, actor, itemId);
    if (item.standard !== null) throw new DomainError('invalid_input', 'Et standardpunkt kan ikke flyttes til et andet møde', 'itemId');
    const target = await meetingForEdit(trx, actor, targetMeetingId);
    if (target.id === meeting.id) throw new DomainError('invalid_input', 'Punktet er allerede på det møde', 'targetMeetingId');
    if (target.bodyId !== meeting.bodyId) throw new DomainError('invalid_input', 'Punktet kan kun flyttes til et møde i samme kommune', 'targetMeetingId');
    if (target.state === 'minutes_published' || meeting.state === 'minutes_published') {
      throw new DomainError('invalid_transition', 'Et punkt kan ikke flyttes til eller fra et møde, hvis referat er offentliggjort', 'targetMeetingId');
    }
    assertChangeNoteIfPublic(meeting, options.changeNote);
    assertChangeNoteIfPublic(target, options.changeNote);
    // The item's case follows it: onto the target committee's agenda by the same rule as a new item.
    if (item.paperId !== null && target.organizationId !== meeting.organizationId) {
      assertMayAttachToCase(actor, target.organizationId, await caseCarriers(trx, item.paperId, item.id));
    }
    const beforeAudit = await itemForAudit(trx, itemId);
    const targetOrder = await itemOrder(trx, target.id);
    let at = targetOrder.length;
    while (at > 0 && trailingStandards.has(targetOrder[at - 1]!.standard ?? '')) at--;
    const ids = targetOrder.map((o) => o.id);
    ids.splice(at, 0, itemId);
    await updateItemRow(trx, itemId, { meetingId: target.id });
    await renumber(trx, ids);
    await renumber(
      trx,
      (await itemOrder(trx, meeting.id)).map((o) => o.id),
    );
    const org = (await findOrganization(trx, target.organizationId))!;
    await moveItemChildren(trx, itemId, { id: target.id, organizationId: org.id, organizationName: org.name, date: target.date });
    const version = await bumpItemVersion(trx, itemId);
    await audit(
      trx,
      actor,
      { action: 'item.move', entityType: 'agenda_item', entityId: itemId, bodyId: meeting.bodyId, before: beforeAudit, after: await itemForAudit(trx, itemId) },
      deps.now(),
    );
    await afterItemChange(trx, deps, actor, meeting, options.changeNote);
    await afterItemChange(trx, deps, actor, target, options.changeNote);
    return { version };
  });
}

export async function deleteItem(deps: LifecycleDeps, actor: Principal, itemId: string, options: { changeNote?: string | null } = {}): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const { item, meeting } = await itemForEdit(trx, actor, itemId);
    if (item.standard !== null) throw new DomainError('invalid_input', 'Standardpunkter kan ikke slettes', 'itemId');
    if (meeting.state === 'minutes_published') throw new DomainError('invalid_transition', 'Referatet er offentliggjort; punkter kan ikke slettes', 'itemId');
    assertChangeNoteIfPublic(meeting, options.changeNote);
    const beforeAudit = await itemForAudit(trx, itemId);
    await deleteItemRow(trx, itemId);
    await renumber(
      trx,
      (await itemOrder(trx, meeting.id)).map((o) => o.id),
    );
    await audit(
      trx,
      actor,
      { action: 'item.delete', entityType: 'agenda_item', entityId: itemId, bodyId: meeting.bodyId, before: beforeAudit, after: null },
      deps.now(),
    );
    await afterItemChange(trx, deps, actor, meeting, options.changeNote);
  });
}

/** One item for the secretariat or a member: 403 for a closed item the actor may not read. */
export async function getItemForStaff(deps: LifecycleDeps, actor: Principal, itemId: string): Promise<StaffItem> {
  const db = deps.database.db;
  const { meeting } = await loadItem(db, itemId);
  assertMayView(actor, meeting);
  const item = (await staffItems(db, actor, meeting)).find((i) => i.id === itemId);
  if (!item) throw notFound('Punktet', itemId);
  if (item.redacted) throw new DomainError('forbidden', 'Lukkede punkter kan kun ses af udvalgets medlemmer og sekretariat');
  return item;
}
