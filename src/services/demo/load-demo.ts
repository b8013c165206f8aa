// The demo municipality "Demo Kommune": a small, fictional but realistic council with three
// terms, committees, members, a few dozen items and attachments. Loaded by `protokol demo`
// and by `npm start` on an empty database, so a new install has something to show.
//
// Deterministic: every row is upserted by (source 'demo', externalId) and gets an id derived
// from that pair, the attachments render to the same bytes every run, and no date is taken
// from the clock. Loading twice therefore converges on the same rows and ids.
import { noBodies } from '../../storage/repositories/directory-queries.js';
import { parseCaseReference } from '../../domain/paper.js';
import type { Database } from '../../storage/db.js';
import type { FileStore } from '../../storage/file-store.js';
import { saveBody, saveMeeting, saveMembership, saveOrganization, savePaper, savePerson, saveTerm } from '../../storage/repositories/archive-writer.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { indexMeetings } from '../search/indexing.js';
import { storeDemoAttachments } from './attachment-files.js';
import { demoCases } from './cases.js';
import { DEMO_BODY_NAME, DEMO_BODY_SLUG, DEMO_SOURCE, demoId, demoKey, organizationKey, paperKey, personKey, termKey } from './keys.js';
import { demoMeetings, meetingRecord } from './meetings.js';
import { demoOrganizations, demoTerm, demoTerms } from './organizations.js';
import { demoPeople, demoPerson } from './people.js';

export { DEMO_BODY_SLUG } from './keys.js';
export { DEMO_CLOSED_CANARY } from './canary.js';

export interface DemoReport {
  bodyId: string;
  organizations: number;
  people: number;
  meetings: number;
  items: number;
  files: number;
}

/** True when no municipality exists yet: the signal for `npm start` to load the demo. */
export async function databaseIsEmpty(database: Database): Promise<boolean> {
  return noBodies(database.db);
}

export async function loadDemo(database: Database, files: FileStore): Promise<DemoReport> {
  const stored = await storeDemoAttachments(files);
  const bodyId = demoId(demoKey('body'));
  const meetings = demoMeetings.map((m) => meetingRecord(bodyId, m, stored));

  await database.db.transaction().execute(async (trx) => {
    const savedBodyId = await saveBody(trx, {
      source: DEMO_SOURCE,
      externalId: demoKey('body'),
      slug: DEMO_BODY_SLUG,
      name: DEMO_BODY_NAME,
      website: null,
    });
    if (savedBodyId !== bodyId) throw new Error('Demo body id is not the derived id');
    await saveStructure(trx, bodyId);
    for (const c of demoCases) {
      await savePaper(trx, {
        source: DEMO_SOURCE,
        externalId: paperKey(c.reference),
        bodyId,
        reference: c.reference,
        referenceParts: parseCaseReference(c.reference),
        title: c.title,
        decisionCompetence: c.decisionCompetence,
      });
    }
    const meetingIds: string[] = [];
    for (const meeting of meetings) meetingIds.push(await saveMeeting(trx, meeting));
    await indexMeetings(trx, database, meetingIds);
  });

  return {
    bodyId,
    organizations: demoOrganizations.length,
    people: demoPeople.length,
    meetings: meetings.length,
    items: meetings.reduce((n, m) => n + m.items.length, 0),
    files: meetings.reduce((n, m) => n + m.items.reduce((k, i) => k + i.files.length, 0), 0),
  };
}

/** Terms, organizations (predecessors first), people and their memberships. */
async function saveStructure(trx: Db, bodyId: string): Promise<void> {
  for (const term of demoTerms) {
    await saveTerm(trx, {
      source: DEMO_SOURCE,
      externalId: termKey(term.code),
      bodyId,
      name: term.code,
      startDate: term.startDate,
      endDate: term.endDate,
    });
  }
  // demoOrganizations lists the terms oldest first, so a predecessor is saved first.
  for (const org of demoOrganizations) {
    const previous = demoTerms[demoTerms.findIndex((t) => t.code === org.term) - 1];
    await saveOrganization(trx, {
      source: DEMO_SOURCE,
      externalId: organizationKey(org.term, org.code),
      bodyId,
      termId: demoId(termKey(org.term)),
      name: org.name,
      shortName: org.shortName,
      kind: org.kind,
      predecessorId: org.predecessor && previous ? demoId(organizationKey(previous.code, org.predecessor)) : null,
    });
  }
  for (const person of demoPeople) {
    await savePerson(trx, { source: DEMO_SOURCE, externalId: personKey(person.key), bodyId, name: person.name });
  }
  for (const org of demoOrganizations) {
    const term = demoTerm(org.term);
    for (const seat of org.seats) {
      await saveMembership(trx, {
        source: DEMO_SOURCE,
        externalId: demoKey('membership', org.term, org.code, seat.person),
        personId: demoId(personKey(seat.person)),
        organizationId: demoId(organizationKey(org.term, org.code)),
        role: seat.role,
        party: demoPerson(seat.person).party,
        startDate: term.startDate,
        endDate: term.endDate,
      });
    }
  }
}
