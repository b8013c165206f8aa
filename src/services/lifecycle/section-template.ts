// Municipality settings the secretariat's work follows: the section template of a case
// presentation and who approves the minutes. Administrators of the municipality only.
import { type Principal, mayAdminister } from '../../domain/access.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { type SectionTemplate, parseStoredTemplate, validateSectionTemplate } from '../../domain/section-template.js';
import { bodySettings, setBodySettings } from '../../storage/repositories/meeting-editor.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { audit } from '../audit.js';
import type { LifecycleDeps } from './deps.js';

export type ApprovalRule = 'all_attending' | 'chair_and_secretary';
export const approvalRules: readonly ApprovalRule[] = ['all_attending', 'chair_and_secretary'];

/** The municipality's template, or the default when it has none. */
export async function sectionTemplate(db: Db, bodyId: string): Promise<SectionTemplate> {
  const body = await bodySettings(db, bodyId);
  if (!body) throw notFound('Kommunen', bodyId);
  return parseStoredTemplate(body.sectionTemplate);
}

function assertAdmin(actor: Principal, bodyId: string): void {
  if (!mayAdminister(actor, bodyId)) throw new DomainError('forbidden', 'Kun kommunens administratorer kan ændre indstillingerne');
}

/** Sets the template; null restores the default. */
export async function setSectionTemplate(deps: LifecycleDeps, actor: Principal, bodyId: string, template: unknown): Promise<SectionTemplate> {
  assertAdmin(actor, bodyId);
  return deps.database.db.transaction().execute(async (trx) => {
    const body = await bodySettings(trx, bodyId);
    if (!body) throw notFound('Kommunen', bodyId);
    const value = template === null ? null : validateSectionTemplate(template);
    await setBodySettings(trx, bodyId, { sectionTemplate: value === null ? null : JSON.stringify(value) });
    await audit(
      trx,
      actor,
      {
        action: 'body.section_template',
        entityType: 'body',
        entityId: bodyId,
        bodyId,
        before: parseStoredTemplate(body.sectionTemplate),
        after: value ?? parseStoredTemplate(null),
      },
      deps.now(),
    );
    return value ?? parseStoredTemplate(null);
  });
}

export async function setApprovalRule(deps: LifecycleDeps, actor: Principal, bodyId: string, rule: ApprovalRule): Promise<void> {
  assertAdmin(actor, bodyId);
  if (!approvalRules.includes(rule)) throw new DomainError('invalid_input', 'Reglen skal være all_attending eller chair_and_secretary', 'rule');
  await deps.database.db.transaction().execute(async (trx) => {
    const body = await bodySettings(trx, bodyId);
    if (!body) throw notFound('Kommunen', bodyId);
    await setBodySettings(trx, bodyId, { approvalRule: rule });
    await audit(
      trx,
      actor,
      {
        action: 'body.approval_rule',
        entityType: 'body',
        entityId: bodyId,
        bodyId,
        before: { approvalRule: body.approvalRule },
        after: { approvalRule: rule },
      },
      deps.now(),
    );
  });
}
