// Settings come from the environment (documented in .env.example) and CLI flags, which win.
// Read once, validated with zod, frozen; every problem is listed at once so a misconfigured
// deployment fails fast with one clear message.
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DomainError } from '../domain/errors.js';
import { DEFAULT_OPEN_DATA_LICENSE } from '../domain/open-data.js';
import { type UserRole, parseRole } from '../domain/user.js';
import type { OidcSettings } from '../services/auth/oidc-settings.js';
import type { ExtractLimits } from '../services/lifecycle/sandbox/limits.js';

export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

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
  /** Single sign-on (OpenID Connect); null when the OIDC_* settings are not given. */
  oidc: OidcSettings | null;
  /** `protokol serve` keeps the open-data dump (/data/) current itself: at start-up when it is missing or a day old, then nightly at 03:00 Danish time. */
  openDataNightly: boolean;
  /** OParl `license` of the open data (System, and Body unless the municipality set its own): a URL. */
  oparlLicense: string;
  /** Reverse proxies (IPs or CIDRs) whose X-Forwarded-For is believed; empty = none is. */
  trustedProxies: readonly string[];
  /** Bounds on parsing an untrusted file (uploads, imported documents), in the extraction worker. */
  extract: Readonly<ExtractLimits>;
  /** Alerts and notices by e-mail (SMTP_URL, MAIL_FROM); null when SMTP_URL is not set: nothing is sent, mails wait in the queue. */
  mail: { smtpUrl: string; from: string } | null;
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
  BASE_URL: z
    .url()
    .optional()
    // Links in mails, feeds and OParl are built on it: an address readers can open, no query.
    .refine((v) => !v || (/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(v) && !/^https?:\/\/[^/]*@/.test(v)), {
      message: 'must be an http:// or https:// address without query, fragment or password, e.g. https://dagsordener.kommune.dk',
    }),
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
  OIDC_ISSUER: z
    .url()
    .optional()
    // The sign-in hangs on this address: plain http only for a provider on this machine (tests, development).
    .refine((v) => !v || v.startsWith('https://') || isLoopbackUrl(v), { message: 'must be an https:// URL (http only for 127.0.0.1 or localhost)' }),
  OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_ROLE_CLAIM: z.string().trim().min(1).default('roles'),
  OIDC_ROLE_MAP: z.string().trim().min(1).optional(),
  OIDC_MUNICIPALITY: z.string().trim().min(1).optional(),
  OIDC_LABEL: z.string().trim().min(1).max(100).optional(),
  OPARL_LICENSE: z
    .string()
    .trim()
    .default(DEFAULT_OPEN_DATA_LICENSE)
    .refine((v) => /^https?:\/\/[^\s/]+/.test(v), { message: 'must be the URL of a licence, e.g. https://creativecommons.org/licenses/by/4.0/' }),
  TRUSTED_PROXIES: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || splitList(v).every(isAddressOrCidr), {
      message: 'must be IP addresses or CIDR ranges separated by commas, e.g. 127.0.0.1,10.0.0.0/8',
    }),
  OPEN_DATA_NIGHTLY: z.enum(['1', '0'], { message: 'must be 1 (serve writes the open-data dump nightly) or 0 (it does not)' }).default('1'),
  // Defaults as services/lifecycle/sandbox/limits.ts#DEFAULT_EXTRACT_LIMITS.
  EXTRACT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  EXTRACT_MEMORY_MB: z.coerce.number().int().min(32).max(8192).default(256),
  EXTRACT_MAX_UNPACKED_MB: z.coerce.number().int().min(1).max(4096).default(100),
  EXTRACT_MAX_TEXT_CHARS: z.coerce.number().int().min(1000).max(500_000_000).default(5_000_000),
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^smtps?:\/\/[^\s/]+/.test(v), { message: 'must be smtp://HOST:PORT or smtps://USER:PASSWORD@HOST:PORT' }),
  MAIL_FROM: z
    .string()
    .trim()
    .optional()
    // "Name <address>" or a bare address: what nodemailer accepts as From.
    .refine((v) => !v || /^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(v), {
      message: 'must be an address, e.g. "Lejre Kommune <noreply@lejre.dk>" or noreply@lejre.dk',
    }),
});

