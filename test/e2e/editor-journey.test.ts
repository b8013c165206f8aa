// The editor's must-show journey in a real Chromium against the real server (issue 7): a
// secretary creates a meeting, adds an open and a closed item with a public and a closed
// attachment, is stopped by a CPR number in an attachment (nothing published), publishes the
// agenda, records attendance and decisions in the meeting room at tablet width; two members
// approve the minutes in their own browser contexts; the secretary publishes the minutes; the
// public portal shows the result and nothing closed. axe (WCAG 2.1 A/AA) finds nothing on
// any screen visited, at desktop and tablet width.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { stableId } from '../../src/domain/ids.js';
import { renderAttachmentPdf } from '../../src/render/pdf/attachment-pdf.js';
import { launchBrowser } from '../support/browser.js';
import { comingDemoDate, demoCommitteeLabel } from '../support/demo-dates.js';
import { type RunningServer, cliEnv, runCli, startServer } from '../support/cli.js';
import { DESKTOP, axeViolations, horizontalOverflow } from '../support/e2e.js';
import { CANARY } from '../support/factories.js';
import { freePort } from '../support/postgres-server.js';

const TABLET = { width: 768, height: 1024 };
const PASSWORD = 'journey-adgangskode-1';
const NOTE = 'PRIVAT-NOTE-KANARIE: spørg til busruterne';
const personId = (key: string) => stableId('demo', `demo-kommune/person/${key}`);

