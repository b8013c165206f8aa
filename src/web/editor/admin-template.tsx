// /redigering/indstillinger/skabelon: the section template a new item starts with (the
// headings of a case presentation, each with its kind) and the standard items a new meeting
// gets. One form: rows with a blank heading are dropped, a few blank rows let a heading be
// added. Administrators only; the services (setSectionTemplate, setStandardItems) check.
import type { Context, Hono } from 'hono';
import { type SectionKind, sectionKinds } from '../../domain/agenda-item.js';
import { DomainError } from '../../domain/errors.js';
import { DEFAULT_STANDARD_ITEMS, type StandardItem, standardKinds, validateStandardItems } from '../../domain/municipality.js';
import { type SectionTemplate, validateSectionTemplate } from '../../domain/section-template.js';
import { setStandardItems, standardItemsOf } from '../../services/admin/standard-items.js';
import { assertAdmin } from '../../services/admin/scope.js';
import { sectionTemplate, setSectionTemplate } from '../../services/lifecycle/section-template.js';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { AdminLayout, type AdminViewer, TEMPLATE_PATH, formErrors, requireAdminViewer } from './admin-common.js';
import { Checkbox, type FieldError, HiddenCsrf, Select, SubmitButton, TextField, errorsByField, formText, formTexts } from './forms.js';
import { editorPage, flash, flashMessage, seeOther } from './page.js';

const SAVED = flash('Skabelonen og standardpunkterne er gemt');
const BLANK_ROWS = 3;

const kindLabel: Record<SectionKind, string> = {
  decision: 'Beslutning',
  summary: 'Resumé',
  recommendation: 'Indstilling',
  competence: 'Beslutningskompetence',
  presentation: 'Sagsfremstilling',
  statements: 'Udtalelser og høring',
  assessment: 'Vurdering',
  economy: 'Økonomi',
  history: 'Sagens forløb',
  communication: 'Kommunikation',
  legal_basis: 'Lovgrundlag',
  attachments: 'Bilag',
  other: 'Andet',
};
const standardLabel: Record<string, string> = { agenda_approval: 'Første punkt', any_other_business: 'Næstsidste punkt', minutes_approval: 'Sidste punkt' };

interface Form {
  template: { kind: string; heading: string }[];
  standards: { standard: string; included: boolean; title: string }[];
}

function formOf(template: SectionTemplate, items: StandardItem[]): Form {
  return {
    template: template.map((t) => ({ kind: t.kind, heading: t.heading })),
    standards: standardKinds.map((k) => {
      const item = items.find((i) => i.standard === k);
      return { standard: k, included: item !== undefined, title: item?.title ?? DEFAULT_STANDARD_ITEMS.find((d) => d.standard === k)?.title ?? '' };
    }),
  };
}

/** Maps a service's `template[2].heading` / `any_other_business.title` to the input's id. */
const fieldId = (where: string): string => {
  const m = /^template\[(\d+)\]\.(heading|kind)$/.exec(where);
  if (m) return `${m[2]}-${Number(m[1]) + 1}`;
  const s = /^(\w+)\.title$/.exec(where);
  return s ? `title-${s[1]}` : 'heading-1';
};

