import type { Browser, Page } from 'playwright-core';
import { startApp, type TestApp } from '../support/app';
import { registerMember, type Member } from '../support/members';
import { launchBrowser, openPage } from './support/browser';
import { goTo, signInThroughUi } from './support/ui';

// jest reads testTimeout only from the root config, not from the browser project.
jest.setTimeout(60_000);

const NEUTRAL = 'https://www.bbc.com/weather';

describe('discretion in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let member: Member;

  beforeAll(async () => {
    t = await startApp();
    browser = await launchBrowser();
    member = await registerMember(t, 'betrayed');
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Signs in and walks a few screens, checking that none of it added a history entry or a telling title. */
  async function signedInAfterBrowsing(page: Page): Promise<number> {
    await page.goto('/');
    const entries = await page.evaluate(() => history.length);
    await signInThroughUi(page, member.handle, member.password);
    for (const screen of ['Discussions', 'Notifications', 'Help now', 'Account', 'Groups']) {
      await goTo(page, screen);
      expect(await page.title()).toBe('Notes');
    }
    expect(await page.evaluate(() => history.length)).toBe(entries);
    expect(page.url()).toBe(`${t.url}/`);
    return entries;
  }

  it('the tab shows a neutral title and a plain icon on every screen', async () => {
    const { page, context } = await openPage(browser, t.url);
    await page.goto('/');
    expect(await page.title()).toBe('Notes');
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    const svg = await (await page.request.get(icon!)).text();
    expect(svg).not.toMatch(/kintsugi|infidel|affair|betray|cheat/i);
    await signedInAfterBrowsing(page);
    await context.close();
  });

  it('“Leave now” replaces the page with a neutral site, leaves no way back, and signs the tab out', async () => {
    const { page, context } = await openPage(browser, t.url);
    const entries = await signedInAfterBrowsing(page);
    await page.getByRole('button', { name: 'Leave now' }).click();
    await page.waitForURL(NEUTRAL);
    expect(await page.evaluate(() => history.length)).toBe(entries);
    await page.goBack();
    expect(page.url()).not.toContain(t.url);

    // Coming back to the address in the same tab finds no session.
    await page.goto('/');
    await page.getByRole('heading', { name: 'A quiet place to mend' }).waitFor();
    await context.close();
  });

  it('pressing Escape twice leaves the same way, from any screen', async () => {
    const { page, context } = await openPage(browser, t.url);
    const entries = await signedInAfterBrowsing(page);
    await goTo(page, 'Discussions');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL(NEUTRAL);
    expect(await page.evaluate(() => history.length)).toBe(entries);
    await context.close();
  });

  it('a single Escape (closing a menu, say) does not leave', async () => {
    const { page, context } = await openPage(browser, t.url);
    await page.goto('/');
    // Straight after load: a lone Escape then must not count as the second of a pair.
    await page.keyboard.press('Escape');
    // Well apart from the 800 ms double-press window, with room for a busy machine's event delays.
    await page.waitForTimeout(2500);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    expect(page.url()).toBe(`${t.url}/`);
    await context.close();
  });

  it('the screen lock hides everything behind a PIN, refuses a wrong one and opens with the right one', async () => {
    const { page, context } = await openPage(browser, t.url);
    await signInThroughUi(page, member.handle, member.password);
    await goTo(page, 'Account');
    await page.getByLabel('PIN (4–8 digits)').fill('12a');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByText('Use 4 to 8 digits.').waitFor();
    await page.getByLabel('PIN (4–8 digits)').fill('2468');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('button', { name: 'Lock now' }).click();

    await page.getByLabel('Enter your PIN to continue').waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.getByText(member.handle).count()).toBe(0);
    // A reload stays locked.
    await page.reload();
    await page.getByLabel('Enter your PIN to continue').fill('1111');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText(/That PIN is not right. 4 tries left/).waitFor();
    await page.getByLabel('Enter your PIN to continue').fill('2468');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await context.close();
  });
});
