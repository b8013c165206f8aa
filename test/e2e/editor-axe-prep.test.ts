// The secretariat's preparation screens in Chromium, with editor.js running: zero WCAG 2.1
// A/AA violations (axe) on every screen and state (forms, error summaries, a refused
// publication, a stale save, confirmations, the change-note page) at desktop (1280) and
// tablet (768) width, nothing wider than the tablet; and the draft safety net (a warning
// before leaving, "Gendan din ikke-gemte kladde" after, the draft gone once saved).
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { comingDemoDate } from '../support/demo-dates.js';
import { type RunningServer, cliEnv, runCli, startServer } from '../support/cli.js';
import { DESKTOP, PHONE, axeViolations, horizontalOverflow } from '../support/e2e.js';
import { freePort } from '../support/postgres-server.js';
import { pdfWith } from '../http/api-lifecycle-helpers.js';
import { extractPdfFile } from '../../src/importer/extract/pdf.js';

const TABLET = { width: 768, height: 1024 };
const PHONE_390 = { width: 390, height: 844 };
const EMAIL = 'sekretaer@demo.dk';
const PASSWORD = 'et-langt-kodeord-1';

/** A coming date `days` from today, inside the demo's newest term (the server runs on the real clock). */
const inDays = comingDemoDate;

describe('editor preparation screens in Chromium (axe, drafts)', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protokol-editor-e2e-'));
    const env = cliEnv({ DATABASE_URL: `sqlite:${join(dir, 'protokol.db')}`, FILES_DIR: join(dir, 'files'), PORT: String(await freePort()) });
    const demo = await runCli(['demo'], env);
    assert.equal(demo.code, 0, demo.stderr);
    const user = await runCli(['user', 'create', '--email', EMAIL, '--password', PASSWORD, '--role', 'secretary', '--municipality', 'demo-kommune'], env);
    assert.equal(user.code, 0, user.stdout + user.stderr);
    server = await startServer([], env);
    browser = await launchBrowser();
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop('SIGINT');
  });

  /** A signed-in secretary in a context of their own that reaches only the server. */
  async function signedIn(viewport: { width: number; height: number }, withEditorScript = true): Promise<Page> {
    const context = await browser.newContext({ locale: 'da-DK', bypassCSP: true, viewport });
    contexts.push(context);
    await context.route(/^https?:/, (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
    // "Without JavaScript": editor.js never arrives (axe itself still needs a script engine).
    if (!withEditorScript) await context.route(/\/static\/editor\.[0-9a-f]+\.js$/, (route) => route.abort());
    const page = await context.newPage();
    const scriptErrors: string[] = [];
    page.on('pageerror', (e) => scriptErrors.push(e.message));
    (page as Page & { scriptErrors?: string[] }).scriptErrors = scriptErrors;
    await page.goto(`${server.url}/login?next=/redigering`);
    await page.fill('#email', EMAIL);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(/\/redigering$/), page.click('button:has-text("Log ind")')]);
    return page;
  }

  /** Presses a submit button and waits for the page the server answers with. */
  const submit = async (page: Page, button: string | RegExp) => {
    await Promise.all([
      page.waitForNavigation(),
      page
        .getByRole('button', { name: button, exact: typeof button === 'string' })
        .first()
        .click(),
    ]);
  };

  it('keeps the paragraphs and the numbered list the secretary types (real keystrokes)', { timeout: 120_000 }, async () => {
    const page = await signedIn(DESKTOP);
    await page.goto(`${server.url}/redigering/moeder/ny`);
    await page.selectOption('#organizationId', { index: 1 });
    await page.fill('#date', inDays(32));
    await page.fill('#start', '16:30');
    await submit(page, 'Opret møde');
    const meetingId = /\/redigering\/moeder\/([^/?#]+)/.exec(page.url())?.[1] ?? '';
    await page.getByRole('link', { name: 'Tilføj punkt' }).click();
    await page.waitForURL(/punkter\/nyt$/);
    await page.fill('#title', 'Skolestruktur');
    await page.locator('#section-0-editor').click();
    // Chromium makes a new line a <div> after bare text: each must stay a paragraph.
    await page.keyboard.type('Første afsnit.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Andet afsnit.');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Nummereret liste' }).first().click();
    await page.keyboard.type('At udvalget godkender planen.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('At sagen sendes videre.');
    await submit(page, 'Opret punktet');
    assert.match(page.url(), /\/redigering\/punkter\/[^/?#]+/);
    const saved = await page.locator('#section-0-editor').innerHTML();
    assert.match(saved, /<p>Første afsnit\.<\/p>\s*<p>Andet afsnit\.<\/p>/, saved);
    assert.match(saved, /<ol><li>At udvalget godkender planen\.<\/li><li>At sagen sendes videre\.<\/li><\/ol>/, saved);

    // The other engines' ways of making the same lines (Firefox's <br>s, Safari's <div>s,
    // a pasted list that starts at 3) come out as the same paragraphs and numbered list.
    const forms = [
      'Første afsnit.<br><br>Andet afsnit.<br>',
      'Første afsnit.<div>Andet afsnit.</div><div><br></div><ol><li>At udvalget godkender.</li></ol>',
      '<p>Første afsnit.<br>med et linjeskift</p><ol start="3" type="a"><li>Tredje.</li></ol>',
    ];
    const serialised: string[] = [];
    for (const html of forms) {
      serialised.push(
        await page.evaluate<string>(
          `(() => { const e = document.querySelector('#section-0-editor'); e.innerHTML = ${JSON.stringify(html)};
            e.dispatchEvent(new Event('input', { bubbles: true })); return document.querySelector('#section-0').value; })()`,
        ),
      );
    }
    assert.deepEqual(serialised, [
      '<p>Første afsnit.</p><p>Andet afsnit.</p>',
      '<p>Første afsnit.</p><p>Andet afsnit.</p><ol><li>At udvalget godkender.</li></ol>',
      '<p>Første afsnit.<br>med et linjeskift</p><ol type="a" start="3"><li>Tredje.</li></ol>',
    ]);

    // The same structure in what would be published (the preview) and in the agenda PDF's text.
    await page.goto(`${server.url}/redigering/moeder/${meetingId}/forhaandsvisning/dagsorden`);
    const preview = await page.content();
    assert.match(preview, /<p>Første afsnit\.<\/p>\s*<p>Andet afsnit\.<\/p>/);
    assert.match(preview, /<ol><li>At udvalget godkender planen\.<\/li><li>At sagen sendes videre\.<\/li><\/ol>/);
    const pdf = await page.request.get(`${server.url}/moeder/${meetingId}/dagsorden.pdf?udgave=medlemmer`);
    assert.equal(pdf.status(), 200);
    const text = (await extractPdfFile('dagsorden.pdf', new Uint8Array(await pdf.body()))).lines.map((l) => l.text.trim()).filter((l) => l !== '');
    const first = text.indexOf('Første afsnit.');
    assert.ok(first >= 0, text.join('\n'));
    assert.deepEqual(text.slice(first, first + 4), ['Første afsnit.', 'Andet afsnit.', '1. At udvalget godkender planen.', '2. At sagen sendes videre.']);
  });

  for (const [width, viewport] of [
    ['desktop 1280', DESKTOP],
    ['tablet 768', TABLET],
  ] as const) {
    it(`has zero WCAG 2.1 A/AA violations on every preparation screen (${width})`, { timeout: 240_000 }, async () => {
      const page = await signedIn(viewport);
      const problems: string[] = [];
      const check = async (name: string) => {
        assert.equal(await page.getAttribute('html', 'lang'), 'da', name);
        for (const v of await axeViolations(page)) problems.push(`${name} (${new URL(page.url()).pathname}): ${v}`);
        const overflow = await horizontalOverflow(page);
        if (overflow > 0) problems.push(`${name}: ${overflow}px wider than the window`);
      };
      /** The screens of issue 17's safety nets: also at phone width (390), once. */
      const checkNarrowToo = async (name: string) => {
        await check(name);
        if (viewport !== DESKTOP) return;
        await page.setViewportSize(PHONE_390);
        await check(`${name} (390)`);
        await page.setViewportSize(viewport);
      };

      await checkNarrowToo('meeting list with the to-do list');
      await page.goto(`${server.url}/redigering/serier/ny`);
      await check('new series');
      await submit(page, 'Opret møderne');
      assert.match(await page.title(), /^Fejl:/);
      await check('new series with errors');

      await page.goto(`${server.url}/redigering/moeder/ny`);
      await check('new meeting');
      await submit(page, 'Opret møde');
      await check('new meeting with errors');
      await page.selectOption('#organizationId', { index: 1 });
      await page.fill('#date', inDays(viewport === DESKTOP ? 30 : 31));
      await page.fill('#start', '16:30');
      await page.fill('#location', 'Byrådssalen');
      await submit(page, 'Opret møde');
      const meetingUrl = page.url();
      assert.match(meetingUrl, /\/redigering\/moeder\/[^/]+$/);
      await check('meeting editor (new)');

      await page.getByRole('link', { name: 'Tilføj punkt' }).click();
      await page.waitForURL(/punkter\/nyt$/);
      await check('new item');
      await submit(page, 'Opret punktet');
      await check('new item with errors');
      await page.fill('#title', 'Legepladser 2025');
      await page.fill('#caseNumber', '24-009999');
      await page.locator('#section-0-editor').click();
      await page.keyboard.type('Tre nye legepladser.');
      await submit(page, 'Opret punktet');
      const itemUrl = page.url().replace(/[?#].*$/, '');
      assert.match(itemUrl, /\/redigering\/punkter\/[^/]+$/);
      await check('item editor');

      // A public attachment with a CPR number: the meeting page lists the hit.
      await page.setInputFiles('#attachmentFile', {
        name: 'klage.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(await pdfWith('Klage', ['Indsendt af en forælder med CPR 130824-1234.'])),
      });
      await page.fill('#attachmentTitle', 'Klage fra borger');
      await submit(page, 'Tilføj bilag');
      await check('item editor with an attachment');

      // A stale save: the item is saved in a second tab after this one was opened.
      const other = await page.context().newPage();
      await other.goto(itemUrl);
      await other.locator('#section-0-editor').click();
      await other.keyboard.type(' Ændret i den anden fane.');
      await submit(other, 'Gem punktet');
      await other.close();
      await page.locator('#section-0-editor').click();
      await page.keyboard.type(' Min ændring.');
      await submit(page, 'Gem punktet');
      assert.match(await page.content(), /Punktet er blevet ændret af en anden/);
      await check('item editor after a stale save');

      await page.goto(`${itemUrl}/slet`);
      await check('delete item');
      const removeLink = await page.goto(itemUrl).then(() =>
        page
          .getByRole('link', { name: /^Fjern/ })
          .first()
          .getAttribute('href'),
      );
      await page.goto(`${server.url}${removeLink}`);
      await check('remove attachment');

      // A second item, so the agenda has something to reorder.
      await page.goto(meetingUrl);
      await page.getByRole('link', { name: 'Tilføj punkt' }).click();
      await page.waitForURL(/punkter\/nyt$/);
      await page.fill('#title', 'Skolestruktur');
      await submit(page, 'Opret punktet');

      await page.goto(meetingUrl);
      await check('meeting editor with a CPR hit');
      await checkNarrowToo('meeting editor with the cancel control');
      await page.goto(`${meetingUrl.replace(/[?#].*$/, '')}/aflys`);
      await checkNarrowToo('cancel meeting');
      await submit(page, 'Aflys mødet');
      assert.match(await page.title(), /^Fejl: Aflys mødet/);
      await checkNarrowToo('cancel meeting, reason missing');
      await page.goto(meetingUrl);
      // The preview shows what would go out and why it cannot yet: no confirm button.
      await submit(page, 'Forhåndsvis og offentliggør dagsorden');
      assert.match(await page.content(), /Offentliggørelsen er stoppet/);
      assert.equal(await page.getByRole('button', { name: /^Bekræft/ }).count(), 0);
      await checkNarrowToo('publication preview, refused');
      await page.goto(meetingUrl);
      await submit(page, /^Markér som kontrolleret \(ikke et CPR-nummer\)/);
      await submit(page, 'Forhåndsvis og offentliggør dagsorden');
      assert.match(await page.content(), /Sådan ser dagsordenen ud på den offentlige portal/);
      await checkNarrowToo('publication preview');
      await submit(page, 'Bekræft: offentliggør dagsordenen');
      assert.match(await page.content(), /Dagsordenen er offentliggjort/);
      await checkNarrowToo('meeting editor, published (correct, withdraw, cancel)');

      // After publication a one-button change asks for a change note on its own page, and
      // the item form shows the service's message at its "Ændringsnote" field.
      await submit(page, /^Flyt op/);
      assert.match(await page.title(), /^Fejl: Flyt punkt/);
      await check('change note asked (reorder)');
      await page.goto(itemUrl);
      await submit(page, 'Gem punktet');
      assert.match(await page.content(), /id="changeNote-error"/);
      await check('item editor, change note missing');

      assert.deepEqual((page as Page & { scriptErrors?: string[] }).scriptErrors, [], 'editor.js ran without errors');
      assert.deepEqual(problems, []);
    });
  }

  it('works without editor.js: plain text sections, the closed-item fields always shown, no axe violations', { timeout: 120_000 }, async () => {
    const page = await signedIn(TABLET, false);
    await page.goto(`${server.url}/redigering/moeder/ny`);
    await page.selectOption('#organizationId', { index: 1 });
    await page.fill('#date', inDays(50));
    await submit(page, 'Opret møde');
    await page.getByRole('link', { name: 'Tilføj punkt' }).click();
    await page.waitForURL(/punkter\/nyt$/);
    assert.ok(await page.locator('#publicTitle').isVisible(), 'the neutral title field is visible without the script');
    await page.fill('#title', 'Salg af grund');
    await page.check('#access-2');
    await page.fill('#publicTitle', 'Lukket punkt: Ejendomshandel');
    await page.fill('#section-0', 'Første afsnit.\n\nAndet afsnit.');
    await submit(page, 'Opret punktet');
    assert.match(await page.content(), /Punktet er oprettet/);
    assert.match(await page.locator('#section-0').inputValue(), /Første afsnit\.\n\nAndet afsnit\./);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, []);
  });

  it('shows the signed-in header on public pages without axe violations or overflow (desktop and phone)', { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await signedIn(viewport);
      for (const path of ['/', '/personer']) {
        await page.goto(`${server.url}${path}`);
        assert.match(await page.locator('header').innerText(), /Logget ind som/, path);
        for (const v of await axeViolations(page)) problems.push(`${path} (${viewport.width}): ${v}`);
        const overflow = await horizontalOverflow(page);
        if (overflow > 0) problems.push(`${path} (${viewport.width}): ${overflow}px wider than the window`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('keeps an unsaved draft: warns before leaving, offers it back, and forgets it once saved', { timeout: 120_000 }, async () => {
    const page = await signedIn(DESKTOP);
    await page.goto(`${server.url}/redigering/moeder/ny`);
    await page.selectOption('#organizationId', { index: 1 });
    await page.fill('#date', inDays(40));
    await submit(page, 'Opret møde');
    await page.getByRole('link', { name: 'Tilføj punkt' }).click();
    await page.waitForURL(/punkter\/nyt$/);
    await page.fill('#title', 'Kladdepunkt');
    await submit(page, 'Opret punktet');
    const itemUrl = page.url().replace(/[?#].*$/, '');
    const key = `protokol-kladde:punkt-${itemUrl.split('/').pop()}`;

    await page.locator('#section-1-editor').click();
    await page.keyboard.type('Tekst der ikke er gemt');
    await page.waitForFunction(`(localStorage.getItem(${JSON.stringify(key)}) || '').includes('Tekst der ikke er gemt')`);

    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.accept();
    });
    await page.goto(itemUrl);
    assert.deepEqual(dialogs, ['beforeunload'], 'leaving with unsaved changes warns');
    assert.equal(await page.locator('#section-1-editor').innerText(), '', 'the server has not saved it');

    await page.getByRole('button', { name: 'Gendan din ikke-gemte kladde' }).click();
    assert.match(await page.locator('#section-1-editor').innerText(), /Tekst der ikke er gemt/);
    assert.match(await page.locator('#section-1').inputValue(), /Tekst der ikke er gemt/, 'the hidden field the server reads has it too');
    await submit(page, 'Gem punktet');
    assert.match(await page.content(), /Punktet er gemt/);
    assert.match(await page.locator('#section-1-editor').innerText(), /Tekst der ikke er gemt/);
    assert.equal(await page.evaluate(`localStorage.getItem(${JSON.stringify(key)})`), null, 'the draft is gone once saved');
    assert.equal(await page.getByRole('button', { name: 'Gendan din ikke-gemte kladde' }).count(), 0);
  });
});
