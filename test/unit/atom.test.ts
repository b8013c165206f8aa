import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AtomFeed, atomDate, nameUuid, renderAtom } from '../../src/render/atom.js';
import { renderRobots, renderSitemap } from '../../src/render/sitemap.js';
import { escapeXml } from '../../src/render/xml.js';

const feed = (over: Partial<AtomFeed> = {}): AtomFeed => ({
  id: nameUuid('feed'),
  title: 'Demo Kommune: dagsordener & referater',
  selfUrl: 'https://x.dk/kommune/demo/feed.xml',
  alternateUrl: 'https://x.dk/kommune/demo',
  author: 'Demo Kommune',
  entries: [
    {
      id: nameUuid('m1/referat'),
      title: 'Referat: BU, 1. maj 2026',
      updated: '2026-05-02T10:00:00.000Z',
      link: 'https://x.dk/moeder/m1?a=1&b=2',
      summary: 'Punkter:\n1. <b>Eventuelt</b>',
    },
    { id: nameUuid('m2/dagsorden'), title: 'Dagsorden: ØU', updated: '2026-06-01T10:00:00.000Z', link: 'https://x.dk/moeder/m2', summary: '' },
  ],
  ...over,
});

/** Every start tag is closed in order: a small well-formedness check without an XML parser. */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([a-zA-Z][\w:]*)[^>]*?(\/?)>/g)) {
    const [, close, name, selfClosing] = m;
    if (selfClosing) continue;
    if (close) {
      if (stack.pop() !== name) return false;
    } else stack.push(name!);
  }
  return stack.length === 0;
}

describe('XML escaping', () => {
  it('escapes the five special characters and drops characters XML forbids', () => {
    assert.equal(escapeXml(`<a href="x">&'`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    assert.equal(escapeXml('a\u0000b\u000bc\ud800d'), 'abcd');
    assert.equal(escapeXml('tab\tand\nnewline and 😀'), 'tab\tand\nnewline and 😀');
  });
});

describe('Atom rendering', () => {
  it('is a well-formed Atom 1.0 feed with the required elements', () => {
    const xml = renderAtom(feed());
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"'));
    assert.ok(balanced(xml), 'tags balance');
    for (const el of ['<id>urn:uuid:', '<title>', '<updated>', '<author><name>Demo Kommune</name></author>']) assert.ok(xml.includes(el), el);
    assert.ok(xml.includes('<link rel="self" type="application/atom+xml" href="https://x.dk/kommune/demo/feed.xml"/>'));
    assert.equal(xml.match(/<entry>/g)?.length, 2);
  });

  it('escapes titles, summaries and link attributes', () => {
    const xml = renderAtom(feed());
    assert.ok(xml.includes('<title>Demo Kommune: dagsordener &amp; referater</title>'));
    assert.ok(xml.includes('href="https://x.dk/moeder/m1?a=1&amp;b=2"'));
    assert.ok(xml.includes('1. &lt;b&gt;Eventuelt&lt;/b&gt;</summary>'));
    assert.ok(!xml.includes('<b>'));
  });

  it("takes the feed's updated from its newest entry, in RFC 3339 UTC", () => {
    const xml = renderAtom(feed());
    assert.ok(xml.includes('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">\n  <id>'));
    assert.match(xml, /<generator>Protokol<\/generator>/);
    assert.equal(/<updated>([^<]+)<\/updated>/.exec(xml)?.[1], '2026-06-01T10:00:00Z');
    assert.equal(atomDate('garbage'), '1970-01-01T00:00:00Z');
    assert.ok(balanced(renderAtom(feed({ entries: [] }))));
  });

  it('derives stable, distinct urn:uuid ids', () => {
    assert.equal(nameUuid('m1/referat'), nameUuid('m1/referat'));
    assert.notEqual(nameUuid('m1/referat'), nameUuid('m1/dagsorden'));
    assert.match(nameUuid('x'), /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('sitemap and robots.txt', () => {
  it('lists absolute, escaped locations with dates', () => {
    const xml = renderSitemap([{ loc: 'https://x.dk/' }, { loc: 'https://x.dk/a?b=1&c=2', lastmod: '2026-11-23T06:50:05.000Z' }]);
    assert.ok(xml.includes('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'));
    assert.ok(xml.includes('<url><loc>https://x.dk/</loc></url>'));
    assert.ok(xml.includes('<url><loc>https://x.dk/a?b=1&amp;c=2</loc><lastmod>2026-11-23</lastmod></url>'));
    assert.ok(balanced(xml));
  });

  it('allows everything and points to the sitemap', () => {
    assert.equal(renderRobots('https://x.dk'), 'User-agent: *\nAllow: /\n\nSitemap: https://x.dk/sitemap.xml\n');
  });
});
