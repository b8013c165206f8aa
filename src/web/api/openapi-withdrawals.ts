// The OpenAPI operations of withdrawal and redaction (withdrawals.ts), kept beside their routes.
import { type JsonSchema, arrayOf, obj, str } from './openapi-components.js';
import type { Operation } from './openapi-operation.js';
import { redactBody, withdrawBody } from './withdrawals.js';

const num: JsonSchema = { type: 'integer' };
const nullableStr: JsonSchema = { type: ['string', 'null'] };
const withdrawal = { withdrawnAt: nullableStr, withdrawnBy: nullableStr, withdrawnReason: nullableStr };

export const withdrawalOperations: readonly Operation[] = [
  {
    method: 'get',
    path: '/meetings/:id/withdrawals',
    operationId: 'listWithdrawals',
    tag: 'Publications',
    summary: "Every version and attachment of the meeting with its withdrawal, if any (the meeting's editors)",
    auth: true,
    success: {
      status: 200,
      description: 'Versions (withdrawn ones included) and attachments',
      schema: obj({
        publications: arrayOf(
          obj({ id: str, meetingId: str, kind: str, version: num, publishedAt: str, publishedBy: str, changeNote: nullableStr, ...withdrawal }),
        ),
        files: arrayOf(obj({ id: str, agendaItemId: nullableStr, title: str, fileName: str, public: { type: 'boolean' }, ...withdrawal })),
      }),
    },
    errors: [403, 404],
  },
  {
    method: 'post',
    path: '/meetings/:id/versions/:kind/:version/withdraw',
    operationId: 'withdrawPublication',
    tag: 'Publications',
    summary: 'Withdraw a published version (audit-logged); the last standing one of its kind takes the meeting out of that public state',
    auth: true,
    body: withdrawBody,
    success: { status: 200, description: "Withdrawn; the meeting's state afterwards", schema: obj({ state: str }) },
    errors: [403, 404, 409],
  },
  {
    method: 'post',
    path: '/attachments/:id/withdraw',
    operationId: 'withdrawAttachment',
    tag: 'Attachments',
    summary: 'Withdraw an attachment from every public channel (audit-logged; staff still see it)',
    auth: true,
    body: withdrawBody,
    success: { status: 204, description: 'Withdrawn' },
    errors: [403, 404, 409],
  },
  {
    method: 'post',
    path: '/items/:id/redact',
    operationId: 'redactPassage',
    tag: 'Items',
    summary: 'Replace a passage by "[fjernet: <reason>]" in the item and in every version of its meeting (audit-logged)',
    auth: true,
    body: redactBody,
    success: { status: 200, description: 'Occurrences replaced in the current text, and versions changed', schema: obj({ current: num, versions: num }) },
    errors: [403, 404, 409],
  },
];
