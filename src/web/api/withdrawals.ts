// /api/v1 withdrawal and redaction (issue 13): take back a published version or an attachment,
// or replace a passage by "[fjernet: <reason>]" in an item and every version of its meeting.
// Thin: parse (strict zod, below), call one lifecycle service, present. Documented in docs/api.md.
import type { Hono } from 'hono';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { redactPassage } from '../../services/lifecycle/redaction.js';
import { withdrawAttachment, withdrawPublication, withdrawalOverview } from '../../services/lifecycle/withdrawal.js';
import { type AuthEnv, type StaffDeps, requirePrincipal } from '../auth/context.js';
import { parseJson, pathId } from './parse.js';

const reason = z.string().trim().min(1).max(500).describe('Why (required; written to the audit log, and for a redaction printed as "[fjernet: <reason>]")');

export const withdrawBody = z.strictObject({ reason });
export const redactBody = z.strictObject({
  text: z.string().trim().min(3).max(5000).describe('The exact passage to remove, as the public sees it'),
  reason,
});

export function registerWithdrawalRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  app.get('/meetings/:id/withdrawals', async (c) => {
    const overview = await withdrawalOverview(deps, requirePrincipal(c), pathId(c, 'id'));
    return c.json(overview);
  });

  app.post('/meetings/:id/versions/:kind/:version/withdraw', async (c) => {
    const actor = requirePrincipal(c);
    const kind = c.req.param('kind');
    const version = Number(c.req.param('version'));
    if ((kind !== 'agenda' && kind !== 'minutes') || !Number.isSafeInteger(version) || version < 1) throw new DomainError('not_found', 'Versionen findes ikke');
    const body = await parseJson(c, withdrawBody);
    return c.json(await withdrawPublication(deps, actor, pathId(c, 'id'), { kind, version, reason: body.reason }));
  });

  app.post('/attachments/:id/withdraw', async (c) => {
    const actor = requirePrincipal(c);
    const body = await parseJson(c, withdrawBody);
    await withdrawAttachment(deps, actor, pathId(c, 'id'), { reason: body.reason });
    return c.body(null, 204);
  });

  app.post('/items/:id/redact', async (c) => {
    const actor = requirePrincipal(c);
    const body = await parseJson(c, redactBody);
    return c.json(await redactPassage(deps, actor, pathId(c, 'id'), body));
  });
}
