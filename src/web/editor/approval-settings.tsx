// The approval settings screen (/redigering/indstillinger/godkendelse), for the municipality's
// administrators: who approves the minutes (the rule) and what a correction after
// publication does (the correction policy). The service checks who may; zod checks the form.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { approvalRuleLabel, approvalRules, correctionPolicies, correctionPolicyLabel } from '../../domain/approval.js';
import { DomainError } from '../../domain/errors.js';
import { type ApprovalSettings, approvalSettings, saveApprovalSettings } from '../../services/lifecycle/approval-settings.js';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { type FieldError, type FormBody, ErrorSummary, HiddenCsrf, RadioGroup, SubmitButton, checkForm, errorsByField, formText } from './forms.js';
import { EditorLayout, SuccessAlert } from './layout.js';
import { type Viewer, editorPage, flash, flashMessage, requireViewer, seeOther } from './page.js';

export const APPROVAL_SETTINGS_PATH = '/redigering/indstillinger/godkendelse';
const SAVED = flash('Indstillingerne for godkendelse er gemt');

const schema = z.object({
  rule: z.enum(approvalRules, { message: 'Vælg, hvem der godkender referatet' }),
  correctionPolicy: z.enum(correctionPolicies, { message: 'Vælg, hvad en rettelse efter offentliggørelsen skal gøre' }),
});

function requireAdmin(c: Context<AuthEnv>): Viewer {
  const v = requireViewer(c);
  if (v.principal.role !== 'admin') throw new DomainError('forbidden', 'Kun kommunens administratorer kan ændre indstillingerne');
  return v;
}

export function registerApprovalSettingsRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  app.get(APPROVAL_SETTINGS_PATH, async (c) => {
    const viewer = requireAdmin(c);
    const settings = await approvalSettings(deps, viewer.principal, viewer.principal.bodyId);
    return editorPage(c, <ApprovalSettingsPage viewer={viewer} values={settings} message={flashMessage(c)} />);
  });

  app.post(APPROVAL_SETTINGS_PATH, async (c) => {
    const viewer = requireAdmin(c);
    // Permission before the form: the service refuses an administrator of no municipality.
    const current = await approvalSettings(deps, viewer.principal, viewer.principal.bodyId);
    const body = (await c.req.parseBody()) as FormBody;
    const sent = { rule: formText(body, 'rule'), correctionPolicy: formText(body, 'correctionPolicy') };
    const form = checkForm(schema, sent);
    if (!form.ok) return editorPage(c, <ApprovalSettingsPage viewer={viewer} values={{ ...current, ...sent }} errors={form.errors} />, 400);
    await saveApprovalSettings(deps, viewer.principal, viewer.principal.bodyId, form.data);
    return seeOther(c, APPROVAL_SETTINGS_PATH, SAVED);
  });
}

function ApprovalSettingsPage(props: {
  viewer: Viewer;
  values: ApprovalSettings | { rule: string; correctionPolicy: string };
  errors?: FieldError[] | undefined;
  message?: string | undefined;
}) {
  const errors = errorsByField(props.errors ?? []);
  const title = 'Godkendelse af referater';
  const failed = (props.errors ?? []).length > 0;
  return (
    <EditorLayout
      title={failed ? `Fejl: ${title}` : title}
      principal={props.viewer.principal}
      csrfToken={props.viewer.csrf}
      breadcrumbs={[{ label: 'Møder', href: '/redigering' }, { label: 'Indstillinger' }, { label: 'Godkendelse' }]}
      summary={failed ? <ErrorSummary errors={props.errors ?? []} /> : props.message ? <SuccessAlert text={props.message} /> : null}
    >
      <h1>{title}</h1>
      <p>Styrelsesloven § 13: referatet godkendes af de medlemmer, der deltog i mødet, medmindre forretningsordenen bestemmer andet.</p>
      <form method="post" action={APPROVAL_SETTINGS_PATH} novalidate>
        <HiddenCsrf token={props.viewer.csrf} />
        <RadioGroup
          id="rule"
          label="Hvem godkender referatet?"
          options={approvalRules.map((r) => ({
            value: r,
            label: approvalRuleLabel[r],
            hint:
              r === 'all_attending'
                ? 'Hver deltager, suppleanter medregnet. Sekretariatet kan registrere en godkendelse givet på mødet, på papir eller mundtligt.'
                : 'Den formand eller næstformand, der var til stede, og sekretariatet.',
          }))}
          value={props.values.rule}
          error={errors.rule}
        />
        <RadioGroup
          id="correctionPolicy"
          label="Hvad sker der, når et offentliggjort referat rettes?"
          options={correctionPolicies.map((p) => ({
            value: p,
            label: correctionPolicyLabel[p],
            hint:
              p === 'marked'
                ? 'Den nye version vises som »Rettet <dato>« med ændringsnoten på mødesiden og i referatet som PDF. Godkendelserne gælder den version, der blev godkendt.'
                : 'Deltagerne bliver bedt om at godkende den rettede version. Indtil da står der, at den afventer godkendelse.',
          }))}
          value={props.values.correctionPolicy}
          error={errors.correctionPolicy}
        />
        <SubmitButton id="gem" label="Gem indstillinger" />
      </form>
    </EditorLayout>
  );
}
