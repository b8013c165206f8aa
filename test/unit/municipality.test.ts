// The municipality's settings rules: the logo check (by content, active SVG refused), the
// standard items' order and limits, the contact details as personal-data exemptions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../src/domain/errors.js';
import {
  MAX_LOGO_BYTES,
  checkLogo,
  headerColours,
  officialContactsOf,
  parseStoredStandardItems,
  validateStandardItems,
} from '../../src/domain/municipality.js';
import { findPersonalData } from '../../src/domain/personal-data.js';

const svg = (body: string) => new TextEncoder().encode(`<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${body}</svg>`);
const refusedAt = (fn: () => unknown, where: string) =>
  assert.throws(fn, (e: unknown) => e instanceof DomainError && e.code === 'invalid_input' && e.where === where);

/** WCAG 2.1 contrast of white text on a #rrggbb background. */
function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

describe('municipality settings', () => {
  it('offers only header colours with at least 7:1 contrast to white text', () => {
    for (const [key, c] of Object.entries(headerColours)) assert.ok(contrastWithWhite(c.hex) >= 7, `${key} ${c.hex}: ${contrastWithWhite(c.hex).toFixed(2)}`);
  });

  it('knows a logo by its bytes and refuses anything active in an SVG', () => {
    assert.equal(checkLogo(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])), 'image/png');
    assert.equal(checkLogo(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
    assert.equal(checkLogo(svg('<rect width="10" height="10" fill="#004993"/><use href="#a"/>')), 'image/svg+xml');
    for (const active of [
      '<script>alert(1)</script>',
      '<rect onclick="alert(1)"/>',
      '<a href="javascript:alert(1)"><rect/></a>',
      '<foreignObject><p>x</p></foreignObject>',
      '<image href="https://tracker.example/x.png"/>',
      '<rect style="fill:url(https://x.example/a)"/>',
    ]) {
      refusedAt(() => checkLogo(svg(active)), 'logo');
    }
    refusedAt(() => checkLogo(new TextEncoder().encode('<!DOCTYPE svg [<!ENTITY x "y">]><svg/>')), 'logo');
    refusedAt(() => checkLogo(new TextEncoder().encode('<html><script></script></html>')), 'logo');
    refusedAt(() => checkLogo(new Uint8Array(0)), 'logo');
    refusedAt(() => checkLogo(new Uint8Array(MAX_LOGO_BYTES + 1).fill(0xff)), 'logo');
  });

  it('keeps the standard items in agenda order, each once, and falls back to the built-in list', () => {
    assert.deepEqual(
      validateStandardItems([
        { standard: 'minutes_approval', title: ' Referat ' },
        { standard: 'agenda_approval', title: 'Dagsorden' },
      ]),
      [
        { standard: 'agenda_approval', title: 'Dagsorden' },
        { standard: 'minutes_approval', title: 'Referat' },
      ],
    );
    refusedAt(
      () =>
        validateStandardItems([
          { standard: 'agenda_approval', title: 'a' },
          { standard: 'agenda_approval', title: 'b' },
        ]),
      'standardItems[1].standard',
    );
    refusedAt(() => validateStandardItems([{ standard: 'lunch', title: 'Frokost' }]), 'standardItems[0].standard');
    refusedAt(() => validateStandardItems([{ standard: 'any_other_business', title: 'x'.repeat(201) }]), 'any_other_business.title');
    assert.equal(parseStoredStandardItems(null).length, 3);
    assert.equal(parseStoredStandardItems('not json').length, 3);
    assert.deepEqual(parseStoredStandardItems('[]'), [], 'none at all is a choice');
  });

  it('turns the contact details into the personal-data exemptions', () => {
    const official = officialContactsOf({ address: 'Rådhuset, Torvegade 1, 4000 Testrup', phone: '46 31 30 00', email: 'borger@testrup.dk' });
    const text = 'Skriv til anna@testrup.dk eller ring 46 31 30 00, Torvegade 1, 4000 Testrup. Privat: Skovvej 12, 4000 Testrup.';
    assert.deepEqual(
      findPersonalData(text).map((f) => f.kind),
      ['email', 'phone', 'address', 'address'],
    );
    assert.deepEqual(
      findPersonalData(text, official).map((f) => f.value),
      ['Skovvej 12, 4000 Testrup'],
    );
  });
});
