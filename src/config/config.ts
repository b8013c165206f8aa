// Settings come from the environment (documented in .env.example) and CLI flags, which win.
// Read once, validated with zod, frozen; every problem is listed at once so a misconfigured
// deployment fails fast with one clear message.
import { resolve } from 'node:path';
import { z } from 'zod';
import { DomainError } from '../domain/errors.js';

export type DatabaseConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string };

export interface Config {
  database: DatabaseConfig;
  filesDir: string;
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Public base URL, used for canonical links; defaults to http://HOST:PORT. */
  baseUrl: string;
  /** What every page's footer shows; the shape of web/site.ts's SiteSettings. */
  site: {
    /** A local path or an https URL (the municipality's statement on was.digst.dk). */
    accessibilityUrl: string;
    contact: { email: string | null; phone: string | null; address: string | null };
  };
}

const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^(sqlite:|postgres(ql)?:\/\/)/.test(v), {
      message: 'must be empty, sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE',
    }),
  FILES_DIR: z.string().trim().min(1).optional(),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BASE_URL: z.url().optional(),
  ACCESSIBILITY_URL: z
    .string()
    .trim()
    .default('/tilgaengelighed')
    // A path on this site or an https address; javascript: and plain http are refused.
    .refine((v) => /^\/(?!\/)/.test(v) || /^https:\/\/[^\s/]+/.test(v), {
      message: 'must be a path starting with / or an https:// URL, e.g. https://www.was.digst.dk/...',
    }),
  CONTACT_EMAIL: z.email().optional(),
  CONTACT_PHONE: z.string().trim().min(1).max(40).optional(),
  CONTACT_ADDRESS: z.string().trim().min(1).max(200).optional(),
});

export type ConfigInput = Partial<Record<keyof z.input<typeof schema>, string | undefined>>;

export const DEFAULT_SQLITE_PATH = './data/protokol.db';
export const DEFAULT_FILES_DIR = './data/files';

export function parseDatabaseUrl(url: string | undefined, cwd = process.cwd()): DatabaseConfig {
  if (!url) return { kind: 'sqlite', path: resolve(cwd, DEFAULT_SQLITE_PATH) };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === ':memory:') return { kind: 'sqlite', path };
    if (!path) throw new DomainError('invalid_input', 'DATABASE_URL: sqlite: needs a file path, e.g. sqlite:./data/protokol.db', 'DATABASE_URL');
    return { kind: 'sqlite', path: resolve(cwd, path) };
  }
  return { kind: 'postgres', url };
}

/** Builds the config from env vars overlaid with flags (flags win). */
export function loadConfig(env: NodeJS.ProcessEnv, flags: ConfigInput = {}, cwd = process.cwd()): Readonly<Config> {
  const merged: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape) as (keyof typeof schema.shape)[]) {
    const fromFlag = flags[key];
    const fromEnv = env[key];
    merged[key] = fromFlag ?? (fromEnv === '' ? undefined : fromEnv);
  }
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new DomainError('invalid_input', `Invalid configuration:\n${lines.join('\n')}`, 'config');
  }
  const c = parsed.data;
  const config: Config = {
    database: parseDatabaseUrl(c.DATABASE_URL, cwd),
    filesDir: resolve(cwd, c.FILES_DIR ?? DEFAULT_FILES_DIR),
    host: c.HOST,
    port: c.PORT,
    logLevel: c.LOG_LEVEL,
    baseUrl: (c.BASE_URL ?? `http://${c.HOST.includes(':') ? `[${c.HOST}]` : c.HOST}:${c.PORT}`).replace(/\/$/, ''),
    site: {
      accessibilityUrl: c.ACCESSIBILITY_URL,
      contact: { email: c.CONTACT_EMAIL ?? null, phone: c.CONTACT_PHONE ?? null, address: c.CONTACT_ADDRESS ?? null },
    },
  };
  return Object.freeze(config);
}
