// /redigering/administration/udvalg and /valgperioder: the municipality's committees
// (create, edit name, type, short code, term and dates; end one) and its terms. The services
// check everything (administrators only); a refused form comes back with its field named.
import type { Context, Hono } from 'hono';
import { organizationKindLabel, organizationKinds } from '../../domain/organization.js';
import { formatDateMedium } from '../../render/format.js';
import {
  type AdminCommittee,
  type AdminTerm,
  adminCommittee,
  createCommittee,
  createTerm,
  editCommittee,
  editTerm,
  endCommittee,
  listAdminCommittees,
  listAdminTerms,
} from '../../services/admin/committees.js';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { AdminLayout, type AdminViewer, COMMITTEES_PATH, TERMS_PATH, formErrors, formFields, requireAdminViewer } from './admin-common.js';
import { DateField, type FieldError, HiddenCsrf, Select, SubmitButton, TextField, errorsByField } from './forms.js';
import { editorPage, flash, flashMessage, seeOther } from './page.js';

const COMMITTEE_SAVED = flash('Udvalget er gemt');
const COMMITTEE_ENDED = flash('Udvalget er nedlagt, og medlemskaberne er afsluttet samme dag');
const TERM_SAVED = flash('Valgperioden er gemt');

type Values = Record<string, string>;
const committeeValues = (c: AdminCommittee): Values => ({
  name: c.name,
  shortName: c.shortName ?? '',
  kind: c.kind,
  termId: c.termId ?? '',
  startDate: c.startDate ?? '',
  endDate: c.endDate ?? '',
});
const committeeInput = (v: Values) => ({
  name: v.name ?? '',
  shortName: v.shortName ?? '',
  kind: v.kind ?? '',
  termId: v.termId ?? '',
  startDate: v.startDate ?? '',
  endDate: v.endDate ?? '',
});
const termInput = (v: Values) => ({ name: v.name ?? '', startDate: v.startDate ?? '', endDate: v.endDate ?? '' });

export function registerCommitteeAdminRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  const db = deps.database.db;
  const listPage = async (c: Context<AuthEnv>, v: AdminViewer, values: Values = {}, errors: FieldError[] = []) => {
    const [committees, terms] = [await listAdminCommittees(db, v.principal, v.bodyId), await listAdminTerms(db, v.principal, v.bodyId)];
    return editorPage(
      c,
      <CommitteesPage viewer={v} committees={committees} terms={terms} values={values} errors={errors} message={flashMessage(c)} />,
      errors.length > 0 ? 400 : 200,
    );
  };
  app.get(COMMITTEES_PATH, async (c) => listPage(c, await requireAdminViewer(c, deps)));
  app.post(COMMITTEES_PATH, async (c) => {
    const v = await requireAdminViewer(c, deps);
    const values = await formFields(c);
    try {
      await createCommittee(deps, v.principal, v.bodyId, committeeInput(values));
      return seeOther(c, COMMITTEES_PATH, COMMITTEE_SAVED);
    } catch (e) {
      return listPage(c, v, values, formErrors(e, 'name'));
    }
  });

  const editPage = async (c: Context<AuthEnv>, v: AdminViewer, values?: Values, errors: FieldError[] = []) => {
    const committee = await adminCommittee(db, v.principal, v.bodyId, c.req.param('id') ?? '');
    const terms = await listAdminTerms(db, v.principal, v.bodyId);
    return editorPage(
      c,
      <CommitteePage viewer={v} committee={committee} terms={terms} values={values ?? committeeValues(committee)} errors={errors} message={flashMessage(c)} />,
      errors.length > 0 ? 400 : 200,
    );
  };
  app.get(`${COMMITTEES_PATH}/:id`, async (c) => editPage(c, await requireAdminViewer(c, deps)));
  app.post(`${COMMITTEES_PATH}/:id`, async (c) => {
    const v = await requireAdminViewer(c, deps);
    const values = await formFields(c);
    try {
      await editCommittee(deps, v.principal, v.bodyId, c.req.param('id'), committeeInput(values));
      return seeOther(c, `${COMMITTEES_PATH}/${encodeURIComponent(c.req.param('id'))}`, COMMITTEE_SAVED);
    } catch (e) {
      return editPage(c, v, values, formErrors(e, 'name'));
    }
  });
  app.post(`${COMMITTEES_PATH}/:id/nedlaeg`, async (c) => {
    const v = await requireAdminViewer(c, deps);
    const values = await formFields(c);
    try {
      await endCommittee(deps, v.principal, v.bodyId, c.req.param('id'), values.endOn ?? '');
      return seeOther(c, `${COMMITTEES_PATH}/${encodeURIComponent(c.req.param('id'))}`, COMMITTEE_ENDED);
    } catch (e) {
      return editPage(c, v, undefined, formErrors(e, 'endOn', { endDate: 'endOn' }));
    }
  });

  const termsPage = async (c: Context<AuthEnv>, v: AdminViewer, values: Values = {}, errors: FieldError[] = []) =>
    editorPage(
      c,
      <TermsPage viewer={v} terms={await listAdminTerms(db, v.principal, v.bodyId)} values={values} errors={errors} message={flashMessage(c)} />,
      errors.length > 0 ? 400 : 200,
    );
  app.get(TERMS_PATH, async (c) => termsPage(c, await requireAdminViewer(c, deps)));
  app.post(TERMS_PATH, async (c) => {
    const v = await requireAdminViewer(c, deps);
    const values = await formFields(c);
    try {
      await createTerm(deps, v.principal, v.bodyId, termInput(values));
      return seeOther(c, TERMS_PATH, TERM_SAVED);
    } catch (e) {
      return termsPage(c, v, values, formErrors(e, 'name'));
    }
  });
  app.post(`${TERMS_PATH}/:id`, async (c) => {
    const v = await requireAdminViewer(c, deps);
    const values = await formFields(c);
    const id = c.req.param('id');
    try {
      await editTerm(deps, v.principal, v.bodyId, id, termInput(values));
      return seeOther(c, TERMS_PATH, TERM_SAVED);
    } catch (e) {
      // The field ids of a term's row carry its id: several edit forms share the page.
      return termsPage(c, v, {}, formErrors(e, `name-${id}`, { name: `name-${id}`, startDate: `startDate-${id}`, endDate: `endDate-${id}` }));
    }
  });
}

