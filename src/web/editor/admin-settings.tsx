// /redigering/indstillinger: the municipality's name, header colour (a fixed palette),
// contact details and accessibility statement; the logo uploaded separately (PNG, JPEG or an
// SVG without anything active) and served to everyone at /kommune/logo/<sha256>, the only
// public route here. Administrators only; the services check and name a refused field.
import type { Context, Hono } from 'hono';
import { headerColours } from '../../domain/municipality.js';
import {
  LOGO_PATH_PREFIX,
  type MunicipalitySettings,
  logoFile,
  municipalitySettings,
  saveMunicipalitySettings,
  setLogo,
} from '../../services/admin/municipality.js';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { AdminLayout, type AdminViewer, SETTINGS_PATH, formErrors, formFields, requireAdminViewer } from './admin-common.js';
import { type FieldError, HiddenCsrf, RadioGroup, SubmitButton, TextArea, TextField, errorsByField } from './forms.js';
import { editorPage, flash, flashMessage, seeOther } from './page.js';

const SAVED = flash('Indstillingerne er gemt');
const LOGO_SAVED = flash('Logoet er gemt');
const LOGO_REMOVED = flash('Logoet er fjernet');

type Values = Record<string, string>;
const valuesOf = (s: MunicipalitySettings): Values => ({
  name: s.name,
  colour: s.colour ?? '',
  address: s.contact.address ?? '',
  phone: s.contact.phone ?? '',
  email: s.contact.email ?? '',
  accessibilityStatement: s.accessibilityStatement ?? '',
});

