import type { Browser, Page } from 'playwright-core';
import { Clock } from '@kintsugi/platform';
import { startApp, type TestApp } from '../support/app';
import { loginAdmin, registerMember, type Member } from '../support/members';
import { launchBrowser, openPage, screenshot, seriousA11yViolations } from './support/browser';
import { goTo, signInThroughUi } from './support/ui';

// jest reads testTimeout only from the root config, not from the browser project.
jest.setTimeout(90_000);

const TODAY = { 'Feeling safe': 4, 'Honesty and openness': 5, 'Talking without blame': 3 };
const MORE = { 'Looking after myself': 2, 'Hope for the future': 4 };
const FORBIDDEN = /infidel|affair|betray|cheat|unfaithful|adulter/i;

/** Issue 15: a member records a check-in and sees it charted by week and in the table. */
describe('check-ins in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let ana: Member;
  let moderator: Member;

  beforeAll(async () => {
    t = await startApp();
    browser = await launchBrowser();
    const admin = await loginAdmin(t);
    const group = await admin
      .post('/api/groups')
      .send({ name: 'Evening circle', description: 'Weekday evenings.', audience: 'betrayed' });
    ana = await registerMember(t, 'betrayed');
    moderator = await registerMember(t, 'betrayed');
    for (const m of [ana, moderator])
      await m.post(`/api/groups/${group.body.id}/join`).send({ acceptGuidelines: true });
    await admin.post(`/api/groups/${group.body.id}/moderators`).send({ userId: moderator.id });
    // Two earlier weeks, recorded on those days (the server's clock moved back for each).
    const clock = t.app.get(Clock);
    for (const [daysAgo, level] of [
      [14, 2],
      [7, 3],
    ]) {
      const spy = jest
        .spyOn(clock, 'now')
        .mockReturnValue(new Date(Date.now() - daysAgo * 86400_000));
      const res = await ana.post('/api/me/checkins').send({
        safety: level,
        honesty: level,
        communication: level,
        selfCare: level,
        hope: level,
      });
      spy.mockRestore();
      expect(res.status).toBe(201);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function expectAccessible(page: Page, name: string): Promise<void> {
    await page.waitForTimeout(150);
    await screenshot(page, name);
    expect(await seriousA11yViolations(page)).toEqual([]);
  }

  it('records today’s check-in through the form, then shows it in each scale’s chart and in the table', async () => {
    const { page } = await openPage(browser, t.url);
    const writes: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET') writes.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });
    await signInThroughUi(page, ana.handle, ana.password);
    await goTo(page, 'Check-in');
    await page.getByRole('heading', { name: 'Check-in', level: 1 }).waitFor();
    await expectAccessible(page, 'checkin-form');

    for (const [scale, value] of Object.entries({ ...TODAY, ...MORE }))
      await page
        .getByRole('group', { name: scale })
        .getByLabel(String(value), { exact: true })
        .check();
    await page.getByLabel('A note, just for you (optional)').fill('We talked on Sunday, calmly.');
    await page.getByRole('button', { name: 'Save today’s check-in' }).click();
    await page.getByText('You have checked in today.').waitFor();

    // Each scale's chart has a point for each of the three weeks.
    const safety = page.getByRole('img', { name: /Feeling safe/ });
    await safety.waitFor();
    expect(await safety.locator('circle').count()).toBe(3);
    expect(await page.getByRole('img', { name: /Latest weekly average 4 of 5/ }).count()).toBe(2);

    // The table holds the same values: this week's row is today's check-in.
    const table = page.getByRole('table', { name: /Weekly averages/ });
    const rows = table.getByRole('row');
    expect(await rows.count()).toBe(4); // the header and three weeks
    const cells = await rows.last().getByRole('cell').allInnerTexts();
    expect(cells).toEqual(['4', '5', '3', '2', '4', '1']);
    expect(await rows.nth(1).getByRole('cell').allInnerTexts()).toEqual([
      '2',
      '2',
      '2',
      '2',
      '2',
      '1',
    ]);
    await page.getByText('We talked on Sunday, calmly.').waitFor();

    // Discreet, and accessible with the chart drawn, at both sizes.
    expect(await page.locator('main').innerText()).not.toMatch(FORBIDDEN);
    await expectAccessible(page, 'checkin-charted');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'checkin-charted');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The weekly reminder is an opt-in switch.
    await page.getByLabel('Remind me in the app after a week without a check-in').check();
    await page.getByText('Saved.').waitFor();

    // "How to reach a moderator" names the group's moderators and sends nothing to anyone.
    const before = writes.length;
    await page.getByRole('button', { name: 'How to reach a moderator' }).click();
    await page.getByText('Opening this sent nothing to anyone.').waitFor();
    await page.getByText(`moderated by ${moderator.handle}`, { exact: false }).waitFor();
    expect(writes.slice(before)).toEqual([]);
    await expectAccessible(page, 'checkin-reach-moderator');
    expect(writes.filter((w) => w.startsWith('POST /api/me/checkins'))).toHaveLength(1);
  });
});
