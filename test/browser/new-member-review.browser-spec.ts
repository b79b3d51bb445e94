import type { Browser, Page } from 'playwright-core';
import { startApp, type TestApp } from '../support/app';
import { loginAdmin, registerMember, uniqueHandle, type Member } from '../support/members';
import { launchBrowser, openPage, screenshot, seriousA11yViolations } from './support/browser';
import {
  goTo,
  joinThroughUi,
  messageWithText,
  registerThroughUi,
  sendThroughUi,
  signInThroughUi,
} from './support/ui';

// jest reads testTimeout only from the root config, not from the browser project.
jest.setTimeout(90_000);

/**
 * Issue 15, part 3, in the browser: an admin turns new-member review on where
 * groups are edited, a newcomer's first post is held (only they see it, with
 * a kind note), a moderator approves it in the review queue, and the member
 * who was reading along sees it appear live.
 */
describe('new-member review in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: Member;
  const circle = `Quiet circle ${Date.now().toString(36)}`;
  const pages: Page[] = [];

  beforeAll(async () => {
    t = await startApp();
    browser = await launchBrowser();
    admin = await loginAdmin(t);
    const res = await admin
      .post('/api/groups')
      .send({ name: circle, description: 'Talking it through, gently.', audience: 'betrayed' });
    expect(res.status).toBe(201);
  });

  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await t?.close();
  });

  const open = async () => {
    const { page } = await openPage(browser, t.url);
    pages.push(page);
    return page;
  };

  it('holds a newcomer’s post for them alone, then shows it to the group when a moderator approves it', async () => {
    // The admin turns review on for the group, on the admin screen.
    const mod = await open();
    await signInThroughUi(mod, admin.handle, admin.password);
    await goTo(mod, 'Admin');
    const form = mod.locator('form', {
      has: mod.getByRole('heading', { name: 'New-member review' }),
    });
    await form.getByLabel('Group').selectOption({ label: `${circle} (betrayed)` });
    await form.getByLabel('Review new members’ first posts').check();
    await form.getByLabel(/^Posts to review/).fill('2');
    await form.getByRole('button', { name: 'Save review setting' }).click();
    await form
      .getByRole('status')
      .getByText(/first 2 posts in .* will be reviewed/)
      .waitFor();
    expect(await seriousA11yViolations(mod)).toEqual([]);
    const groupId = (await admin.get('/api/groups')).body.items.find(
      (g: { name: string }) => g.name === circle,
    ).id;
    expect((await admin.get(`/api/groups/${groupId}`)).body.newMemberReview).toEqual({
      enabled: true,
      posts: 2,
    });

    // A member who reads along has the group open.
    const benMember = await registerMember(t, 'betrayed');
    await benMember.post(`/api/groups/${groupId}/join`).send({ acceptGuidelines: true });
    const ben = await open();
    await signInThroughUi(ben, benMember.handle, benMember.password);
    await ben.getByRole('button', { name: `Open ${circle}` }).click();
    await ben.getByRole('heading', { name: circle, level: 1 }).waitFor();

    // The newcomer is told before joining, posts, and sees their post held with a kind note.
    const ana = await open();
    await registerThroughUi(ana, 'betrayed', uniqueHandle('ana'));
    await ana.getByRole('button', { name: `Join ${circle}…` }).click();
    await ana.getByText(/a moderator reads a new member’s first 2 posts/).waitFor();
    await ana.getByRole('button', { name: 'Not now' }).click();
    await joinThroughUi(ana, circle);
    const body = 'Hello, I am new here and glad to find you all.';
    await sendThroughUi(ana, body);
    const held = messageWithText(ana, body);
    await held.getByText(/Only you can see this for now\. Welcome!/).waitFor();
    await ana.locator('.messages li.pending').first().waitFor({ state: 'detached' });
    expect(await seriousA11yViolations(ana)).toEqual([]);
    await screenshot(ana, 'new-member-held');

    // The reader sees nothing of it.
    await ben.waitForTimeout(1000);
    expect(await messageWithText(ben, body).count()).toBe(0);

    // A moderator finds it in the review queue and approves it.
    await goTo(mod, 'Review');
    const item = mod.locator('li.review', { hasText: body });
    await item.waitFor();
    await item.getByText(/New-member review: a new member’s post/).waitFor();
    await item.getByText('Not yet seen by the group').waitFor();
    expect(await item.locator('.priority').getAttribute('class')).toBe('priority normal');
    await item.getByLabel('Action').selectOption('approve');
    await item.getByRole('button', { name: 'Resolve' }).click();
    await item.getByText(/Resolved: approve by/).waitFor();

    // The reader now sees it, live; the newcomer's note is gone.
    await messageWithText(ben, body).waitFor();
    await messageWithText(ana, body)
      .getByText(/Only you can see this/)
      .waitFor({ state: 'detached' });
  });
});