describe('editor journey in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const files: Record<'public' | 'closed' | 'cpr', string> = { public: '', closed: '', cpr: '' };

  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protokol-editor-e2e-'));
    const env = cliEnv({ DATABASE_URL: `sqlite:${join(dir, 'protokol.db')}`, FILES_DIR: join(dir, 'files'), PORT: String(await freePort()) });
    const demo = await runCli(['demo'], env);
    assert.equal(demo.code, 0, demo.stderr);
    const accounts = [
      ['sekretaer@demo.dk', 'secretary', '--municipality', 'demo-kommune'],
      ['admin@demo.dk', 'admin', '--municipality', 'demo-kommune'],
      ['camilla@demo.dk', 'member', '--person', personId('camilla-frost-nygaard')],
      ['anders@demo.dk', 'member', '--person', personId('anders-boegelund')],
    ];
    for (const [email, role, flag, value] of accounts) {
      const made = await runCli(['user', 'create', '--email', email!, '--password', PASSWORD, '--role', role!, flag!, value!], env);
      assert.equal(made.code, 0, `${made.stdout}${made.stderr}`);
    }
    const pdf = async (name: string, title: string, paragraphs: string[]) => {
      const path = join(dir, name);
      writeFileSync(path, await renderAttachmentPdf({ municipality: 'Demo Kommune', title, paragraphs }));
      return path;
    };
    files.public = await pdf('skolekort.pdf', 'Skolekort', ['Kort over de nye skoledistrikter.']);
    files.closed = await pdf('personalesag.pdf', 'Personalesag', [`Fortroligt bilag ${CANARY}.`]);
    files.cpr = await pdf('ansoegning.pdf', 'Ansøgning', ['Ansøger: Jens Jensen, CPR-nr. 150385-4417.']);
    server = await startServer([], env);
    browser = await launchBrowser();
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop('SIGINT');
  });

  /** A browser context of its own (one person), reaching only the local server. */
  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'da-DK', bypassCSP: true, viewport: DESKTOP });
    contexts.push(context);
    await context.route(/^https?:/, (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
    return context.newPage();
  }

  /** axe at desktop and tablet width, and nothing wider than the tablet's screen. */
  async function accessible(page: Page, what: string): Promise<void> {
    const size = page.viewportSize() ?? DESKTOP;
    await page.setViewportSize(DESKTOP);
    assert.deepEqual(await axeViolations(page), [], `${what} (desktop)`);
    await page.setViewportSize(TABLET);
    assert.deepEqual(await axeViolations(page), [], `${what} (tablet)`);
    assert.equal(await horizontalOverflow(page), 0, `${what} fits a tablet`);
    await page.setViewportSize(size);
  }

  /** Clicks a submit button and waits for the page the redirect-after-post leads to. */
  async function submit(page: Page, button: Locator): Promise<void> {
    await Promise.all([page.waitForNavigation(), button.click()]);
  }

  async function logIn(page: Page, email: string, next: string): Promise<void> {
    await page.goto(`${server.url}/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Adgangskode').fill(PASSWORD);
    await submit(page, page.getByRole('button', { name: 'Log ind' }));
    assert.equal(new URL(page.url()).pathname, next);
  }

  const h1 = async (page: Page) => ((await page.locator('h1').textContent()) ?? '').trim();

  it('runs a meeting from the agenda to the published minutes', async () => {
    const secretary = await newPage();
    await logIn(secretary, 'sekretaer@demo.dk', '/redigering');
    await accessible(secretary, 'meeting list');

    // The meeting.
    await secretary.goto(`${server.url}/redigering/moeder/ny`);
    await accessible(secretary, 'new meeting');
    await secretary.getByLabel('Udvalg').selectOption({ label: demoCommitteeLabel('Børne- og Skoleudvalget') });
    // Today: the minutes are published at the end, and minutes wait for the meeting's day.
    await secretary.getByLabel('Dato').fill(comingDemoDate(0));
    await secretary.getByLabel('Starttidspunkt').fill('16:00');
    await secretary.getByLabel('Mødested').fill('Byrådssalen');
    await submit(secretary, secretary.getByRole('button', { name: 'Opret møde' }));
    const meetingPath = new URL(secretary.url()).pathname;
    assert.match(meetingPath, /^\/redigering\/moeder\/[^/]+$/);
    const meetingId = meetingPath.split('/').pop()!;
    await accessible(secretary, 'meeting editor');

    // Two items: one open with a public attachment, one closed with a closed attachment.
    const addItem = async (fill: () => Promise<void>) => {
      await secretary.goto(`${server.url}${meetingPath}/punkter/nyt`);
      await fill();
      await submit(secretary, secretary.getByRole('button', { name: 'Opret punktet' }));
      assert.match(new URL(secretary.url()).pathname, /^\/redigering\/punkter\/[^/]+$/);
      return secretary.url();
    };
    const upload = async (path: string, title: string, isPublic: boolean) => {
      await secretary.locator('#attachmentFile').setInputFiles(path);
      await secretary.locator('#attachmentTitle').fill(title);
      if (isPublic) await secretary.getByLabel('Offentligt bilag').check();
      await submit(secretary, secretary.getByRole('button', { name: 'Tilføj bilag' }));
      assert.ok((await secretary.content()).includes(title), `${title} is listed`);
    };
    const openItem = await addItem(async () => {
      await accessible(secretary, 'new item');
      await secretary.getByLabel('Titel', { exact: true }).fill('Ny skolestruktur i Demo Kommune');
      await secretary.getByLabel('Sagsnummer').fill('26-004711');
    });
    await upload(files.public, 'Kort over skoledistrikterne', true);
    await accessible(secretary, 'item editor');
    const closedItem = await addItem(async () => {
      await secretary.getByLabel('Titel', { exact: true }).fill(`Personalesag ${CANARY}`);
      await secretary.getByLabel('Lukket punkt').check();
      await secretary.getByLabel('Neutral titel (vises offentligt)').fill('Lukket punkt: Personalesag');
      await secretary.getByLabel('Begrundelse for lukning').fill('Personsag');
    });
    await upload(files.closed, `Fortroligt notat ${CANARY}`, false);

    // A CPR number in a public attachment stops the publication, naming the attachment.
    await secretary.goto(openItem);
    await upload(files.cpr, 'Ansøgning fra borger', true);
    await secretary.goto(`${server.url}${meetingPath}`);
    // The preview shows why it cannot go out, and offers no confirmation.
    await submit(secretary, secretary.getByRole('button', { name: 'Forhåndsvis og offentliggør dagsorden' }));
    assert.equal(await secretary.getByRole('button', { name: /^Bekræft/ }).count(), 0);
    const refused = await secretary.content();
    assert.match(refused, /Ansøgning fra borger/);
    assert.match(refused, /150385-xxxx/);
    assert.ok(!refused.includes('150385-4417'), 'the full number is never shown');
    await accessible(secretary, 'CPR refusal');
    // Nothing published: no version, and the public meeting page lists no item.
    const citizen = await newPage();
    const versions = await citizen.request.get(`${server.url}/api/v1/meetings/${meetingId}/versions`);
    assert.equal(versions.status(), 404, 'the agenda is not public: no versions');
    await citizen.goto(`${server.url}/moeder/${meetingId}`);
    assert.ok(!(await citizen.content()).includes('Ny skolestruktur'), 'no item is public');
    // The attachment was not meant for the public: close it, and the agenda may go out.
    await secretary.goto(openItem);
    await submit(secretary, secretary.locator('li', { hasText: 'Ansøgning fra borger' }).getByRole('button', { name: /Gør lukket/ }));
    await secretary.goto(`${server.url}${meetingPath}`);
    await submit(secretary, secretary.getByRole('button', { name: 'Forhåndsvis og offentliggør dagsorden' }));
    const preview = await secretary.content();
    assert.match(preview, /Ny skolestruktur i Demo Kommune/);
    assert.match(preview, /Lukket punkt: Personalesag/);
    assert.ok(!preview.includes(CANARY), 'the preview shows nothing closed');
    await accessible(secretary, 'agenda preview');
    await submit(secretary, secretary.getByRole('button', { name: 'Bekræft: offentliggør dagsordenen' }));
    assert.match(await secretary.content(), /Dagsordenen er offentliggjort/);

    // The meeting room, on a tablet.
    await secretary.setViewportSize(TABLET);
    await submit(secretary, secretary.getByRole('link', { name: 'Mødet: fremmøde og beslutninger' }));
    assert.match(await h1(secretary), /^Mødet: Børne- og Skoleudvalget/);
    await accessible(secretary, 'meeting room');
    for (const name of ['Lone Brinch Mortensen', 'Ida Sølvhøj', 'Louise Kærsgaard Fogh']) {
      await secretary.locator('.attendance-row', { hasText: name }).getByLabel('Fraværende (afbud)').check();
    }
    await submit(secretary, secretary.getByRole('button', { name: 'Gem fremmøde' }));
    assert.match(await secretary.content(), /Fremmødet er gemt/);

    const card = (title: string) => secretary.locator('section.room-card', { hasText: title });
    const open = card('Ny skolestruktur i Demo Kommune');
    // The decision form by keyboard only (WCAG 2.1.1, 3.2.2): type, reach every quick pick
    // with Tab (arrow keys change nothing), press one: it is added after the typed text.
    const field = open.getByLabel('Beslutning', { exact: true });
    const focused = () => secretary.evaluate<string>('((document.activeElement && document.activeElement.textContent) || "").trim()');
    await field.focus();
    await secretary.keyboard.type('Udvalget drøftede sagen.');
    const reached: string[] = [];
    for (let i = 0; i < 5; i++) {
      await secretary.keyboard.press('Shift+Tab');
      reached.unshift(await focused());
    }
    assert.deepEqual(
      reached,
      ['Godkendt', 'Indstillingen anbefales', 'Indstillingen tiltrådt', 'Taget til efterretning', 'Udsat'],
      'every quick pick is reachable',
    );
    await secretary.keyboard.press('Tab'); // Indstillingen anbefales
    await secretary.keyboard.press('ArrowDown');
    await secretary.keyboard.press('ArrowRight');
    assert.equal(await field.inputValue(), 'Udvalget drøftede sagen.', 'moving around changes nothing');
    assert.equal(await focused(), 'Indstillingen anbefales');
    await secretary.keyboard.press('Enter');
    assert.equal(await field.inputValue(), 'Udvalget drøftede sagen.\nIndstillingen anbefales', 'added after the typed text, never in its place');
    // Focus is back in the field, at its end: typing goes on there.
    await secretary.keyboard.type(' med 6 stemmer.');
    await secretary.keyboard.press('Shift+Tab'); // Udsat
    await secretary.keyboard.press('Space');
    assert.equal(await field.inputValue(), 'Udvalget drøftede sagen.\nIndstillingen anbefales med 6 stemmer.\nUdsat');
    // Take "Udsat" out again by keyboard, then Tab on to the save button and press it.
    for (let i = 0; i < 6; i++) await secretary.keyboard.press('Backspace');
    for (let i = 0; i < 60 && (await focused()) !== 'Gem beslutning'; i++) await secretary.keyboard.press('Tab');
    assert.equal(await focused(), 'Gem beslutning');
    await Promise.all([secretary.waitForNavigation(), secretary.keyboard.press('Enter')]);
    assert.match(await secretary.content(), /Beslutningen er gemt/);
    const closed = card(`Personalesag ${CANARY}`);
    await closed.getByLabel('Beslutning', { exact: true }).fill('Godkendt.');
    await submit(secretary, closed.getByRole('button', { name: 'Gem beslutning' }));
    await accessible(secretary, 'meeting room with decisions');

    await submit(secretary, secretary.getByRole('link', { name: 'Godkendelse og offentliggørelse af referatet' }));
    const waiting = await secretary.content();
    assert.match(waiting, /Camilla Frost Nygaard \(medlem\)/);
    assert.match(waiting, /Anders Bøgelund \(medlem\)/);
    await accessible(secretary, 'approvals');

    // Two members approve, each in their own browser.
    for (const [email, name] of [
      ['camilla@demo.dk', 'Camilla'],
      ['anders@demo.dk', 'Anders'],
    ] as const) {
      const member = await newPage();
      await logIn(member, email, '/medlem');
      assert.match(await member.content(), /Afventer din godkendelse/);
      await accessible(member, `${name}: my meetings`);
      await submit(member, member.locator(`a[href="/medlem/moeder/${meetingId}"]`));
      const reading = await member.content();
      assert.ok(reading.includes(`Personalesag ${CANARY}`), 'members read the closed item');
      await accessible(member, `${name}: reading view`);
      if (name === 'Camilla') {
        const item = member.locator('article', { hasText: 'Ny skolestruktur i Demo Kommune' });
        await item.getByLabel(/Min note til punkt/).fill(NOTE);
        await submit(member, item.getByRole('button', { name: /Gem note/ }));
        assert.match(await member.content(), /Din note er gemt/);
      }
      if (name === 'Anders') continue; // Anders approved at the meeting: the secretary records it below.
      await submit(member, member.getByRole('button', { name: 'Godkend referatet' }));
      assert.match(await member.content(), /Du godkendte referatet \d+\. \p{L}+ \d{4} kl\. \d\d\.\d\d\./u);
      await accessible(member, `${name}: approved`);
    }

    // Anders said yes at the meeting: the secretary records his approval on his behalf.
    await secretary.reload();
    await secretary.getByLabel('Deltager', { exact: true }).selectOption({ label: 'Anders Bøgelund' });
    await secretary.getByLabel('På mødet').check();
    await submit(secretary, secretary.getByRole('button', { name: 'Registrér godkendelse' }));
    assert.match(await secretary.content(), /Godkendt af Anders Bøgelund på mødet, registreret af sekretaer@demo\.dk/);

    // The secretary publishes the minutes.
    await secretary.reload();
    assert.match(await secretary.content(), /Alle nødvendige godkendelser er givet/);
    await submit(secretary, secretary.getByRole('button', { name: 'Forhåndsvis og offentliggør referat' }));
    assert.match(await secretary.content(), /Forhåndsvisning af referat/);
    await accessible(secretary, 'minutes preview');
    await submit(secretary, secretary.getByRole('button', { name: 'Bekræft: offentliggør referatet' }));
    assert.match(await secretary.content(), /Referatet er offentliggjort/);
    assert.match(await secretary.content(), /Referat, version 1/);
    await accessible(secretary, 'minutes published');

    // The public portal: the decisions and the public attachment, nothing closed, no notes.
    await citizen.goto(`${server.url}/moeder/${meetingId}`);
    const portal = await citizen.content();
    assert.match(portal, /Indstillingen anbefales/);
    assert.match(portal, /Lukket punkt: Personalesag/);
    assert.match(portal, /Kort over skoledistrikterne/);
    for (const secret of [CANARY, NOTE, 'Ansøgning fra borger', 'Personsag']) assert.ok(!portal.includes(secret), `the portal does not show ${secret}`);
    await accessible(citizen, 'public meeting page');
    assert.ok(closedItem);

    // A correction after publication, under the default policy: a marked correction with its note.
    await secretary.goto(`${server.url}/redigering/moeder/${meetingId}/moedet`);
    const correcting = card('Ny skolestruktur i Demo Kommune');
    await correcting.getByLabel('Beslutning', { exact: true }).fill('Indstillingen anbefales med fire distrikter.');
    await correcting.getByLabel('Ændringsnote').fill('Antallet af distrikter var udeladt');
    await submit(secretary, correcting.getByRole('button', { name: 'Gem beslutning' }));
    await citizen.goto(`${server.url}/moeder/${meetingId}`);
    assert.match(await citizen.content(), /Rettet \d+\. \p{L}+ \d{4} kl\. \d\d\.\d\d \(version 2\): Antallet af distrikter var udeladt/u);
    await accessible(citizen, 'public meeting page with a marked correction');
  });

  it('offers the approval settings to administrators, accessible at 1280 and 390 px', async () => {
    const admin = await newPage();
    await logIn(admin, 'admin@demo.dk', '/redigering/indstillinger/godkendelse');
    assert.equal(await h1(admin), 'Godkendelse af referater');
    for (const viewport of [DESKTOP, { width: 390, height: 844 }]) {
      await admin.setViewportSize(viewport);
      assert.deepEqual(await axeViolations(admin), [], `approval settings at ${viewport.width} px`);
      assert.equal(await horizontalOverflow(admin), 0, `approval settings fit ${viewport.width} px`);
    }
    await admin.getByLabel('Den rettede version skal godkendes igen').check();
    await submit(admin, admin.getByRole('button', { name: 'Gem indstillinger' }));
    assert.match(await admin.content(), /Indstillingerne for godkendelse er gemt/);
    assert.ok(await admin.getByLabel('Den rettede version skal godkendes igen').isChecked());
  });
});
