// The OIDC_* settings: all or none, the role map's syntax, https issuers. (No database: this
// belongs with test/unit/config.test.ts, kept here while that file is not ours to edit.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig, parseRoleMap } from '../../src/config/config.js';
import { DomainError } from '../../src/domain/errors.js';

const full = {
  OIDC_ISSUER: 'https://login.testrup.dk/realms/kommune',
  OIDC_CLIENT_ID: 'protokol',
  OIDC_CLIENT_SECRET: 'hemmelig',
  OIDC_ROLE_MAP: 'protokol-sekretariat=secretary, protokol-admin=administrator,cn=Politikere=member',
};

const problems = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig(env);
  } catch (e) {
    assert.ok(e instanceof DomainError);
    return e.message;
  }
  assert.fail('expected an invalid configuration');
};

describe('OIDC configuration', () => {
  it('is off when no OIDC_* variable is set', () => {
    assert.equal(loadConfig({}).oidc, null);
  });

  it('reads a full setup, with defaults for the claim and the label', () => {
    const { oidc } = loadConfig({ ...full, OIDC_MUNICIPALITY: 'testrup' });
    assert.deepEqual(oidc, {
      issuer: full.OIDC_ISSUER,
      clientId: 'protokol',
      clientSecret: 'hemmelig',
      roleClaim: 'roles',
      roleMap: { 'protokol-sekretariat': 'secretary', 'protokol-admin': 'admin', 'cn=Politikere': 'member' },
      municipality: 'testrup',
      label: 'Log ind med kommunens login',
    });
  });

  it('lists every missing or wrong setting at once', () => {
    const message = problems({ OIDC_ISSUER: 'http://idp.example.dk', OIDC_ROLE_MAP: 'grp=king,nogroup', PORT: 'x' });
    assert.match(message, /OIDC_ISSUER: must be an https:\/\/ URL/);
    assert.match(message, /OIDC_CLIENT_ID: is required when single sign-on/);
    assert.match(message, /OIDC_CLIENT_SECRET: is required/);
    assert.match(message, /OIDC_ROLE_MAP: "grp=king" is not GROUP=ROLE/);
    assert.match(message, /OIDC_ROLE_MAP: "nogroup" is not GROUP=ROLE/);
    assert.match(message, /PORT/);
    assert.match(problems({ OIDC_LABEL: 'Log ind' }), /OIDC_ISSUER: is required/);
  });

  it('allows plain http only for a provider on this machine', () => {
    assert.equal(loadConfig({ ...full, OIDC_ISSUER: 'http://127.0.0.1:8080' }).oidc?.issuer, 'http://127.0.0.1:8080');
    assert.equal(loadConfig({ ...full, OIDC_ISSUER: 'http://localhost:8080/realms/x' }).oidc?.issuer, 'http://localhost:8080/realms/x');
  });

  it('splits the role map on commas and each entry on its last "="', () => {
    assert.deepEqual(parseRoleMap('a=admin, b = secretary ,c=member'), { map: { a: 'admin', b: 'secretary', c: 'member' }, problems: [] });
    assert.deepEqual(parseRoleMap('cn=x=member').map, { 'cn=x': 'member' });
    assert.deepEqual(parseRoleMap(' , ').problems, ['maps no group to a role']);
  });
});
