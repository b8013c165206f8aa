// Single sign-on with the municipality's identity provider (OpenID Connect), as configured
// by the OIDC_* environment variables (config/config.ts). Null when SSO is not set up.
import type { UserRole } from '../../domain/user.js';

export interface OidcSettings {
  /** The provider's issuer URL; its /.well-known/openid-configuration is read at first use. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim that carries the user's groups or roles ("roles", "groups"). */
  roleClaim: string;
  /** Claim value → role, e.g. { "protokol-sekretariat": "secretary" }; unmapped users are refused. */
  roleMap: Readonly<Record<string, UserRole>>;
  /** Slug of the municipality new SSO accounts belong to; null = the only one there is. */
  municipality: string | null;
  /** Shown on the login button: "Log ind med Lejre Kommunes login". */
  label: string;
}
