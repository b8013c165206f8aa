// The approval settings of a municipality (/redigering/indstillinger/godkendelse): who
// approves the minutes (setApprovalRule in section-template.ts) and what a correction after
// publication does (the correction policy). Administrators of the municipality only.
import { type Principal, mayAdminister } from '../../domain/access.js';
import { type ApprovalRule, type CorrectionPolicy, correctionPolicies, parseApprovalRule, parseCorrectionPolicy } from '../../domain/approval.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { approvalRuleOf, correctionPolicyOf, setCorrectionPolicy } from '../../storage/repositories/approvals.js';
import { bodySettings } from '../../storage/repositories/meeting-editor.js';
import { audit } from '../audit.js';
import type { LifecycleDeps } from './deps.js';
import { setApprovalRule } from './section-template.js';

export interface ApprovalSettings {
  rule: ApprovalRule;
  correctionPolicy: CorrectionPolicy;
}

function assertAdmin(actor: Principal, bodyId: string | null): asserts bodyId is string {
  if (bodyId === null || !mayAdminister(actor, bodyId)) throw new DomainError('forbidden', 'Kun kommunens administratorer kan ændre indstillingerne');
}

export async function approvalSettings(deps: LifecycleDeps, actor: Principal, bodyId: string | null): Promise<ApprovalSettings> {
  assertAdmin(actor, bodyId);
  const db = deps.database.db;
  if (!(await bodySettings(db, bodyId))) throw notFound('Kommunen', bodyId);
  return { rule: parseApprovalRule(await approvalRuleOf(db, bodyId)), correctionPolicy: parseCorrectionPolicy(await correctionPolicyOf(db, bodyId)) };
}

export async function setCorrectionPolicyOf(deps: LifecycleDeps, actor: Principal, bodyId: string, policy: string): Promise<void> {
  assertAdmin(actor, bodyId);
  if (!(correctionPolicies as readonly string[]).includes(policy)) {
    throw new DomainError('invalid_input', 'Vælg, hvad en rettelse efter offentliggørelsen skal gøre', 'correctionPolicy');
  }
  await deps.database.db.transaction().execute(async (trx) => {
    if (!(await bodySettings(trx, bodyId))) throw notFound('Kommunen', bodyId);
    const before = parseCorrectionPolicy(await correctionPolicyOf(trx, bodyId));
    await setCorrectionPolicy(trx, bodyId, policy);
    await audit(
      trx,
      actor,
      {
        action: 'body.correction_policy',
        entityType: 'body',
        entityId: bodyId,
        bodyId,
        before: { correctionPolicy: before },
        after: { correctionPolicy: policy },
      },
      deps.now(),
    );
  });
}

/** Both settings; each validated before anything is written, the rule through setApprovalRule. */
export async function saveApprovalSettings(
  deps: LifecycleDeps,
  actor: Principal,
  bodyId: string | null,
  input: { rule: string; correctionPolicy: string },
): Promise<void> {
  assertAdmin(actor, bodyId);
  if (!['all_attending', 'chair_and_secretary'].includes(input.rule)) {
    throw new DomainError('invalid_input', 'Vælg, hvem der godkender referatet', 'rule');
  }
  if (!(correctionPolicies as readonly string[]).includes(input.correctionPolicy)) {
    throw new DomainError('invalid_input', 'Vælg, hvad en rettelse efter offentliggørelsen skal gøre', 'correctionPolicy');
  }
  const current = await approvalSettings(deps, actor, bodyId);
  if (current.rule !== input.rule) await setApprovalRule(deps, actor, bodyId, input.rule as ApprovalRule);
  if (current.correctionPolicy !== input.correctionPolicy) await setCorrectionPolicyOf(deps, actor, bodyId, input.correctionPolicy);
}
