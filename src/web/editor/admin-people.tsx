// /redigering/administration/personer: the municipality's people (search, create, edit) and
// each person's memberships (add, edit, end): committee, role, party, dates and, for a
// substitute, whom they stand in for. Secretaries may use it for the committees they work
// for; the services decide (403 otherwise) and name the field of a refused form (400).
import type { Context, Hono } from 'hono';
import { membershipRoleLabel, membershipRoles } from '../../domain/organization.js';
import { formatDateMedium } from '../../render/format.js';
import {
  type AdminMembership,
  type AdminPerson,
  addMembership,
  adminPerson,
  createPerson,
  editMembership,
  editPerson,
  endMembership,
  membershipCommittees,
  searchPeople,
} from '../../services/admin/people.js';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { AdminLayout, type AdminViewer, PEOPLE_PATH, formErrors, formFields, requireAdminViewer } from './admin-common.js';
import { DateField, type FieldError, HiddenCsrf, type Option, Select, SubmitButton, TextField, errorsByField } from './forms.js';
import { editorPage, flash, flashMessage, seeOther } from './page.js';

const PERSON_SAVED = flash('Personen er gemt');
const MEMBERSHIP_SAVED = flash('Medlemskabet er gemt');
const MEMBERSHIP_ENDED = flash('Medlemskabet er afsluttet');

type Values = Record<string, string>;
const personHref = (id: string) => `${PEOPLE_PATH}/${encodeURIComponent(id)}`;
const membershipHref = (personId: string, id: string) => `${personHref(personId)}/medlemskaber/${encodeURIComponent(id)}`;
const membershipInput = (v: Values) => ({
  organizationId: v.organizationId ?? '',
  role: v.role ?? '',
  party: v.party ?? '',
  startDate: v.startDate ?? '',
  endDate: v.endDate ?? '',
  substituteForPersonId: v.substituteForPersonId ?? '',
});
const membershipValues = (m: AdminMembership): Values => ({
  organizationId: m.organizationId,
  role: m.role,
  party: m.party ?? '',
  startDate: m.startDate,
  endDate: m.endDate ?? '',
  substituteForPersonId: m.substituteForPersonId ?? '',
});

export function registerPeopleAdminRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  const db = deps.database.db;
  const listPage = async (c: Context<AuthEnv>, v: AdminViewer, values: Values = {}, errors: FieldError[] = []) => {
    const q = (c.req.query('q') ?? '').slice(0, 100);
    const people = await searchPeople(db, v.principal, v.bodyId, q);
    return editorPage(
      c,
      <PeoplePage viewer={v} people={people} q={q} values={values} errors={errors} message={flashMessage(c)} />,
      errors.length > 0 ? 400 : 200,
    );
  };
  app.get(PEOPLE_PATH, async (c) => listPage(c, await requireAdminViewer(c, deps)));
  app.post(PEOPLE_PATH, async (c) => {
    const v = await requireAdminViewer(c, deps);
    const values = await formFields(c);
    try {
      const id = await createPerson(deps, v.principal, v.bodyId, { name: values.name ?? '', email: values.email ?? '' });
      return seeOther(c, personHref(id), PERSON_SAVED);
    } catch (e) {
      return listPage(c, v, values, formErrors(e, 'name'));
    }
  });

  const personPage = async (c: Context<AuthEnv>, v: AdminViewer, forms: { person?: Values; membership?: Values } = {}, errors: FieldError[] = []) => {
    const { person, memberships } = await adminPerson(db, v.principal, v.bodyId, c.req.param('id') ?? '');
    const committees = await membershipCommittees(db, v.principal, v.bodyId);
    const people = await searchPeople(db, v.principal, v.bodyId, null);
    return editorPage(
      c,
      <PersonPage
        viewer={v}
        person={person}
        memberships={memberships}
        committees={committees}
        people={people}
        personValues={forms.person ?? { name: person.name, email: person.email ?? '' }}
        membershipValues={forms.membership ?? {}}
        errors={errors}
        message={flashMessage(c)}
      />,
      errors.length > 0 ? 400 : 200,
    );
  };
  app.get(`${PEOPLE_PATH}/:id`, async (c) => personPage(c, await requireAdminViewer(c, deps)));
  app.post(`${PEOPLE_PATH}/:id`, async (c) => {
    const v = await requireAdminViewer(c, deps);
    const values = await formFields(c);
    try {
      await editPerson(deps, v.principal, v.bodyId, c.req.param('id'), { name: values.name ?? '', email: values.email ?? '' });
      return seeOther(c, personHref(c.req.param('id')), PERSON_SAVED);
    } catch (e) {
      return personPage(c, v, { person: values }, formErrors(e, 'name'));
    }
  });
  app.post(`${PEOPLE_PATH}/:id/medlemskaber`, async (c) => {
    const v = await requireAdminViewer(c, deps);
    const values = await formFields(c);
    try {
      await addMembership(deps, v.principal, v.bodyId, c.req.param('id'), membershipInput(values));
      return seeOther(c, personHref(c.req.param('id')), MEMBERSHIP_SAVED);
    } catch (e) {
      return personPage(c, v, { membership: values }, formErrors(e, 'organizationId'));
    }
  });

  const membershipPage = async (c: Context<AuthEnv>, v: AdminViewer, values?: Values, errors: FieldError[] = []) => {
    const { person, memberships } = await adminPerson(db, v.principal, v.bodyId, c.req.param('id') ?? '');
    const m = memberships.find((x) => x.id === c.req.param('mid'));
    if (!m) return c.notFound();
    const committees = await membershipCommittees(db, v.principal, v.bodyId);
    const people = await searchPeople(db, v.principal, v.bodyId, null);
    return editorPage(
      c,
      <MembershipPage
        viewer={v}
        person={person}
        membership={m}
        committees={committees}
        people={people}
        values={values ?? membershipValues(m)}
        errors={errors}
      />,
      errors.length > 0 ? 400 : 200,
    );
  };
  app.get(`${PEOPLE_PATH}/:id/medlemskaber/:mid`, async (c) => membershipPage(c, await requireAdminViewer(c, deps)));
  app.post(`${PEOPLE_PATH}/:id/medlemskaber/:mid`, async (c) => {
    const v = await requireAdminViewer(c, deps);
    const values = await formFields(c);
    try {
      await editMembership(deps, v.principal, v.bodyId, c.req.param('mid'), membershipInput(values));
      return seeOther(c, personHref(c.req.param('id')), MEMBERSHIP_SAVED);
    } catch (e) {
      return membershipPage(c, v, values, formErrors(e, 'organizationId'));
    }
  });
  app.post(`${PEOPLE_PATH}/:id/medlemskaber/:mid/afslut`, async (c) => {
    const v = await requireAdminViewer(c, deps);
    const values = await formFields(c);
    const mid = c.req.param('mid');
    try {
      await endMembership(deps, v.principal, v.bodyId, mid, values.endDate ?? '');
      return seeOther(c, personHref(c.req.param('id')), MEMBERSHIP_ENDED);
    } catch (e) {
      return personPage(c, v, {}, formErrors(e, `end-${mid}`, { endDate: `end-${mid}` }));
    }
  });
}

