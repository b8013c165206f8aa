// The EXTRACT_* settings: defaults as the sandbox's, given values in the units the sandbox uses, bad ones listed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { DEFAULT_EXTRACT_LIMITS } from '../../src/services/lifecycle/sandbox/limits.js';

describe('EXTRACT_* settings', () => {
  it('default to the sandbox defaults', () => {
    assert.deepEqual({ ...loadConfig({}).extract }, { ...DEFAULT_EXTRACT_LIMITS });
  });

  it('read MB as bytes for the decompressed-size bound', () => {
    const c = loadConfig({ EXTRACT_TIMEOUT_MS: '5000', EXTRACT_MEMORY_MB: '128', EXTRACT_MAX_UNPACKED_MB: '20', EXTRACT_MAX_TEXT_CHARS: '100000' });
    assert.deepEqual({ ...c.extract }, { timeoutMs: 5000, memoryMb: 128, maxUnpackedBytes: 20 * 1024 * 1024, maxTextChars: 100_000 });
  });

  it('lists every bad value', () => {
    assert.throws(
      () => loadConfig({ EXTRACT_TIMEOUT_MS: 'soon', EXTRACT_MEMORY_MB: '1' }),
      (e: Error) => /EXTRACT_TIMEOUT_MS/.test(e.message) && /EXTRACT_MEMORY_MB/.test(e.message),
    );
  });
});
