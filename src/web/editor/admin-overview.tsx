// /redigering/administration: every administration screen in one list. Administrators see
// them all; secretaries the people and memberships they may keep (the rest answer 403).
import type { Hono } from 'hono';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { USERS_PATH } from './users.js';
import {
  ADMIN_PATH,
  APPROVAL_SETTINGS_PATH,
  AdminLayout,
  COMMITTEES_PATH,
  PEOPLE_PATH,
  SETTINGS_PATH,
  TEMPLATE_PATH,
  TERMS_PATH,
  requireAdminViewer,
} from './admin-common.js';
import { editorPage } from './page.js';

const screens: { href: string; label: string; text: string; adminOnly: boolean }[] = [
  { href: USERS_PATH, label: 'Brugere', text: 'Konti, roller, spærring, nyt kodeord og logud.', adminOnly: true },
  { href: COMMITTEES_PATH, label: 'Udvalg', text: 'Kommunalbestyrelsen og udvalgene: navn, type, forkortelse og datoer. Nedlæg et udvalg.', adminOnly: true },
  { href: TERMS_PATH, label: 'Valgperioder', text: 'Kommunalbestyrelsens valgperioder.', adminOnly: true },
  { href: PEOPLE_PATH, label: 'Personer og medlemskaber', text: 'Politikere, deres udvalg, roller, partier, datoer og stedfortrædere.', adminOnly: false },
  { href: SETTINGS_PATH, label: 'Kommunens indstillinger', text: 'Navn, logo, farve, kontaktoplysninger og tilgængelighedserklæring.', adminOnly: true },
  { href: TEMPLATE_PATH, label: 'Skabelon og standardpunkter', text: 'Overskrifterne i en sagsfremstilling og de punkter, et nyt møde får.', adminOnly: true },
  {
    href: APPROVAL_SETTINGS_PATH,
    label: 'Godkendelse af referat',
    text: 'Hvem der godkender referatet, og hvordan en rettelse efter offentliggørelse behandles.',
    adminOnly: true,
  },
];

export function registerAdminOverviewRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  app.get(ADMIN_PATH, async (c) => {
    const viewer = await requireAdminViewer(c, deps);
    const shown = screens.filter((s) => !s.adminOnly || viewer.principal.role === 'admin');
    return editorPage(
      c,
      <AdminLayout viewer={viewer} title="Administration" crumbs={[]}>
        <h1>Administration</h1>
        <ul class="admin-screens">
          {shown.map((s) => (
            <li>
              <a href={s.href}>{s.label}</a>
              <span class="block">{s.text}</span>
            </li>
          ))}
        </ul>
      </AdminLayout>,
    );
  });
}
