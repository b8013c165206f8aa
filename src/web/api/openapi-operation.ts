// The shape of one documented route, shared by the operation tables (openapi-operations.ts and
// the per-area tables beside it) and the document builder, so the tables never import each other.
import type { z } from 'zod';
import type { JsonSchema } from './openapi-components.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Operation {
  method: Method;
  /** Hono style, relative to /api/v1: "/meetings/:id". */
  path: string;
  operationId: string;
  tag: 'Directory' | 'Meetings' | 'Items' | 'Attachments' | 'Minutes' | 'Publications' | 'Search' | 'Audit' | 'Meta';
  summary: string;
  description?: string;
  /** Needs a token or session (401 without). */
  auth: boolean;
  query?: z.ZodObject;
  body?: z.ZodType | { multipart: z.ZodObject };
  /** Alternative body accepted as well (attendance: the list alone). */
  altBody?: z.ZodType;
  success: { status: number; description: string; schema?: JsonSchema };
  /** Error statuses besides 401 (added for every auth route) and 400 (added when there is input). */
  errors: number[];
}
