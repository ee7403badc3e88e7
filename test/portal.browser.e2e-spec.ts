import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { linkTokensIn } from '@app/delivery';
import { testClientIp } from '@app/testing';
import {
  type DeliveryPractice,
  DeliveryStack,
  createDeliveryPractice,
  patientFromForm,
  attestConsent,
} from './delivery-fixtures.js';
import { waitFor } from './ingestion-fixtures.js';
import { SECRET_REPLY, codeSentTo, emailedConsentRequest, secureMessageTo } from './portal-fixtures.js';

/** Debian's Chromium; the tests never download a browser (no `playwright install`). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Gitignored: one 375 px-wide screenshot per patient page, for a human look. */
const SCREENSHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');
const PHONE = { width: 375, height: 740 };

/** Saves a full-page screenshot and checks what a phone needs: no sideways scroll, labelled fields. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  // Readable on a phone: nothing wider than the screen (no sideways scrolling).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  // Every visible field has a label.
  const unlabelled = await page.evaluate(
    () =>
      [...document.querySelectorAll('input:not([type=hidden]), textarea')].filter(
        (el) => !el.id || !document.querySelector(`label[for="${el.id}"]`),
      ).length,
  );
  expect(unlabelled).toBe(0);
}

// Issue 6 in a real browser, with JavaScript turned off: the pages must work without it.
describe('patient pages in Chromium (375 px, no JavaScript)', () => {
  let stack: DeliveryStack;
  let practice: DeliveryPractice;
  let browser: Browser;
  const staffToken = () => practice.owner.accessToken;

  /** A fresh browser profile: no cookies, its own client address (per-IP limits). */
  const freshContext = (): Promise<BrowserContext> =>
    browser.newContext({
      viewport: PHONE,
      javaScriptEnabled: false,
      extraHTTPHeaders: { 'X-Forwarded-For': testClientIp() },
    });

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `Chromium not found at ${CHROMIUM}. Install Debian's package: "apt-get install -y chromium" ` +
          `(or set CHROMIUM_PATH). Never "npx playwright install".`,
      );
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    stack = await DeliveryStack.start();
    practice = await createDeliveryPractice(stack);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('open link -> code from the sandbox -> read -> reply; staff see the reply and the read receipt', async () => {
    const patient = await patientFromForm(stack, practice);
    const link = await secureMessageTo(stack, practice, patient);
    const context = await freshContext();
    const page = await context.newPage();

    await page.goto(link.url);
    await expect.poll(() => page.locator('h1').textContent()).toBe('You have a secure message');
    expect(await page.content()).not.toContain(SECRET_REPLY);
    await screenshot(page, 'secure-verify');

    const before = (await stack.sentTo(patient.phone)).length;
    await page.getByRole('button', { name: 'Send me a code' }).click();
    const code = await codeSentTo(stack, patient.phone, before);
    await page.getByLabel('6-digit code').fill(code);
    await screenshot(page, 'secure-code');
    // Keyboard focus follows the task: code -> verify -> (only then) ask for another code.
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
    await page.getByLabel('6-digit code').focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Verify and view message');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Send a new code');
    await page.getByRole('button', { name: 'Verify and view message' }).click();

    await expect.poll(() => page.locator('h1').textContent()).toBe('Your secure messages');
    expect(await page.locator('article .body').first().textContent()).toBe(SECRET_REPLY);
    await screenshot(page, 'secure-thread');
    expect((await stack.messageState(staffToken(), link.messageId)).status).toBe('read');

    await page.getByLabel('Your reply').fill('Thank you, I will keep taking it.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Your reply was sent.');
    await screenshot(page, 'secure-replied');

    const messages = await stack.staff
      .get(`/v1/conversations/${patient.conversationId}/messages`, staffToken())
      .expect(200);
    const items = messages.body.data as Array<{ id: string; channel: string; body: string; status: string }>;
    expect(items.find((m) => m.channel === 'portal')).toMatchObject({
      body: 'Thank you, I will keep taking it.',
      status: 'received',
    });
    expect(items.find((m) => m.id === link.messageId)).toMatchObject({ status: 'read' });
    await context.close();
  });

  it('a file staff sent: listed by name in the thread after the code, downloaded whole on a phone', async () => {
    const patient = await patientFromForm(stack, practice);
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.from(Array.from({ length: 2048 }, (_, i) => i % 256)),
    ]);
    // No place to break the line: the page must wrap it anyway (no sideways scroll at 375 px).
    const fileName = 'LabResults_CompleteBloodCountAndMetabolicPanel_March2026_final.pdf';
    const uploaded = await request(stack.api.getHttpServer())
      .post('/v1/attachments')
      .set('X-Forwarded-For', stack.staff.ip)
      .set('Authorization', `Bearer ${staffToken()}`)
      .attach('file', pdf, { filename: fileName, contentType: 'application/pdf' })
      .expect(201);
    const before = (await stack.sentTo(patient.phone)).length;
    await stack.staff
      .post(
        `/v1/conversations/${patient.conversationId}/replies`,
        { body: 'Your results are attached.', channel: 'sms', attachmentIds: [uploaded.body.id] },
        staffToken(),
      )
      .expect(202);
    const notice = await waitFor(async () => {
      const all = await stack.sentTo(patient.phone);
      return all.length > before && all[0];
    }, 15_000);
    expect(notice.body).not.toContain('results');
    const url = `${stack.publicBaseUrl()}/s/${linkTokensIn(notice.body!)[0]!}`;

    const context = await browser.newContext({
      viewport: PHONE,
      javaScriptEnabled: false,
      acceptDownloads: true,
      extraHTTPHeaders: { 'X-Forwarded-For': testClientIp() },
    });
    const page = await context.newPage();
    await page.goto(url);
    expect(await page.content()).not.toContain(fileName);
    const sent = (await stack.sentTo(patient.phone)).length;
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByLabel('6-digit code').fill(await codeSentTo(stack, patient.phone, sent));
    await page.getByRole('button', { name: 'Verify and view message' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Your secure messages');
    const link = page.getByRole('link', { name: fileName });
    await screenshot(page, 'secure-thread-attachment');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(fileName);
    expect(Buffer.compare(readFileSync((await download.path())!), pdf)).toBe(0);
    await context.close();
  });

  it('five wrong codes show the locked page', async () => {
    const patient = await patientFromForm(stack, practice);
    const link = await secureMessageTo(stack, practice, patient);
    const context = await freshContext();
    const page = await context.newPage();
    await page.goto(link.url);
    const before = (await stack.sentTo(patient.phone)).length;
    await page.getByRole('button', { name: 'Send me a code' }).click();
    const code = await codeSentTo(stack, patient.phone, before);
    const wrong = code === '999999' ? '123456' : '999999';
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('6-digit code').fill(wrong);
      await page.getByRole('button', { name: 'Verify and view message' }).click();
      if (i < 4) await expect.poll(() => page.getByRole('alert').textContent()).toContain(`${4 - i}`);
    }
    await expect.poll(() => page.locator('h1').textContent()).toBe('This link is locked');
    await screenshot(page, 'secure-locked');
    await page.goto(link.url);
    expect(await page.locator('h1').textContent()).toBe('This link is locked');
    expect(await page.content()).not.toContain(SECRET_REPLY);
    await context.close();
  });

  it('a forwarded link opened in a fresh browser without the code cannot read the message', async () => {
    const patient = await patientFromForm(stack, practice);
    const link = await secureMessageTo(stack, practice, patient);
    // The patient reads it in their own browser...
    const own = await freshContext();
    const ownPage = await own.newPage();
    await ownPage.goto(link.url);
    const before = (await stack.sentTo(patient.phone)).length;
    await ownPage.getByRole('button', { name: 'Send me a code' }).click();
    const code = await codeSentTo(stack, patient.phone, before);
    await ownPage.getByLabel('6-digit code').fill(code);
    await ownPage.getByRole('button', { name: 'Verify and view message' }).click();
    await expect.poll(() => ownPage.content()).toContain(SECRET_REPLY);

    // ...and forwards the link: someone else opens it, guesses, and even replays the used code.
    const other = await freshContext();
    const page = await other.newPage();
    await page.goto(link.url);
    expect(await page.locator('h1').textContent()).toBe('You have a secure message');
    expect(await page.content()).not.toContain(SECRET_REPLY);
    await page.getByRole('button', { name: 'Send me a code' }).click(); // goes to the patient's phone
    await page.getByLabel('6-digit code').fill(code);
    await page.getByRole('button', { name: 'Verify and view message' }).click();
    expect(await page.content()).not.toContain(SECRET_REPLY);
    await screenshot(page, 'secure-forwarded');
    await own.close();
    await other.close();
  });

  it('a form whose CSRF cookie is gone is refused with a 403 page, and no code is sent', async () => {
    const patient = await patientFromForm(stack, practice);
    const link = await secureMessageTo(stack, practice, patient);
    const context = await freshContext();
    const page = await context.newPage();
    await page.goto(link.url);
    await context.clearCookies();
    const before = (await stack.sentTo(patient.phone)).length;
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/code')),
      page.getByRole('button', { name: 'Send me a code' }).click(),
    ]);
    expect(response.status()).toBe(403);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Please try again');
    await screenshot(page, 'csrf-refused');
    await new Promise((r) => setTimeout(r, 300));
    expect(await stack.sentTo(patient.phone)).toHaveLength(before);
    await context.close();
  });

  it('an expired link shows the neutral page', async () => {
    const patient = await patientFromForm(stack, practice);
    const link = await secureMessageTo(stack, practice, patient);
    await stack.owner.query(
      `UPDATE secure_links SET expires_at = now() - interval '1 second' WHERE message_id = $1`,
      [link.messageId],
    );
    const context = await freshContext();
    const page = await context.newPage();
    const res = await page.goto(link.url);
    expect(res!.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('This link is not available');
    expect(await page.content()).not.toContain(SECRET_REPLY);
    await screenshot(page, 'secure-expired');
    await context.close();
  });

  it('consent page: accept -> the staff API shows consent granted with the disclosure hash', async () => {
    const patient = await patientFromForm(stack, practice);
    const email = await emailedConsentRequest(stack, practice, patient);
    const url = /(http:\/\/\S+\/c\/[A-Za-z0-9_-]{43})/.exec(email)![1]!;
    const context = await freshContext();
    const page = await context.newPage();
    await page.goto(url);
    expect(await page.locator('.disclosure').textContent()).toContain(
      'Regular email is not encrypted end to end.',
    );
    await screenshot(page, 'consent');
    await page.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('you accepted');
    await screenshot(page, 'consent-accepted');

    const consents = await stack.staff
      .get(`/v1/contacts/${patient.contactId}/consents`, staffToken())
      .expect(200);
    expect(consents.body.current).toEqual([
      expect.objectContaining({
        channel: 'email',
        address: patient.email,
        decision: 'granted',
        method: 'email_link',
        disclosureVersion: 'email-v1',
        disclosureHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
    await context.close();
  });

  it('unsubscribe page from a plain PHI email revokes email consent', async () => {
    const patient = await patientFromForm(stack, practice);
    await attestConsent(stack, staffToken(), patient.contactId, {
      channel: 'email',
      method: 'verbal_attested',
      attestation: 'Said yes on the phone',
    });
    await stack.staff
      .post(
        `/v1/conversations/${patient.conversationId}/replies`,
        { body: 'Your results are normal', channel: 'email' },
        staffToken(),
      )
      .expect(202);
    const email = await waitFor(async () => (await stack.sentTo(patient.email))[0], 15_000);
    const url = /(http:\/\/\S+\/u\/[A-Za-z0-9_-]{43})/.exec(email.text!)![1]!;
    const context = await freshContext();
    const page = await context.newPage();
    await page.goto(url);
    await screenshot(page, 'unsubscribe');
    await page.getByRole('button', { name: 'Stop unencrypted email' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('no longer send');
    await screenshot(page, 'unsubscribed');
    const consents = await stack.staff
      .get(`/v1/contacts/${patient.contactId}/consents`, staffToken())
      .expect(200);
    expect(consents.body.current[0]).toMatchObject({ decision: 'revoked', method: 'email_link' });
    await context.close();
  });
});
