import type { Browser, Page } from 'playwright-core';
import { startApp, type TestApp } from '../support/app';
import { loginAdmin, uniqueHandle, type Member } from '../support/members';
import { launchBrowser, openPage, seriousA11yViolations } from './support/browser';
import { messageWithText, registerThroughUi, sendThroughUi } from './support/ui';

// jest reads testTimeout only from the root config, not from the browser project.
jest.setTimeout(90_000);

/**
 * Issue 15, part 2, in the browser: a member joins two groups choosing
 * "Appear under a different name in this group" and sees a different
 * pseudonym in each, on the group list and on their own messages.
 */
describe('per-group pseudonyms in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: Member;
  const tag = Date.now().toString(36);
  const circles = [`Willow circle ${tag}`, `Harbor circle ${tag}`];
  let page: Page;

  beforeAll(async () => {
    t = await startApp();
    browser = await launchBrowser();
    admin = await loginAdmin(t);
    for (const name of circles) {
      const res = await admin
        .post('/api/groups')
        .send({ name, description: 'Talking it through, gently.', audience: 'betrayed' });
      expect(res.status).toBe(201);
    }
  });

  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    await t?.close();
  });

  it('shows a member two different pseudonyms in two groups', async () => {
    ({ page } = await openPage(browser, t.url));
    const handle = uniqueHandle('p');
    await registerThroughUi(page, 'betrayed', handle);

    const shown: string[] = [];
    for (const [i, name] of circles.entries()) {
      if (i > 0) await page.getByRole('button', { name: '← Groups' }).click();
      await page.getByRole('button', { name: `Join ${name}…` }).click();
      await page.getByLabel('I have read these guidelines and will follow them').check();
      const choice = page.getByLabel('Appear under a different name in this group');
      await choice.check();
      if (i === 0) expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Join the group' }).click();
      await page.getByRole('heading', { name, level: 1 }).waitFor();
      const note = page.locator('.chat .pseudonym-note strong');
      await note.waitFor();
      const pseudonym = (await note.textContent())!.trim();
      expect(pseudonym).toMatch(/^[a-z]+-[a-z]+-[0-9a-f]{4}$/);
      shown.push(pseudonym);

      // My own message carries the pseudonym, and is still known as mine.
      await sendThroughUi(page, `hello from ${name}`);
      const mine = messageWithText(page, `hello from ${name}`);
      await mine.locator('.author', { hasText: pseudonym }).waitFor();
      expect(await page.locator('.messages').textContent()).not.toContain(handle);
    }
    expect(shown[0]).not.toBe(shown[1]);

    // The group list names each group's pseudonym on its card.
    await page.getByRole('button', { name: '← Groups' }).click();
    for (const [i, name] of circles.entries()) {
      const card = page.locator('li.group-card', { has: page.getByRole('heading', { name }) });
      await card.getByText(`Here you appear as ${shown[i]}`).waitFor();
    }
  });
});
