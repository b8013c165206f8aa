// The administration's services on both databases: committees and terms, people and
// memberships, the municipality's settings (logo checked, public view), the standard items
// new meetings get. Who may do what, field-named refusals, audit entries.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Principal } from '../../src/domain/access.js';
import { DomainError } from '../../src/domain/errors.js';
import { createCommittee, createTerm, editCommittee, endCommittee, listAdminCommittees } from '../../src/services/admin/committees.js';
import { logoFile, municipalitySettings, publicMunicipality, saveMunicipalitySettings, setLogo } from '../../src/services/admin/municipality.js';
import { addMembership, adminPerson, createPerson, editMembership, endMembership, searchPeople } from '../../src/services/admin/people.js';
import { setStandardItems, standardItemsOf } from '../../src/services/admin/standard-items.js';
import { auditTrail } from '../../src/services/audit.js';
import { createMeeting, getMeetingForStaff } from '../../src/services/lifecycle/meetings.js';
import { personalDataHits } from '../../src/services/lifecycle/publication.js';
import { FileStore } from '../../src/storage/file-store.js';
import { forEachDatabase } from '../support/databases.js';
import { type SeededMunicipality, seedMunicipality } from '../support/factories.js';

const principal = (role: Principal['role'], bodyId: string | null, committeeIds: string[] | null = null): Principal => ({
  kind: 'user',
  id: `${role}-1`,
  label: `${role}@testrup.dk`,
  role,
  bodyId,
  committeeIds,
  personId: null,
});

async function refused(promise: Promise<unknown>, code: string, where?: string): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof DomainError, String(e));
    assert.equal(e.code, code, e.message);
    if (where !== undefined) assert.equal(e.where, where, e.message);
    return true;
  });
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