export function registerTemplateAdminRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  const page = async (c: Context<AuthEnv>, v: AdminViewer, form?: Form, errors: FieldError[] = []) => {
    assertAdmin(v.principal, v.bodyId);
    const shown = form ?? formOf(await sectionTemplate(deps.database.db, v.bodyId), await standardItemsOf(deps.database.db, v.principal, v.bodyId));
    return editorPage(c, <TemplatePage viewer={v} form={shown} errors={errors} message={flashMessage(c)} />, errors.length > 0 ? 400 : 200);
  };
  app.get(TEMPLATE_PATH, async (c) => page(c, await requireAdminViewer(c, deps)));
  app.post(TEMPLATE_PATH, async (c) => {
    const v = await requireAdminViewer(c, deps);
    assertAdmin(v.principal, v.bodyId);
    const body = await c.req.parseBody({ all: true });
    const kinds = formTexts(body, 'kind');
    const headings = formTexts(body, 'heading');
    const form: Form = {
      template: headings.map((heading, i) => ({ kind: kinds[i] ?? 'other', heading })),
      standards: standardKinds.map((k) => ({ standard: k, included: formText(body, `include-${k}`) === 'ja', title: formText(body, `title-${k}`) })),
    };
    // Blank rows are the form's spare ones (or a heading cleared to drop it).
    const template = form.template.filter((t) => t.heading.trim() !== '');
    const items = form.standards.filter((s) => s.included).map((s) => ({ standard: s.standard, title: s.title }));
    try {
      // Both checked before either is saved, so a refusal leaves both as they were.
      if (template.length === 0) throw new DomainError('invalid_input', 'Skabelonen skal have mindst ét afsnit', 'template[0].heading');
      validateSectionTemplate(template);
      validateStandardItems(items);
      await setSectionTemplate(deps, v.principal, v.bodyId, template);
      await setStandardItems(deps, v.principal, v.bodyId, items);
      return seeOther(c, TEMPLATE_PATH, SAVED);
    } catch (e) {
      const errors = formErrors(e, 'heading-1');
      const mapped = errors.map((x) => ({ ...x, field: fieldId(x.field) }));
      // A template index counts the kept rows; the form's row ids count every row posted.
      return page(c, v, { ...form, template: template.concat(form.template.filter((t) => t.heading.trim() === '')) }, mapped);
    }
  });
}

function TemplatePage(props: { viewer: AdminViewer; form: Form; errors: FieldError[]; message: string | undefined }) {
  const err = errorsByField(props.errors);
  const rows = [...props.form.template, ...Array.from({ length: BLANK_ROWS }, () => ({ kind: 'other', heading: '' }))].slice(
    0,
    props.form.template.length + BLANK_ROWS,
  );
  const kindOptions = sectionKinds.map((k) => ({ value: k, label: kindLabel[k] }));
  return (
    <AdminLayout
      viewer={props.viewer}
      title="Skabelon og standardpunkter"
      crumbs={[{ label: 'Skabelon og standardpunkter' }]}
      errors={props.errors}
      message={props.message}
    >
      <h1>Skabelon og standardpunkter</h1>
      <form method="post" novalidate action={TEMPLATE_PATH}>
        <HiddenCsrf token={props.viewer.csrf} />
        <h2>Sagsfremstillingens afsnit</h2>
        <p>Et nyt punkt får disse overskrifter i denne rækkefølge. Ryd en overskrift for at fjerne afsnittet; de tomme rækker tilføjer nye.</p>
        {rows.map((r, i) => (
          <fieldset class="template-row">
            <legend class="h4">Afsnit {i + 1}</legend>
            <TextField
              id={`heading-${i + 1}`}
              name="heading"
              label="Overskrift"
              optional={r.heading === ''}
              value={r.heading}
              error={err[`heading-${i + 1}`]}
            />
            <Select id={`kind-${i + 1}`} name="kind" label="Slags" options={kindOptions} value={r.kind} error={err[`kind-${i + 1}`]} />
          </fieldset>
        ))}
        <h2>Standardpunkter</h2>
        <p>Punkter, som hvert nyt møde får. Møder, der allerede er oprettet, beholder deres punkter.</p>
        {props.form.standards.map((s) => (
          <fieldset>
            <legend class="h4">{standardLabel[s.standard] ?? s.standard}</legend>
            <Checkbox id={`include-${s.standard}`} label="Med på nye møder" checked={s.included} />
            <TextField id={`title-${s.standard}`} label="Titel" value={s.title} error={err[`title-${s.standard}`]} />
          </fieldset>
        ))}
        <SubmitButton label="Gem skabelon og standardpunkter" />
      </form>
    </AdminLayout>
  );
}
