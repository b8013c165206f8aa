// Single sign-on with OpenID Connect (authorization code flow with PKCE, state and nonce),
// using openid-client. The provider's metadata is read once, at the first sign-in, and again
// after a failure. The sign-in in flight is kept in the database (auth_request), so the
// callback may reach any app process; the browser also holds its state in a cookie, so a
// callback URL made for someone else's sign-in cannot sign this browser in.
import * as client from 'openid-client';
import { DomainError } from '../../domain/errors.js';
import type { Database } from '../../storage/db.js';
import { deleteAuthRequestsBefore, insertAuthRequest, takeAuthRequest } from '../../storage/repositories/auth-requests.js';
import { accountForOidcIdentity, roleFromClaim } from './oidc-accounts.js';
import type { OidcSettings } from './oidc-settings.js';

export const AUTH_REQUEST_TTL_MS = 10 * 60 * 1000;
const SCOPE = 'openid email profile';

const loopback = (url: URL): boolean => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

const unavailable = () => new DomainError('unavailable', 'Kommunens login svarer ikke lige nu. Prøv igen om lidt, eller log ind med e-mail og adgangskode.');

export class OidcSignIn {
  #config: Promise<client.Configuration> | null = null;

  constructor(
    private readonly database: Database,
    private readonly settings: OidcSettings,
    /** This app's callback, as registered at the provider: BASE_URL + /auth/oidc/callback. */
    private readonly redirectUri: string,
    /** Why a sign-in failed, for the operator; the visitor sees only "try again". */
    private readonly logError: (error: unknown) => void = (e) => console.error('OpenID Connect sign-in failed:', e),
  ) {}

  get label(): string {
    return this.settings.label;
  }

  private configuration(): Promise<client.Configuration> {
    if (!this.#config) {
      const issuer = new URL(this.settings.issuer);
      this.#config = client
        .discovery(issuer, this.settings.clientId, this.settings.clientSecret, client.ClientSecretBasic(this.settings.clientSecret), {
          // Plain http only to a provider on this machine (config.ts refuses it elsewhere).
          ...(issuer.protocol === 'http:' && loopback(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
        })
        .catch((e: unknown) => {
          this.#config = null;
          throw e;
        });
    }
    return this.#config;
  }

  /** Where to send the browser, and the state to keep in its cookie. */
  async begin(returnTo: string, now: Date): Promise<{ url: URL; state: string }> {
    let config: client.Configuration;
    try {
      config = await this.configuration();
    } catch (e) {
      this.logError(e);
      throw unavailable();
    }
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const db = this.database.db;
    await deleteAuthRequestsBefore(db, new Date(now.getTime() - AUTH_REQUEST_TTL_MS).toISOString());
    await insertAuthRequest(db, { state, nonce, codeVerifier, returnTo, createdAt: now.toISOString() });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: SCOPE,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, state };
  }

  /**
   * Finishes the sign-in the provider sent back (`query`: the callback's query string).
   * Returns the account and where to go; throws a DomainError with a Danish message otherwise.
   */
  async complete(query: URLSearchParams, stateFromCookie: string | null, now: Date): Promise<{ userId: string; returnTo: string }> {
    const state = query.get('state');
    const expired = new DomainError('invalid_input', 'Login-forsøget er udløbet eller allerede brugt. Prøv at logge ind igen.');
    if (!state || stateFromCookie !== state) throw expired;
    const request = await takeAuthRequest(this.database.db, state);
    if (!request || now.getTime() - Date.parse(request.createdAt) > AUTH_REQUEST_TTL_MS) throw expired;
    if (query.get('error')) throw new DomainError('forbidden', 'Kommunens login afbrød login-forsøget.');

    const currentUrl = new URL(this.redirectUri);
    currentUrl.search = query.toString();
    let claims: Record<string, unknown>;
    let issuer: string;
    try {
      const config = await this.configuration();
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: request.codeVerifier,
        expectedState: state,
        expectedNonce: request.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('no ID token');
      claims = { ...idClaims };
      issuer = idClaims.iss;
      // Many providers put groups and email only in the UserInfo response, not the ID token.
      const needUserInfo = claims[this.settings.roleClaim] === undefined || claims.email === undefined;
      if (needUserInfo && config.serverMetadata().userinfo_endpoint) {
        const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        claims = { ...info, ...claims };
      }
    } catch (e) {
      this.logError(e);
      throw unavailable();
    }
    const role = roleFromClaim(claims[this.settings.roleClaim], this.settings.roleMap);
    if (!role)
      throw new DomainError(
        'forbidden',
        'Du er logget ind hos kommunens login, men din bruger har ingen rolle i Protokol. Kontakt kommunens administrator, hvis du skal have adgang.',
      );
    const email = typeof claims.email === 'string' && claims.email.includes('@') ? claims.email.trim().toLowerCase() : null;
    const userId = await accountForOidcIdentity(
      this.database,
      this.settings,
      {
        issuer,
        subject: String(claims.sub),
        email,
        emailVerified: claims.email_verified === true || claims.email_verified === 'true',
        name: typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : null,
        role,
      },
      now,
    );
    return { userId, returnTo: request.returnTo };
  }
}