function PeoplePage(props: { viewer: AdminViewer; people: AdminPerson[]; q: string; values: Values; errors: FieldError[]; message: string | undefined }) {
  const err = errorsByField(props.errors);
  return (
    <AdminLayout viewer={props.viewer} title="Personer" crumbs={[{ label: 'Personer' }]} errors={props.errors} message={props.message}>
      <h1>Personer og medlemskaber</h1>
      <form method="get" action={PEOPLE_PATH} role="search">
        <TextField id="q" label="Søg efter navn" value={props.q} />
        <SubmitButton label="Søg" variant="secondary" />
      </form>
      <div class="table--responsive-scroll">
        <table class="table">
          <caption class="sr-only">Personer{props.q ? ` med »${props.q}« i navnet` : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Navn</th>
              <th scope="col">E-mail</th>
            </tr>
          </thead>
          <tbody>
            {props.people.map((p) => (
              <tr>
                <th scope="row">
                  <a href={personHref(p.id)}>{p.name}</a>
                </th>
                <td>{p.email ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.people.length === 0 ? <p>Ingen personer fundet.</p> : null}
      <h2>Opret person</h2>
      <form method="post" novalidate action={PEOPLE_PATH}>
        <HiddenCsrf token={props.viewer.csrf} />
        <PersonFields values={props.values} err={err} />
        <SubmitButton label="Opret personen" />
      </form>
    </AdminLayout>
  );
}

function PersonFields(props: { values: Values; err: Record<string, string> }) {
  return (
    <>
      <TextField id="name" label="Navn" value={props.values.name ?? ''} error={props.err.name} autocomplete="off" required />
      <TextField
        id="email"
        type="email"
        label="E-mail"
        hint="Til sekretariatet; vises aldrig offentligt."
        optional
        value={props.values.email ?? ''}
        error={props.err.email}
        autocomplete="off"
      />
    </>
  );
}

const roleOptions: Option[] = membershipRoles.map((r) => ({ value: r, label: membershipRoleLabel[r] }));

function MembershipFields(props: {
  values: Values;
  err: Record<string, string>;
  committees: { id: string; name: string }[];
  people: AdminPerson[];
  personId: string;
}) {
  const v = props.values;
  return (
    <>
      <Select
        id="organizationId"
        label="Udvalg"
        options={props.committees.map((o) => ({ value: o.id, label: o.name }))}
        value={v.organizationId ?? ''}
        error={props.err.organizationId}
      />
      <Select id="role" label="Rolle" options={roleOptions} value={v.role ?? 'medlem'} error={props.err.role} />
      <TextField
        id="party"
        label="Parti"
        hint="Partibogstavet, fx A, V eller Ø."
        optional
        value={v.party ?? ''}
        error={props.err.party}
        inputClass="input-width-xs"
      />
      <DateField id="startDate" label="Første dag" value={v.startDate ?? ''} error={props.err.startDate} />
      <DateField id="endDate" label="Sidste dag" optional value={v.endDate ?? ''} error={props.err.endDate} />
      <Select
        id="substituteForPersonId"
        label="Stedfortræder for"
        hint="Kun for en suppleant: det medlem, suppleanten træder ind for."
        optional
        placeholder="Ingen"
        options={props.people.filter((p) => p.id !== props.personId).map((p) => ({ value: p.id, label: p.name }))}
        value={v.substituteForPersonId ?? ''}
        error={props.err.substituteForPersonId}
      />
    </>
  );
}

const period = (m: AdminMembership) => `${formatDateMedium(m.startDate)} – ${m.endDate ? formatDateMedium(m.endDate) : '…'}`;

function PersonPage(props: {
  viewer: AdminViewer;
  person: AdminPerson;
  memberships: AdminMembership[];
  committees: { id: string; name: string }[];
  people: AdminPerson[];
  personValues: Values;
  membershipValues: Values;
  errors: FieldError[];
  message: string | undefined;
}) {
  const err = errorsByField(props.errors);
  const p = props.person;
  const nameOf = new Map(props.people.map((x) => [x.id, x.name]));
  const mayKeep = new Set(props.committees.map((o) => o.id));
  return (
    <AdminLayout
      viewer={props.viewer}
      title={p.name}
      crumbs={[{ label: 'Personer', href: PEOPLE_PATH }, { label: p.name }]}
      errors={props.errors}
      message={props.message}
    >
      <h1>{p.name}</h1>
      <form method="post" novalidate action={personHref(p.id)}>
        <HiddenCsrf token={props.viewer.csrf} />
        <PersonFields values={props.personValues} err={err} />
        <SubmitButton label="Gem personen" />
      </form>
      <h2>Medlemskaber</h2>
      {props.memberships.length === 0 ? <p>Ingen medlemskaber.</p> : null}
      <ul class="admin-memberships nobullet-list">
        {props.memberships.map((m) => (
          <li>
            <h3 class="h4">
              {m.organizationName}: {membershipRoleLabel[m.role] ?? m.role}
              {m.party ? ` (${m.party})` : ''}
            </h3>
            <p>
              {period(m)}
              {m.substituteForPersonId ? `. Stedfortræder for ${nameOf.get(m.substituteForPersonId) ?? 'en anden person'}` : ''}
            </p>
            {mayKeep.has(m.organizationId) ? (
              <>
                <p>
                  <a href={membershipHref(p.id, m.id)}>
                    Redigér medlemskabet<span class="sr-only">: {m.organizationName}</span>
                  </a>
                </p>
                <form method="post" novalidate action={`${membershipHref(p.id, m.id)}/afslut`}>
                  <HiddenCsrf token={props.viewer.csrf} />
                  <DateField
                    id={`end-${m.id}`}
                    name="endDate"
                    label={`Sidste dag i ${m.organizationName}`}
                    value={m.endDate ?? ''}
                    error={err[`end-${m.id}`]}
                  />
                  <SubmitButton label="Afslut medlemskabet" variant="secondary" />
                </form>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {props.committees.length > 0 ? (
        <>
          <h2>Nyt medlemskab</h2>
          <form method="post" novalidate action={`${personHref(p.id)}/medlemskaber`}>
            <HiddenCsrf token={props.viewer.csrf} />
            <MembershipFields values={props.membershipValues} err={err} committees={props.committees} people={props.people} personId={p.id} />
            <SubmitButton label="Tilføj medlemskabet" />
          </form>
        </>
      ) : null}
    </AdminLayout>
  );
}

function MembershipPage(props: {
  viewer: AdminViewer;
  person: AdminPerson;
  membership: AdminMembership;
  committees: { id: string; name: string }[];
  people: AdminPerson[];
  values: Values;
  errors: FieldError[];
}) {
  const { person: p, membership: m } = props;
  const title = `${m.organizationName}: ${p.name}`;
  return (
    <AdminLayout
      viewer={props.viewer}
      title={title}
      crumbs={[{ label: 'Personer', href: PEOPLE_PATH }, { label: p.name, href: personHref(p.id) }, { label: 'Medlemskab' }]}
      errors={props.errors}
    >
      <h1>Medlemskab: {title}</h1>
      <form method="post" novalidate action={membershipHref(p.id, m.id)}>
        <HiddenCsrf token={props.viewer.csrf} />
        <MembershipFields values={props.values} err={errorsByField(props.errors)} committees={props.committees} people={props.people} personId={p.id} />
        <SubmitButton label="Gem medlemskabet" />
      </form>
    </AdminLayout>
  );
}
