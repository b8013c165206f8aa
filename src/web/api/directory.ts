// GET /api/v1/organizations and /api/v1/persons: the ids a case system needs, public like
// the portal's committee and person pages (no token needed, CORS open).
import type { Hono } from 'hono';
import { DirectoryService } from '../../services/directory.js';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { organizationsQuery, personsQuery } from './schemas.js';
import { parseQuery } from './parse.js';

export function registerDirectoryRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  const directory = new DirectoryService(deps.database);
  app.get('/organizations', async (c) => c.json(await directory.organizations(parseQuery(c, organizationsQuery))));
  app.get('/persons', async (c) => c.json(await directory.persons(parseQuery(c, personsQuery))));
}