forEachDatabase('administration services', (t) => {
  let m: SeededMunicipality;
  let admin: Principal;
  const deps = () => ({ database: t().database, files: new FileStore(t().filesDir), now: () => new Date('2024-09-01T10:00:00Z') });

  before(async () => {
    m = await seedMunicipality(t().database.db, new FileStore(t().filesDir));
    admin = principal('admin', m.bodyId);
  });

  it('creates a term and a committee, edits it, and ends it with its open memberships', async () => {
    const db = t().database.db;
    const termId = await createTerm(deps(), admin, m.bodyId, { name: '2026-2029', startDate: '2026-01-01', endDate: '2029-12-31' });
    const id = await createCommittee(deps(), admin, m.bodyId, {
      name: 'Klimaudvalget',
      shortName: 'KU',
      kind: 'committee',
      termId,
      startDate: '2026-01-01',
      endDate: '',
    });
    await editCommittee(deps(), admin, m.bodyId, id, {
      name: 'Klima- og Miljøudvalget',
      shortName: 'KMU',
      kind: 'special_committee',
      termId,
      startDate: '2026-01-01',
    });
    const listed = (await listAdminCommittees(db, admin, m.bodyId)).find((c) => c.id === id);
    assert.deepEqual(listed, {
      id,
      termId,
      name: 'Klima- og Miljøudvalget',
      shortName: 'KMU',
      kind: 'special_committee',
      startDate: '2026-01-01',
      endDate: null,
    });

    const person = await createPerson(deps(), admin, m.bodyId, { name: 'Eva Eskildsen', email: '' });
    await addMembership(deps(), admin, m.bodyId, person, { organizationId: id, role: 'formand', party: 'B', startDate: '2026-01-01' });
    assert.deepEqual(await endCommittee(deps(), admin, m.bodyId, id, '2026-06-30'), { membershipsEnded: 1 });
    assert.equal((await adminPerson(db, admin, m.bodyId, person)).memberships[0]?.endDate, '2026-06-30');
    const trail = await auditTrail(db, { entityType: 'organization', entityId: id });
    assert.deepEqual(trail.map((e) => e.action).sort(), ['organization.create', 'organization.end', 'organization.update']);
  });

  it('refuses bad input naming the field, and everyone but the municipality’s administrators', async () => {
    await refused(createTerm(deps(), admin, m.bodyId, { name: 'x', startDate: '2026-01-01', endDate: '2025-01-01' }), 'invalid_input', 'endDate');
    await refused(createTerm(deps(), admin, m.bodyId, { name: 'x', startDate: '2026-02-30', endDate: '2027-01-01' }), 'invalid_input', 'startDate');
    await refused(createCommittee(deps(), admin, m.bodyId, { name: 'X', kind: 'club' }), 'invalid_input', 'kind');
    await refused(createCommittee(deps(), admin, m.bodyId, { name: '  ', kind: 'committee' }), 'invalid_input', 'name');
    await refused(createCommittee(deps(), admin, m.bodyId, { name: 'X', kind: 'committee', termId: 'nope' }), 'invalid_input', 'termId');
    // Permission before validation: a secretary's bad input is still a 403.
    await refused(createCommittee(deps(), principal('secretary', m.bodyId), m.bodyId, { name: '' }), 'forbidden');
    await refused(createCommittee(deps(), principal('admin', 'another-body'), m.bodyId, { name: 'X', kind: 'committee' }), 'forbidden');
    await refused(saveMunicipalitySettings(deps(), principal('member', m.bodyId), m.bodyId, { name: 'X' }), 'forbidden');
  });

  it('keeps people and memberships: search, substitutes, secretaries within their committees', async () => {
    const db = t().database.db;
    const id = await createPerson(deps(), admin, m.bodyId, { name: 'Frida Fisker', email: 'frida@example.dk' });
    assert.deepEqual(
      (await searchPeople(db, admin, m.bodyId, 'fisk')).map((p) => p.name),
      ['Frida Fisker'],
      'a part of the name, any case',
    );
    assert.equal((await searchPeople(db, admin, m.bodyId, '%')).length, 0, 'a wildcard is a character');
    await createPerson(deps(), admin, m.bodyId, { name: 'Øjvind Ærø' });
    assert.deepEqual(
      (await searchPeople(db, admin, m.bodyId, 'ærø')).map((p) => p.name),
      ['Øjvind Ærø'],
      'Danish letters in any case',
    );
    await refused(createPerson(deps(), admin, m.bodyId, { name: 'X', email: 'ikke-en-adresse' }), 'invalid_input', 'email');

    const scoped = principal('secretary', m.bodyId, [m.committeeId]);
    await refused(
      addMembership(deps(), scoped, m.bodyId, id, { organizationId: m.councilId, role: 'medlem', startDate: '2024-01-01' }),
      'forbidden',
      undefined,
    );
    await refused(
      addMembership(deps(), scoped, m.bodyId, id, {
        organizationId: m.committeeId,
        role: 'medlem',
        startDate: '2024-01-01',
        substituteForPersonId: m.people.chair.id,
      }),
      'invalid_input',
      'substituteForPersonId',
    );
    await refused(
      addMembership(deps(), scoped, m.bodyId, id, { organizationId: m.committeeId, role: 'boss', startDate: '2024-01-01' }),
      'invalid_input',
      'role',
    );
    const mid = await addMembership(deps(), scoped, m.bodyId, id, {
      organizationId: m.committeeId,
      role: 'suppleant',
      party: 'F',
      startDate: '2024-01-01',
      substituteForPersonId: m.people.chair.id,
    });
    await editMembership(deps(), scoped, m.bodyId, mid, {
      organizationId: m.committeeId,
      role: 'suppleant',
      party: 'SF',
      startDate: '2024-02-01',
      substituteForPersonId: m.people.chair.id,
    });
    await refused(endMembership(deps(), scoped, m.bodyId, mid, '2024-01-15'), 'invalid_input', 'endDate');
    await endMembership(deps(), scoped, m.bodyId, mid, '2024-12-31');
    const { memberships } = await adminPerson(db, scoped, m.bodyId, id);
    assert.deepEqual(
      memberships.map(({ role, party, startDate, endDate, substituteForPersonId }) => ({ role, party, startDate, endDate, substituteForPersonId })),
      [{ role: 'suppleant', party: 'SF', startDate: '2024-02-01', endDate: '2024-12-31', substituteForPersonId: m.people.chair.id }],
    );
    const trail = await auditTrail(db, { entityType: 'person', entityId: id });
    assert.ok(!JSON.stringify(trail).includes('frida@example.dk'), 'the e-mail address is not copied into the audit log');
    await refused(createPerson(deps(), principal('member', m.bodyId), m.bodyId, { name: 'X' }), 'forbidden');
  });

  it('stores the settings and a checked logo, and shows them to the public frame', async () => {
    const db = t().database.db;
    await saveMunicipalitySettings(deps(), admin, m.bodyId, {
      name: 'Testrup Kommune',
      colour: 'green',
      address: 'Rådhuset, Torvegade 1, 4000 Testrup',
      phone: '+45 46 31 30 00',
      email: 'post@testrup.dk',
      accessibilityStatement: 'Vores egen erklæring.',
    });
    await refused(saveMunicipalitySettings(deps(), admin, m.bodyId, { name: 'Testrup Kommune', colour: '#ff00ff' }), 'invalid_input', 'colour');
    await refused(saveMunicipalitySettings(deps(), admin, m.bodyId, { name: 'Testrup Kommune', phone: 'ring til os' }), 'invalid_input', 'phone');
    await refused(
      setLogo(deps(), admin, m.bodyId, new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
      'invalid_input',
      'logo',
    );
    await refused(setLogo(deps(), admin, m.bodyId, new TextEncoder().encode('<svg onload="alert(1)"></svg>')), 'invalid_input', 'logo');
    await refused(setLogo(deps(), admin, m.bodyId, new TextEncoder().encode('GIF89a')), 'invalid_input', 'logo');
    await setLogo(deps(), admin, m.bodyId, PNG);
    const settings = await municipalitySettings(db, admin, m.bodyId);
    assert.equal(settings.logo?.mediaType, 'image/png');
    const shown = await publicMunicipality(db);
    assert.equal(shown?.name, 'Testrup Kommune');
    assert.equal(shown?.colour?.key, 'green');
    assert.equal(shown?.logoPath, `/kommune/logo/${settings.logo?.sha256}`);
    assert.equal(shown?.accessibilityStatement, 'Vores egen erklæring.');
    assert.deepEqual([...((await logoFile(deps(), settings.logo?.sha256 ?? ''))?.bytes ?? [])], [...PNG]);
    assert.equal(await logoFile(deps(), 'a'.repeat(64)), null, 'nothing else in the store is served as a logo');
    const actions = (await auditTrail(db, { entityType: 'body', entityId: m.bodyId })).map((e) => e.action);
    assert.ok(actions.includes('body.settings') && actions.includes('body.logo'), actions.join());
  });

  it('the municipality’s own address is not a personal-data warning', async () => {
    const db = t().database.db;
    await saveMunicipalitySettings(deps(), admin, m.bodyId, {
      name: 'Testrup Kommune',
      address: 'Rådhuset, Torvegade 1, 4000 Testrup',
      email: 'borger@testrup.dk',
    });
    // A title naming the town hall's address and e-mail (the standard items are the quickest way to write one).
    await setStandardItems(deps(), admin, m.bodyId, [
      { standard: 'any_other_business', title: 'Eventuelt: spørgsmål til borger@testrup.dk eller Torvegade 1, 4000 Testrup' },
    ]);
    const created = await createMeeting(deps(), admin, { organizationId: m.committeeId, date: '2024-10-01', start: null, end: null, location: null });
    await setStandardItems(deps(), admin, m.bodyId, null);
    const withoutSettings = await personalDataHits(db, created.id, 'agenda', {});
    assert.deepEqual(withoutSettings.map((w) => w.kind).sort(), ['address', 'email']);
    assert.deepEqual(await personalDataHits(db, created.id, 'agenda'), [], 'the settings are the exemptions');
  });

  it('gives new meetings the stored standard items; null restores the built-in list', async () => {
    const db = t().database.db;
    await refused(setStandardItems(deps(), admin, m.bodyId, [{ standard: 'agenda_approval', title: '' }]), 'invalid_input', 'agenda_approval.title');
    await setStandardItems(deps(), admin, m.bodyId, [
      { standard: 'minutes_approval', title: 'Underskrift af beslutningsprotokol' },
      { standard: 'agenda_approval', title: 'Dagsorden' },
    ]);
    assert.deepEqual(
      (await standardItemsOf(db, admin, m.bodyId)).map((s) => s.title),
      ['Dagsorden', 'Underskrift af beslutningsprotokol'],
    );
    const created = await createMeeting(deps(), admin, { organizationId: m.committeeId, date: '2024-10-08', start: null, end: null, location: null });
    const meeting = await getMeetingForStaff(deps(), admin, created.id);
    assert.deepEqual(
      meeting.items.map((i) => i.title),
      ['Dagsorden', 'Underskrift af beslutningsprotokol'],
    );
    await setStandardItems(deps(), admin, m.bodyId, null);
    assert.equal((await standardItemsOf(db, admin, m.bodyId)).length, 3);
    await refused(setStandardItems(deps(), principal('secretary', m.bodyId), m.bodyId, null), 'forbidden');
  });
});