const kindOptions = organizationKinds.map((k) => ({ value: k, label: organizationKindLabel[k] }));
const termOptions = (terms: AdminTerm[]) => terms.map((t) => ({ value: t.id, label: t.name }));

function CommitteeFields(props: { values: Values; errors: FieldError[]; terms: AdminTerm[] }) {
  const err = errorsByField(props.errors);
  const v = props.values;
  return (
    <>
      <TextField id="name" label="Navn" value={v.name ?? ''} error={err.name} required />
      <TextField
        id="shortName"
        label="Forkortelse"
        hint="Som i punkternes titler, fx BU eller ØU."
        optional
        value={v.shortName ?? ''}
        error={err.shortName}
        inputClass="input-width-xs"
      />
      <Select id="kind" label="Type" options={kindOptions} value={v.kind ?? 'committee'} error={err.kind} />
      <Select
        id="termId"
        label="Valgperiode"
        options={termOptions(props.terms)}
        placeholder="Ingen valgperiode"
        value={v.termId ?? ''}
        error={err.termId}
        optional
      />
      <DateField id="startDate" label="Første dag" optional value={v.startDate ?? ''} error={err.startDate} />
      <DateField id="endDate" label="Sidste dag" optional value={v.endDate ?? ''} error={err.endDate} />
    </>
  );
}

const period = (start: string | null, end: string | null) =>
  start === null && end === null ? '–' : `${start ? formatDateMedium(start) : '…'} – ${end ? formatDateMedium(end) : '…'}`;

