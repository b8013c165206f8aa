import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { absoluteUrl, publicPaths } from '../../src/domain/public-urls.js';
import { OparlUrls } from '../../src/services/oparl/urls.js';
import { feedLinks, organizationCalendarLink, SITEMAP_PATH } from '../../src/web/feeds/links.js';
import { caseHref, itemHref, personHref, SEARCH_PATH } from '../../src/web/portal/links.js';

describe('the public URL scheme (domain/public-urls.ts)', () => {
  it('gives every public object its path', () => {
    assert.equal(publicPaths.front(), '/');
    assert.equal(publicPaths.body('demo'), '/kommune/demo');
    assert.equal(publicPaths.organization('o1'), '/udvalg/o1');
    assert.equal(publicPaths.meeting('m1'), '/moeder/m1');
    assert.equal(publicPaths.meetingVersion('m1', 'agenda', 2), '/moeder/m1/versioner/dagsorden/2');
    assert.equal(publicPaths.meetingVersion('m1', 'minutes', 1), '/moeder/m1/versioner/referat/1');
    assert.equal(publicPaths.item('m1', '3'), '/moeder/m1/punkt/3');
    assert.equal(publicPaths.paper('p1'), '/sager/p1');
    assert.equal(publicPaths.person('x1'), '/personer/x1');
    assert.equal(publicPaths.file('f1', 'Bilag 1.pdf'), '/filer/f1/Bilag%201.pdf');
    assert.equal(publicPaths.document('m1', 'dagsorden'), '/moeder/m1/dagsorden.pdf');
    assert.equal(publicPaths.document('m1', 'referat'), '/moeder/m1/referat.pdf');
    assert.equal(publicPaths.document('m1', 'samlet'), '/moeder/m1/samlet.pdf');
    assert.equal(publicPaths.document('m1', 'dagsorden', true), '/moeder/m1/dagsorden.pdf?udgave=medlemmer');
    assert.equal(publicPaths.bodyAtom('demo'), '/kommune/demo/feed.xml');
    assert.equal(publicPaths.bodyCalendar('demo'), '/kommune/demo/kalender.ics');
    assert.equal(publicPaths.organizationCalendar('o1'), '/udvalg/o1/kalender.ics');
    assert.equal(publicPaths.sitemap(), '/sitemap.xml');
    assert.equal(publicPaths.search(), '/soeg');
    assert.equal(publicPaths.openData(), '/data/');
  });

  it('encodes printed item numbers and ids so they stay one path segment', () => {
    assert.equal(publicPaths.item('m 1', '12 b'), '/moeder/m%201/punkt/12%20b');
    assert.equal(publicPaths.item('m1', '3/a'), '/moeder/m1/punkt/3%2Fa');
    assert.equal(publicPaths.body('æ/ø'), '/kommune/%C3%A6%2F%C3%B8');
  });

  it('puts BASE_URL in front, with or without a trailing slash', () => {
    assert.equal(absoluteUrl('https://dagsorden.example.dk', '/moeder/m1'), 'https://dagsorden.example.dk/moeder/m1');
    assert.equal(absoluteUrl('https://dagsorden.example.dk//', '/'), 'https://dagsorden.example.dk/');
  });

  it('is the scheme the portal, the feeds and OParl link with', () => {
    assert.equal(itemHref('m1', '3.a'), publicPaths.item('m1', '3.a'));
    assert.equal(caseHref('p1'), publicPaths.paper('p1'));
    assert.equal(personHref('x1'), publicPaths.person('x1'));
    assert.equal(SEARCH_PATH, publicPaths.search());
    assert.deepEqual(feedLinks('demo'), { atom: publicPaths.bodyAtom('demo'), calendar: publicPaths.bodyCalendar('demo') });
    assert.equal(organizationCalendarLink('o1'), publicPaths.organizationCalendar('o1'));
    assert.equal(SITEMAP_PATH, publicPaths.sitemap());
    const oparl = new OparlUrls('https://x.dk/');
    assert.equal(oparl.webMeeting('m1'), 'https://x.dk/moeder/m1');
    assert.equal(oparl.webItem('m1', '2'), 'https://x.dk/moeder/m1/punkt/2');
    assert.equal(oparl.webPaper('p1'), 'https://x.dk/sager/p1');
    assert.equal(oparl.access('f1', 'a b.pdf'), 'https://x.dk/filer/f1/a%20b.pdf');
    assert.equal(oparl.download('f1', 'a b.pdf'), 'https://x.dk/filer/f1/a%20b.pdf?hent=1');
    assert.equal(oparl.website(), 'https://x.dk/');
  });
});
