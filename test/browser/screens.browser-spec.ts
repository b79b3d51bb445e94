import type { Browser, Page } from 'playwright-core';
import { startApp, type TestApp } from '../support/app';
import { loginAdmin, registerMember, type Member } from '../support/members';
import {
  launchBrowser,
  openPage,
  screenshot,
  seriousA11yViolations,
  type ViewportName,
} from './support/browser';
import { goTo, messageWithText, signInThroughUi } from './support/ui';

// jest reads testTimeout only from the root config, not from the browser project.
jest.setTimeout(90_000);

/**
 * Every main screen at desktop and phone size: a screenshot for a person to
 * look at (test-results/screenshots/) and an axe check that must find no
 * serious or critical violation.
 */
describe('main screens: screenshots and accessibility', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: Member;
  let ana: Member;
  let groupId: string;
  const found: Record<string, string[]> = {};

  async function capture(page: Page, name: string): Promise<void> {
    await page.waitForTimeout(150); // let focus moves and fonts settle
    await screenshot(page, name);
    const violations = await seriousA11yViolations(page);
    if (violations.length) found[`${name} (${page.viewportSize()?.width}px)`] = violations;
  }

  beforeAll(async () => {
    t = await startApp();
    browser = await launchBrowser();
    admin = await loginAdmin(t);
    const group = await admin.post('/api/groups').send({
      name: 'Evening circle',
      description: 'A small group that meets on weekday evenings to talk things through, gently.',
      audience: 'betrayed',
    });
    groupId = group.body.id;
    await admin.post('/api/groups').send({
      name: 'Weekend circle',
      description: 'For those who can only make weekends.',
      audience: 'betrayed',
      capacity: 8,
    });
    ana = await registerMember(t, 'betrayed');
    const ben = await registerMember(t, 'betrayed');
    for (const m of [ana, ben])
      await m.post(`/api/groups/${groupId}/join`).send({ acceptGuidelines: true });
    // A discussion that goes live in a moment (banner), and upcoming ones (Discussions screen).
    await admin
      .post(`/api/groups/${groupId}/sessions`)
      .send({ startsAt: new Date(Date.now() + 2000).toISOString(), durationMinutes: 120 });
    await admin.post(`/api/groups/${groupId}/sessions`).send({
      startsAt: new Date(Date.now() + 3 * 86400_000).toISOString(),
      durationMinutes: 60,
      recurrence: 'FREQ=WEEKLY;COUNT=3',
    });
    const lines: [Member, string][] = [
      [ben, 'Hi everyone. Tonight is hard, but I am glad this group exists.'],
      [ana, 'Same here. Some days I feel fine, and then a song on the radio undoes me.'],
      [ben, 'That happens to me too. Be gentle with yourself.'],
      [ana, 'My number is 07700 900 456 if anyone wants to talk.'],
    ];
    for (const [i, [m, body]] of lines.entries()) {
      const res = await m
        .post(`/api/groups/${groupId}/messages`)
        .send({ body, clientId: `seed-${i}` });
      expect(res.status).toBe(201);
    }
    const first = await ana.get(`/api/groups/${groupId}/messages?limit=10`);
    const benFirst = first.body.items.find(
      (m: { author: { id: string } }) => m.author.id === ben.id,
    );
    await ana.post(`/api/messages/${benFirst.id}/reactions`).send({ kind: 'hug' });
    await new Promise((resolve) => setTimeout(resolve, 2500)); // the session goes live, screening runs
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each<ViewportName>(['desktop', 'phone'])('member screens at %s size', async (viewport) => {
    const { page, context } = await openPage(browser, t.url, viewport);
    await page.goto('/');
    await page.getByRole('heading', { name: 'A quiet place to mend' }).waitFor();
    await capture(page, 'welcome');
    await page.getByRole('button', { name: 'Join anonymously' }).click();
    await capture(page, 'register');
    await page.getByRole('button', { name: 'I already have one' }).click();
    await capture(page, 'login');

    await signInThroughUi(page, ana.handle, ana.password);
    await page.getByRole('button', { name: 'Join Weekend circle…' }).click();
    await page.getByRole('button', { name: 'Join the group' }).waitFor();
    await capture(page, 'groups');

    await page.getByRole('button', { name: 'Open Evening circle' }).click();
    await messageWithText(page, 'Be gentle with yourself.').waitFor();
    await page.getByRole('heading', { name: /Live discussion/ }).waitFor();
    await capture(page, 'chat');

    await goTo(page, 'Discussions');
    await page.locator('li.session-card').first().waitFor();
    await capture(page, 'discussions');
    await goTo(page, 'Notifications');
    await capture(page, 'notifications');
    await goTo(page, 'Account');
    await capture(page, 'account');
    await goTo(page, 'Help now');
    await capture(page, 'help');
    await context.close();
  });

  it.each<ViewportName>(['desktop', 'phone'])(
    'crisis support and moderator screens at %s size',
    async (viewport) => {
      const member = await registerMember(t, 'betrayed');
      await member.post(`/api/groups/${groupId}/join`).send({ acceptGuidelines: true });
      const { page: mod, context: modContext } = await openPage(browser, t.url, viewport);
      await signInThroughUi(mod, admin.handle, admin.password);
      await goTo(mod, 'Review');
      await mod.getByRole('heading', { name: 'Review queue' }).waitFor();

      const { page, context } = await openPage(browser, t.url, viewport);
      await signInThroughUi(page, member.handle, member.password);
      await member.post(`/api/groups/${groupId}/messages`).send({
        body: 'I can’t go on anymore, I want to end my life.',
        clientId: `crisis-${viewport}`,
      });
      await page.getByRole('heading', { name: /You matter/ }).waitFor();
      await capture(page, 'crisis-support');

      await mod.getByRole('heading', { name: /Urgent: .* need/ }).waitFor();
      await capture(mod, 'urgent-alert');
      await mod.getByRole('button', { name: 'Open the review queue' }).click();
      await mod.locator('li.review.urgent').first().waitFor();
      await capture(mod, 'review-queue');
      await mod.getByRole('button', { name: 'Audit log' }).click();
      await capture(mod, 'audit-log');
      await goTo(mod, 'Admin');
      await capture(mod, 'admin');
      await context.close();
      await modContext.close();
    },
  );

  it('no main screen has a serious or critical accessibility violation', () => {
    expect(found).toEqual({});
  });
});
