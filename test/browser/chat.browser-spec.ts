import type { Browser, Page } from 'playwright-core';
import { startApp, type TestApp } from '../support/app';
import { loginAdmin, registerMember, uniqueHandle, type Member } from '../support/members';
import { launchBrowser, openPage } from './support/browser';
import { recordMetric } from './support/metrics';
import {
  goTo,
  joinThroughUi,
  messageWithText,
  registerThroughUi,
  sendThroughUi,
  signInThroughUi,
} from './support/ui';

// jest reads testTimeout only from the root config, not from the browser project.
jest.setTimeout(60_000);

describe('chat in the browser (real API, two members side by side)', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: Member;
  let ana: Page;
  let ben: Page;
  const evening = `Evening circle ${Date.now().toString(36)}`;
  const morning = `Morning circle ${Date.now().toString(36)}`;

  beforeAll(async () => {
    t = await startApp();
    browser = await launchBrowser();
    admin = await loginAdmin(t);
    for (const [name, audience] of [
      [evening, 'betrayed'],
      [morning, 'unfaithful'],
    ]) {
      const res = await admin
        .post('/api/groups')
        .send({ name, description: 'Talking it through, gently.', audience });
      expect(res.status).toBe(201);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('two members of the same audience join through the guidelines and each sees the other’s message live', async () => {
    ana = (await openPage(browser, t.url)).page;
    await registerThroughUi(ana, 'betrayed', uniqueHandle('ana'));
    await joinThroughUi(ana, evening);
    await sendThroughUi(ana, 'Hello, I am new here.');
    await messageWithText(ana, 'Hello, I am new here.').waitFor();

    const benMember = await registerMember(t, 'betrayed');
    ben = (await openPage(browser, t.url)).page;
    await signInThroughUi(ben, benMember.handle, benMember.password);
    await joinThroughUi(ben, evening);
    await messageWithText(ben, 'Hello, I am new here.').waitFor();

    // Time to first message: from opening the group to its latest message on screen.
    await goTo(ben, 'Groups');
    const opened = Date.now();
    await ben.getByRole('button', { name: `Open ${evening}` }).click();
    await messageWithText(ben, 'Hello, I am new here.').waitFor();
    recordMetric('timeToFirstMessageMs', Date.now() - opened, 'ms');

    await sendThroughUi(ben, 'Welcome, Ana. Glad you found us.');
    await messageWithText(ana, 'Welcome, Ana. Glad you found us.').waitFor();
    await sendThroughUi(ana, 'Thank you.');
    await messageWithText(ben, 'Thank you.').waitFor();
    // Own messages are confirmed (no longer pending) once acknowledged.
    await ana.locator('.messages li.pending').first().waitFor({ state: 'detached' });
  });

  it('message text with HTML in it is shown as text and never runs', async () => {
    const body = '<img src=x onerror="window.__ran=1"><b>not bold</b>';
    await sendThroughUi(ana, body);
    await messageWithText(ben, body).waitFor();
    expect(await ben.locator('.messages b').count()).toBe(0);
    expect(
      await ben.evaluate(() => (window as unknown as { __ran?: number }).__ran),
    ).toBeUndefined();
  });

  it('a member of the other audience does not see the group at all', async () => {
    const cara = await registerMember(t, 'unfaithful');
    const { page } = await openPage(browser, t.url);
    await signInThroughUi(page, cara.handle, cara.password);
    await page.getByRole('heading', { name: morning }).waitFor();
    expect(await page.getByRole('heading', { name: evening }).count()).toBe(0);
    await page.context().close();
  });

  it('a phone number is hidden from the other member, and reappears live when a moderator approves it', async () => {
    const body = 'You can call me on 07700 900 123 tonight';
    await sendThroughUi(ana, body);
    const atBen = ben.locator('.messages li.message').last();
    await atBen.getByText('This message is hidden while a moderator reviews it.').waitFor();
    expect(await messageWithText(ben, '07700').count()).toBe(0);
    await messageWithText(ana, body)
      .getByText(/Only you can see this for now/)
      .waitFor();

    const { page: mod } = await openPage(browser, t.url);
    await signInThroughUi(mod, admin.handle, admin.password);
    await goTo(mod, 'Review');
    const item = mod.locator('li.review', { hasText: '07700 900 123' });
    await item.waitFor();
    await item.getByLabel('Action').selectOption('approve');
    await item.getByLabel(/^Note/).fill('A number shared on purpose; fine to show.');
    await item.getByRole('button', { name: 'Resolve' }).click();
    await item.getByText(/Resolved: approve/).waitFor();

    await messageWithText(ben, body).waitFor();
    await mod.context().close();
  });
});
