import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { DomainError } from '../../src/domain/errors.js';

describe('config', () => {
  it('defaults to ./data/protokol.db on 127.0.0.1:3000', () => {
    const c = loadConfig({}, {}, '/srv/protokol');
    assert.deepEqual(c.database, { kind: 'sqlite', path: resolve('/srv/protokol/data/protokol.db') });
    assert.equal(c.filesDir, resolve('/srv/protokol/data/files'));
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.port, 3000);
    assert.equal(c.baseUrl, 'http://127.0.0.1:3000');
    assert.ok(Object.isFrozen(c));
  });

  it('reads sqlite: and postgres:// URLs and lets flags win over env', () => {
    assert.deepEqual(loadConfig({ DATABASE_URL: 'sqlite:x/y.db' }, {}, '/a').database, { kind: 'sqlite', path: '/a/x/y.db' });
    const pg = loadConfig({ DATABASE_URL: 'sqlite:x.db' }, { DATABASE_URL: 'postgres://u:p@h:5432/d' });
    assert.deepEqual(pg.database, { kind: 'postgres', url: 'postgres://u:p@h:5432/d' });
    assert.equal(loadConfig({ PORT: '8080' }, { PORT: '9090' }).port, 9090);
  });

  it('lists every problem at once, naming the variables', () => {
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'abc', LOG_LEVEL: 'loud' }),
      (e: unknown) => e instanceof DomainError && /DATABASE_URL/.test(e.message) && /PORT/.test(e.message) && /LOG_LEVEL/.test(e.message),
    );
  });

  it('takes a BASE_URL readers can open: http(s), no query, fragment or password', () => {
    assert.equal(loadConfig({ BASE_URL: 'https://dagsordener.kommune.dk/' }).baseUrl, 'https://dagsordener.kommune.dk');
    assert.equal(loadConfig({ BASE_URL: 'http://127.0.0.1:3000/protokol' }).baseUrl, 'http://127.0.0.1:3000/protokol');
    for (const bad of ['ftp://kommune.dk', 'javascript:alert(1)', 'https://kommune.dk/?a=1', 'https://kommune.dk/#top', 'https://u:p@kommune.dk']) {
      assert.throws(
        () => loadConfig({ BASE_URL: bad }),
        (e: unknown) => e instanceof DomainError && /BASE_URL: must be an http:\/\/ or https:\/\/ address/.test(e.message),
        bad,
      );
    }
  });
});
