import type { Page } from 'playwright-core';

/** What a member does in the web app, step by step, through its labels and buttons. */

export async function registerThroughUi(
  page: Page,
  role: 'betrayed' | 'unfaithful',
  handle: string,
  password = 'a-long-enough-password',
): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Join anonymously' }).click();
  await page.getByLabel('I’ll choose one').check();
  await page.getByLabel('Name others will see').fill(handle);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page
    .getByLabel(
      role === 'betrayed' ? 'My partner was unfaithful to me' : 'I was unfaithful to my partner',
    )
    .check();
  await page.getByRole('button', { name: 'Create my account' }).click();
  await page.getByRole('heading', { name: 'Groups', level: 1 }).waitFor();
}

export async function signInThroughUi(page: Page, handle: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'I have an account' }).click();
  await page.getByLabel('Your name here').fill(handle);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Groups', level: 1 }).waitFor();
}

export async function joinThroughUi(page: Page, groupName: string): Promise<void> {
  await page.getByRole('button', { name: `Join ${groupName}…` }).click();
  await page.getByLabel('I have read these guidelines and will follow them').check();
  await page.getByRole('button', { name: 'Join the group' }).click();
  await page.getByRole('heading', { name: groupName, level: 1 }).waitFor();
}

export async function sendThroughUi(page: Page, body: string): Promise<void> {
  await page.getByLabel('Write a message').fill(body);
  await page.getByLabel('Write a message').press('Enter');
}

/** The message list item showing this text (the chat renders text, never HTML). */
export const messageWithText = (page: Page, text: string) =>
  page.locator('.messages li.message', { hasText: text });

export async function goTo(page: Page, navLabel: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: navLabel })
    .click();
}
