// What the administration screens share: their paths, the frame (breadcrumbs under
// "Administration", the navigation's entry), the municipality a request is about, and the
// answer to a refused form (the page again with the service's field named, 400).
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { DomainError } from '../../domain/errors.js';
import { adminBodyId, assertStaff } from '../../services/admin/scope.js';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { ErrorSummary, type FieldError } from './forms.js';
import { type Crumb, EditorLayout, SuccessAlert } from './layout.js';
import { requireViewer, type Viewer } from './page.js';

export const ADMIN_PATH = '/redigering/administration';
export const COMMITTEES_PATH = `${ADMIN_PATH}/udvalg`;
export const TERMS_PATH = `${ADMIN_PATH}/valgperioder`;
export const PEOPLE_PATH = `${ADMIN_PATH}/personer`;
export const SETTINGS_PATH = '/redigering/indstillinger';
export const TEMPLATE_PATH = `${SETTINGS_PATH}/skabelon`;
/** Built by helper H1 (the approval rule); linked from the overview. */
export const APPROVAL_SETTINGS_PATH = `${SETTINGS_PATH}/godkendelse`;

export interface AdminViewer extends Viewer {
  bodyId: string;
}

/** Signed in as staff (administrator or secretary), with the municipality the screens are about. */
export async function requireAdminViewer(c: Context<AuthEnv>, deps: StaffDeps): Promise<AdminViewer> {
  const v = requireViewer(c);
  assertStaff(v.principal);
  return { ...v, bodyId: await adminBodyId(deps.database.db, v.principal) };
}

export function AdminLayout(props: {
  viewer: Viewer;
  title: string;
  crumbs: Crumb[];
  failed?: boolean;
  errors?: readonly FieldError[];
  message?: string | undefined;
  children?: Child;
}) {
  const errors = props.errors ?? [];
  const summary = errors.length > 0 ? <ErrorSummary errors={errors} /> : props.message ? <SuccessAlert text={props.message} /> : null;
  return (
    <EditorLayout
      title={errors.length > 0 ? `Fejl: ${props.title}` : props.title}
      principal={props.viewer.principal}
      csrfToken={props.viewer.csrf}
      breadcrumbs={[
        { label: 'Redigering', href: '/redigering' },
        props.crumbs.length > 0 ? { label: 'Administration', href: ADMIN_PATH } : { label: 'Administration' },
        ...props.crumbs,
      ]}
      section="admin"
      summary={summary}
    >
      {props.children}
    </EditorLayout>
  );
}

/**
 * A service's refusal of a form as field errors: `where` is the service's field name, mapped
 * to the input's id by `ids` (same name when not listed); other refusals are thrown on.
 */
export function formErrors(e: unknown, fallback: string, ids: Record<string, string> = {}): FieldError[] {
  if (!(e instanceof DomainError) || e.code !== 'invalid_input') throw e;
  const where = e.where;
  return [{ field: where === undefined ? fallback : (ids[where] ?? where), text: e.message }];
}

/** A posted form's text fields only (files are read separately). */
export async function formFields(c: Context): Promise<Record<string, string>> {
  const body: Record<string, string | File | (string | File)[]> = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    const one = Array.isArray(v) ? v[v.length - 1] : v;
    if (typeof one === 'string') out[k] = one;
  }
  return out;
}