function CommitteesPage(props: {
  viewer: AdminViewer;
  committees: AdminCommittee[];
  terms: AdminTerm[];
  values: Values;
  errors: FieldError[];
  message: string | undefined;
}) {
  const termName = new Map(props.terms.map((t) => [t.id, t.name]));
  return (
    <AdminLayout viewer={props.viewer} title="Udvalg" crumbs={[{ label: 'Udvalg' }]} errors={props.errors} message={props.message}>
      <h1>Udvalg</h1>
      <div class="table--responsive-scroll">
        <table class="table">
          <caption class="sr-only">Kommunens udvalg</caption>
          <thead>
            <tr>
              <th scope="col">Navn</th>
              <th scope="col">Type</th>
              <th scope="col">Valgperiode</th>
              <th scope="col">Periode</th>
            </tr>
          </thead>
          <tbody>
            {props.committees.map((o) => (
              <tr>
                <th scope="row">
                  <a href={`${COMMITTEES_PATH}/${encodeURIComponent(o.id)}`}>{o.name}</a>
                  {o.shortName ? ` (${o.shortName})` : ''}
                </th>
                <td>{organizationKindLabel[o.kind] ?? o.kind}</td>
                <td>{o.termId ? (termName.get(o.termId) ?? '–') : '–'}</td>
                <td>{period(o.startDate, o.endDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Opret udvalg</h2>
      <form method="post" novalidate action={COMMITTEES_PATH}>
        <HiddenCsrf token={props.viewer.csrf} />
        <CommitteeFields values={props.values} errors={props.errors} terms={props.terms} />
        <SubmitButton label="Opret udvalget" />
      </form>
    </AdminLayout>
  );
}

function CommitteePage(props: {
  viewer: AdminViewer;
  committee: AdminCommittee;
  terms: AdminTerm[];
  values: Values;
  errors: FieldError[];
  message: string | undefined;
}) {
  const o = props.committee;
  const href = `${COMMITTEES_PATH}/${encodeURIComponent(o.id)}`;
  const err = errorsByField(props.errors);
  return (
    <AdminLayout
      viewer={props.viewer}
      title={o.name}
      crumbs={[{ label: 'Udvalg', href: COMMITTEES_PATH }, { label: o.name }]}
      errors={props.errors}
      message={props.message}
    >
      <h1>{o.name}</h1>
      <form method="post" novalidate action={href}>
        <HiddenCsrf token={props.viewer.csrf} />
        <CommitteeFields values={props.values} errors={props.errors.filter((e) => e.field !== 'endOn')} terms={props.terms} />
        <SubmitButton label="Gem udvalget" />
      </form>
      <h2>Nedlæg udvalget</h2>
      <p>Udvalget får en sidste dag, og medlemskaber, der løber længere, slutter samme dag. Udvalgets møder og referater bevares.</p>
      <form method="post" novalidate action={`${href}/nedlaeg`}>
        <HiddenCsrf token={props.viewer.csrf} />
        <DateField id="endOn" label="Sidste dag" value={o.endDate ?? ''} error={err.endOn} />
        <SubmitButton label="Nedlæg udvalget" variant="warning" />
      </form>
    </AdminLayout>
  );
}

function TermsPage(props: { viewer: AdminViewer; terms: AdminTerm[]; values: Values; errors: FieldError[]; message: string | undefined }) {
  const err = errorsByField(props.errors);
  return (
    <AdminLayout viewer={props.viewer} title="Valgperioder" crumbs={[{ label: 'Valgperioder' }]} errors={props.errors} message={props.message}>
      <h1>Valgperioder</h1>
      {props.terms.map((t) => (
        <form method="post" novalidate action={`${TERMS_PATH}/${encodeURIComponent(t.id)}`} class="admin-row-form">
          <fieldset>
            <legend class="h3">{t.name}</legend>
            <HiddenCsrf token={props.viewer.csrf} />
            <TextField id={`name-${t.id}`} name="name" label="Navn" value={t.name} error={err[`name-${t.id}`]} required />
            <DateField id={`startDate-${t.id}`} name="startDate" label="Første dag" value={t.startDate} error={err[`startDate-${t.id}`]} />
            <DateField id={`endDate-${t.id}`} name="endDate" label="Sidste dag" value={t.endDate} error={err[`endDate-${t.id}`]} />
            <SubmitButton label={`Gem ${t.name}`} variant="secondary" />
          </fieldset>
        </form>
      ))}
      <h2>Ny valgperiode</h2>
      <form method="post" novalidate action={TERMS_PATH}>
        <HiddenCsrf token={props.viewer.csrf} />
        <TextField id="name" label="Navn" hint="Som den skrives, fx 2026-2029." value={props.values.name ?? ''} error={err.name} required />
        <DateField id="startDate" label="Første dag" value={props.values.startDate ?? ''} error={err.startDate} />
        <DateField id="endDate" label="Sidste dag" value={props.values.endDate ?? ''} error={err.endDate} />
        <SubmitButton label="Opret valgperioden" />
      </form>
    </AdminLayout>
  );
}
