import type { Browser } from 'playwright-core';
import { startApp, type TestApp } from '../support/app';
import { loginAdmin, registerMember } from '../support/members';
import { launchBrowser, openPage } from './support/browser';
import { goTo, signInThroughUi } from './support/ui';

// jest reads testTimeout only from the root config, not from the browser project.
jest.setTimeout(60_000);

describe('discussions and reminders in the browser', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startApp({ REMINDER_OFFSETS: '3s' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a member RSVPs to an upcoming session and its reminder arrives live in the notification list', async () => {
    const admin = await loginAdmin(t);
    const group = await admin
      .post('/api/groups')
      .send({ name: 'Tuesday circle', description: 'Weekly talks.', audience: 'betrayed' });
    const member = await registerMember(t, 'betrayed');
    await member
      .post(`/api/groups/${group.body.id}/join`)
      .send({ acceptGuidelines: true })
      .expect(201);
    const startsAt = new Date(Date.now() + 15_000).toISOString();
    const created = await admin
      .post(`/api/groups/${group.body.id}/sessions`)
      .send({ startsAt, durationMinutes: 30 });
    expect(created.status).toBe(201);
    const topic = created.body.items[0].topic;

    const { page } = await openPage(browser, t.url);
    await signInThroughUi(page, member.handle, member.password);
    await goTo(page, 'Discussions');
    const card = page.locator('li.session-card', { hasText: topic.title });
    await card.waitFor();
    await card.getByText(topic.summary).waitFor();
    // Shown in the member's own time zone (Europe/London in this browser and profile default UTC otherwise).
    await card.getByText('Tuesday circle ·', { exact: false }).waitFor();

    await card.getByRole('button', { name: 'I’ll be there' }).click();
    await card.locator('button[aria-pressed="true"]', { hasText: 'I’ll be there' }).waitFor();
    await card.getByText('1 going').waitFor();

    // The reminder is due 3 s before the start: it arrives on the socket, the badge counts it.
    await page
      .getByRole('button', { name: /Notifications.*1 unread/ })
      .waitFor({ timeout: 30_000 });
    await goTo(page, 'Notifications');
    await page.getByText(/Your group meets in 3 seconds/).waitFor();
    const text = await page.locator('ul.notifications').innerText();
    expect(text).not.toMatch(/infidel|affair|betray|cheat|Tuesday circle/i);

    await page.getByRole('button', { name: 'Mark as read' }).first().click();
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
  });
});
