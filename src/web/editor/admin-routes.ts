// The administration's screens, registered together so the editor's route list grows by one line.
import type { Hono } from 'hono';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { registerCommitteeAdminRoutes } from './admin-committees.js';
import { registerAdminOverviewRoutes } from './admin-overview.js';
import { registerPeopleAdminRoutes } from './admin-people.js';
import { registerSettingsAdminRoutes } from './admin-settings.js';
import { registerTemplateAdminRoutes } from './admin-template.js';

export function registerAdminRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  registerAdminOverviewRoutes(app, deps);
  registerCommitteeAdminRoutes(app, deps);
  registerPeopleAdminRoutes(app, deps);
  registerSettingsAdminRoutes(app, deps);
  registerTemplateAdminRoutes(app, deps);
}
