import type { Browser } from 'playwright-core';
import { startApp, type TestApp } from '../support/app';
import { loginAdmin, registerMember } from '../support/members';
import { launchBrowser, openPage } from './support/browser';
import { goTo, messageWithText, sendThroughUi, signInThroughUi } from './support/ui';

// jest reads testTimeout only from the root config, not from the browser project.
jest.setTimeout(60_000);

describe('accounts and the connection in the browser', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startApp();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('registers with a generated name, signs out, and deletes the account after a wrong then a right password', async () => {
    const { page, context } = await openPage(browser, t.url);
    await page.goto('/');
    await page.getByRole('button', { name: 'Join anonymously' }).click();
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('I was unfaithful to my partner').check();
    await page.getByRole('button', { name: 'Create my account' }).click();
    // The browser's own check refuses a short password before anything is sent.
    expect(await page.getByRole('heading', { name: 'Groups' }).count()).toBe(0);
    await page.getByLabel('Password', { exact: true }).fill('a-long-enough-password');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByRole('heading', { name: 'Groups', level: 1 }).waitFor();

    await goTo(page, 'Account');
    const intro = await page.locator('main p').first().innerText();
    const handle = /You are (\S+),/.exec(intro)![1];
    expect(handle).toMatch(/^[A-Za-z0-9_-]{3,32}$/);
    expect(intro).toContain('Europe/London');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'A quiet place to mend' }).waitFor();
    await signInThroughUi(page, handle, 'a-long-enough-password');

    await goTo(page, 'Account');
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    await page.getByText(/your messages stay in the conversations/).waitFor();
    await page.getByLabel('Your password, to confirm').fill('not-the-password');
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await page.getByRole('alert').filter({ hasText: /./ }).first().waitFor();
    await page.getByLabel('Your password, to confirm').fill('a-long-enough-password');
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await page.getByRole('heading', { name: 'A quiet place to mend' }).waitFor();

    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ handle, password: 'a-long-enough-password' });
    expect(login.status).toBe(401);
    await context.close();
  });

  it('says when the connection drops, and on its return shows what was missed and sends what was written meanwhile', async () => {
    const admin = await loginAdmin(t);
    const group = await admin
      .post('/api/groups')
      .send({ name: 'Night circle', description: 'Late talks.', audience: 'betrayed' });
    const [ana, ben] = [await registerMember(t, 'betrayed'), await registerMember(t, 'betrayed')];
    for (const m of [ana, ben])
      await m.post(`/api/groups/${group.body.id}/join`).send({ acceptGuidelines: true });

    const { page, context } = await openPage(browser, t.url);
    await signInThroughUi(page, ana.handle, ana.password);
    await page.getByRole('button', { name: 'Open Night circle' }).click();
    await page.getByText('No messages yet. You could say hello.').waitFor();

    await context.setOffline(true);
    await page.getByText(/Connection lost/).waitFor({ timeout: 30_000 });
    await sendThroughUi(page, 'Written while offline');
    await page.getByText('Waiting for the connection to send…').waitFor();
    const res = await ben
      .post(`/api/groups/${group.body.id}/messages`)
      .send({ body: 'Sent while Ana was away', clientId: 'while-away' });
    expect(res.status).toBe(201);

    await context.setOffline(false);
    await page.getByText('Back online. You are up to date.').waitFor({ timeout: 30_000 });
    await messageWithText(page, 'Sent while Ana was away').waitFor();
    await page
      .locator('.messages li.message:not(.pending)', { hasText: 'Written while offline' })
      .waitFor();
    const history = await ben.get(`/api/groups/${group.body.id}/messages?limit=10`);
    const bodies = history.body.items.map((m: { body: string }) => m.body);
    expect(bodies.filter((b: string) => b === 'Written while offline')).toHaveLength(1);
    await context.close();
  });
});