const splitList = (v: string): string[] =>
  v
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e.length > 0);

function isAddressOrCidr(entry: string): boolean {
  const [address = '', bits, ...more] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || more.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n >= 0 && n <= (version === 4 ? 32 : 128);
}

/** The settings that turn SSO on; given one, the others must be given too. */
const OIDC_REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ROLE_MAP'] as const;
const OIDC_OPTIONAL = ['OIDC_ROLE_CLAIM', 'OIDC_MUNICIPALITY', 'OIDC_LABEL'] as const;

export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

/**
 * OIDC_ROLE_MAP: "group=role,group2=role" (role as domain/user.ts#parseRole reads it). The
 * last "=" splits, so a group name may itself hold "=" (LDAP DNs do); not ",".
 */
export function parseRoleMap(value: string): { map: Record<string, UserRole>; problems: string[] } {
  const map: Record<string, UserRole> = {};
  const problems: string[] = [];
  for (const entry of value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e.length > 0)) {
    const at = entry.lastIndexOf('=');
    const group = at > 0 ? entry.slice(0, at).trim() : '';
    const role = at > 0 ? parseRole(entry.slice(at + 1)) : null;
    if (!group || !role) problems.push(`"${entry}" is not GROUP=ROLE with ROLE admin, secretary or member`);
    else map[group] = role;
  }
  if (problems.length === 0 && Object.keys(map).length === 0) problems.push('maps no group to a role');
  return { map, problems };
}

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
  const lines = parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join('.') || '(config)'}: ${i.message}`);
  // All or none: half an SSO setup would show a button that cannot work.
  const oidcGiven = [...OIDC_REQUIRED, ...OIDC_OPTIONAL].some((k) => merged[k] !== undefined);
  if (oidcGiven) {
    for (const k of OIDC_REQUIRED) if (merged[k] === undefined) lines.push(`  ${k}: is required when single sign-on (OIDC_*) is configured`);
  }
  if (merged.SMTP_URL !== undefined && merged.MAIL_FROM === undefined) lines.push('  MAIL_FROM: is required when SMTP_URL is set');
  const roleMap = merged.OIDC_ROLE_MAP === undefined ? null : parseRoleMap(merged.OIDC_ROLE_MAP);
  for (const problem of roleMap?.problems ?? []) lines.push(`  OIDC_ROLE_MAP: ${problem}`);
  if (!parsed.success || lines.length > 0) {
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
    oidc:
      oidcGiven && c.OIDC_ISSUER && c.OIDC_CLIENT_ID && c.OIDC_CLIENT_SECRET && roleMap
        ? Object.freeze({
            issuer: c.OIDC_ISSUER,
            clientId: c.OIDC_CLIENT_ID,
            clientSecret: c.OIDC_CLIENT_SECRET,
            roleClaim: c.OIDC_ROLE_CLAIM,
            roleMap: Object.freeze(roleMap.map),
            municipality: c.OIDC_MUNICIPALITY ?? null,
            label: c.OIDC_LABEL ?? 'Log ind med kommunens login',
          })
        : null,
    openDataNightly: c.OPEN_DATA_NIGHTLY === '1',
    oparlLicense: c.OPARL_LICENSE,
    trustedProxies: Object.freeze(c.TRUSTED_PROXIES ? splitList(c.TRUSTED_PROXIES) : []),
    extract: Object.freeze({
      timeoutMs: c.EXTRACT_TIMEOUT_MS,
      memoryMb: c.EXTRACT_MEMORY_MB,
      maxUnpackedBytes: c.EXTRACT_MAX_UNPACKED_MB * 1024 * 1024,
      maxTextChars: c.EXTRACT_MAX_TEXT_CHARS,
    }),
    mail: c.SMTP_URL && c.MAIL_FROM ? Object.freeze({ smtpUrl: c.SMTP_URL, from: c.MAIL_FROM }) : null,
  };
  return Object.freeze(config);
}