export function registerSettingsAdminRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  const page = async (c: Context<AuthEnv>, v: AdminViewer, values?: Values, errors: FieldError[] = []) => {
    const settings = await municipalitySettings(deps.database.db, v.principal, v.bodyId);
    return editorPage(
      c,
      <SettingsPage viewer={v} settings={settings} values={values ?? valuesOf(settings)} errors={errors} message={flashMessage(c)} />,
      errors.length > 0 ? 400 : 200,
    );
  };
  app.get(SETTINGS_PATH, async (c) => page(c, await requireAdminViewer(c, deps)));
  app.post(SETTINGS_PATH, async (c) => {
    const v = await requireAdminViewer(c, deps);
    const values = await formFields(c);
    try {
      await saveMunicipalitySettings(deps, v.principal, v.bodyId, values);
      return seeOther(c, SETTINGS_PATH, SAVED);
    } catch (e) {
      return page(c, v, values, formErrors(e, 'name'));
    }
  });
  app.post(`${SETTINGS_PATH}/logo`, async (c) => {
    const v = await requireAdminViewer(c, deps);
    const body: Record<string, string | File | (string | File)[]> = await c.req.parseBody();
    const posted = body.logo;
    const file = Array.isArray(posted) ? posted[0] : posted;
    try {
      await setLogo(deps, v.principal, v.bodyId, file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array());
      return seeOther(c, SETTINGS_PATH, LOGO_SAVED);
    } catch (e) {
      return page(c, v, undefined, formErrors(e, 'logo'));
    }
  });
  app.post(`${SETTINGS_PATH}/logo/fjern`, async (c) => {
    const v = await requireAdminViewer(c, deps);
    await setLogo(deps, v.principal, v.bodyId, null);
    return seeOther(c, SETTINGS_PATH, LOGO_REMOVED);
  });

  // Public: the header shows it on every page. Its own strict policy, so even an SVG that got
  // past the check could run nothing when opened on its own.
  app.get(`${LOGO_PATH_PREFIX}:sha256`, async (c) => {
    const logo = await logoFile(deps, c.req.param('sha256'));
    if (!logo) return c.notFound();
    return c.body(new Uint8Array(logo.bytes), 200, {
      'Content-Type': logo.mediaType,
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'X-Content-Type-Options': 'nosniff',
      // The address is the content's hash: it never changes.
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });
}

const colourOptions = Object.entries(headerColours).map(([value, c]) => ({ value, label: c.label }));

function SettingsPage(props: { viewer: AdminViewer; settings: MunicipalitySettings; values: Values; errors: FieldError[]; message: string | undefined }) {
  const err = errorsByField(props.errors);
  const v = props.values;
  const logo = props.settings.logo;
  return (
    <AdminLayout viewer={props.viewer} title="Kommunens indstillinger" crumbs={[{ label: 'Indstillinger' }]} errors={props.errors} message={props.message}>
      <h1>Kommunens indstillinger</h1>
      <form method="post" novalidate action={SETTINGS_PATH}>
        <HiddenCsrf token={props.viewer.csrf} />
        <TextField id="name" label="Kommunens navn" value={v.name ?? ''} error={err.name} required />
        <RadioGroup
          id="colour"
          label="Farve i portalens top"
          hint="Farverne følger Det Fælles Designsystem og har tilstrækkelig kontrast til hvid tekst."
          options={colourOptions}
          value={v.colour || 'dkfds'}
          error={err.colour}
        />
        <h2>Kontaktoplysninger</h2>
        <p>Vises i portalens bund. Kommunens egne adresser, telefonnumre og e-maildomæner giver ikke advarsler om personoplysninger.</p>
        <TextField
          id="address"
          label="Adresse"
          hint="På én linje, fx Rådhuset, Torvet 1, 4000 Roskilde."
          optional
          value={v.address ?? ''}
          error={err.address}
        />
        <TextField id="phone" label="Telefon" optional value={v.phone ?? ''} error={err.phone} autocomplete="off" inputClass="input-width-s" />
        <TextField id="email" type="email" label="E-mail" optional value={v.email ?? ''} error={err.email} autocomplete="off" />
        <h2>Tilgængelighedserklæring</h2>
        <TextArea
          id="accessibilityStatement"
          label="Kommunens egen tekst"
          hint="Vises på siden Tilgængelighedserklæring. Tomme linjer adskiller afsnit."
          optional
          rows={8}
          value={v.accessibilityStatement ?? ''}
          error={err.accessibilityStatement}
        />
        <SubmitButton label="Gem indstillingerne" />
      </form>
      <h2>Logo</h2>
      {logo ? (
        <p>
          <img src={`${LOGO_PATH_PREFIX}${logo.sha256}`} alt={`Nuværende logo for ${props.settings.name}`} class="admin-logo-preview" />
        </p>
      ) : (
        <p>Der er intet logo endnu.</p>
      )}
      <form method="post" novalidate action={`${SETTINGS_PATH}/logo`} enctype="multipart/form-data">
        <HiddenCsrf token={props.viewer.csrf} />
        <div class={err.logo ? 'form-group form-error' : 'form-group'}>
          <label class="form-label" for="logo">
            Nyt logo
          </label>
          <span class="form-hint" id="logo-hint">
            PNG, JPEG eller SVG uden scripts; højst 512 kB.
          </span>
          {err.logo ? (
            <span class="form-error-message" id="logo-error">
              <span class="sr-only">Fejl: </span>
              {err.logo}
            </span>
          ) : null}
          <input
            class="form-file-input"
            type="file"
            id="logo"
            name="logo"
            accept=".png,.jpg,.jpeg,.svg,image/png,image/jpeg,image/svg+xml"
            aria-describedby={err.logo ? 'logo-hint logo-error' : 'logo-hint'}
            {...(err.logo ? { 'aria-invalid': 'true' } : {})}
          />
        </div>
        <SubmitButton label="Gem logoet" variant="secondary" />
      </form>
      {logo ? (
        <form method="post" novalidate action={`${SETTINGS_PATH}/logo/fjern`}>
          <HiddenCsrf token={props.viewer.csrf} />
          <SubmitButton label="Fjern logoet" variant="tertiary" />
        </form>
      ) : null}
    </AdminLayout>
  );
}
