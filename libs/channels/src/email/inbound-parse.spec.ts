import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChannelsError } from '../channels.errors.js';
import { parseInboundEmail } from './inbound-parse.js';

/** The largest form field the Inbound Parse upload accepts (inbound-parse-upload.ts). */
const MAX_FIELD_CHARS = 25 * 1024 * 1024;
/** The longest from field accepted (inbound-parse.ts). */
const MAX_FROM_CHARS = 10_000;
/** mailparser refuses a header block over 1 MiB; just under it, the block is parsed. */
const MAX_HEADER_CHARS = 1_000_000;
/** The size limit of an email body. */
const MAX_BODY_CHARS = 2_000_000;

/** The patterns firstAddress used before issue 19, as the oracle for normal input. */
function firstAddressByRegex(field: string): string | null {
  const match = /<([^<>\s]+@[^<>\s]+)>/.exec(field) ?? /([^\s<>",]+@[^\s<>",]+)/.exec(field);
  return match ? match[1]!.toLowerCase() : null;
}

/** Parsed mode with no From header and no envelope: the sender comes from the `from` field alone. */
const senderOfFromField = async (from: string): Promise<string | null> =>
  (await parseInboundEmail({ headers: 'Subject: hi', from }, [])).from;

describe('the from field (issue 19: linear time)', () => {
  it('finds the same address as the old patterns', async () => {
    const piece = fc.constantFrom(
      'a',
      'B',
      '@',
      '<',
      '>',
      ' ',
      '\t',
      '"',
      ',',
      '.',
      'x@y.z',
      '<p@q.r>',
      '\u00a0',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 24 }), async (pieces) => {
        const field = pieces.join('');
        if (field.length === 0) return;
        expect(await senderOfFromField(field)).toBe(firstAddressByRegex(field));
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    ['no @ at all', 'a'.repeat(MAX_FROM_CHARS)],
    ['an unclosed <a@a@a@...', `<${'a@'.repeat(MAX_FROM_CHARS / 2 - 1)}`],
    ['@ only at the ends of short runs', '@a '.repeat(MAX_FROM_CHARS / 3)],
    ['unclosed brackets', '<a'.repeat(MAX_FROM_CHARS / 2)],
  ])('finishes on %s', async (_name, from) => {
    // At this size the old patterns still finish (in a fraction of a second): they are the oracle.
    expect(await senderOfFromField(from)).toBe(firstAddressByRegex(from));
  });

  it('refuses a from field longer than any From header (up to the multipart field size)', async () => {
    await expect(senderOfFromField('a'.repeat(MAX_FIELD_CHARS))).rejects.toBeInstanceOf(ChannelsError);
  });
});

describe('the headers field (issue 19: linear time)', () => {
  it.each([
    [
      'a long inner run of whitespace',
      `From: a@b.example\r\nSubject: hi${' '.repeat(MAX_HEADER_CHARS)}there`,
    ],
    ['long trailing whitespace', `From: a@b.example\r\nSubject: hi${' \t\r\n'.repeat(MAX_FIELD_CHARS / 4)}`],
  ])('finishes on %s', async (_name, headers) => {
    expect((await parseInboundEmail({ headers }, [])).from).toBe('a@b.example');
  });

  it('refuses a header block over the MIME parser limit, at the multipart field size', async () => {
    const headers = `From: a@b.example\r\nSubject: hi${' '.repeat(MAX_FIELD_CHARS)}there`;
    await expect(parseInboundEmail({ headers }, [])).rejects.toBeInstanceOf(ChannelsError);
  });
});

describe('raw MIME mode (issue 19)', () => {
  it('leaves the text of an HTML-only email to textFromHtml (html-to-text is quadratic in nesting)', async () => {
    const html = '<div><script></div></script>'.repeat(Math.floor(MAX_BODY_CHARS / 28));
    const email = await parseInboundEmail(
      { email: `From: a@b.example\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}` },
      [],
    );
    expect(email.text).toBe('');
    expect(email.html).toBe(html);
  });
});

describe("the sender's SPF and DKIM results (issue 19)", () => {
  const envelope = JSON.stringify({ to: ['inbox@clinic.example'], from: 'Bounce@Mail.Example.org' });
  const forgedHeaders =
    'From: Pat <pat@example.org>\r\nAuthentication-Results: mx.example; spf=pass; dkim=pass header.d=example.org';

  it("are SendGrid's SPF and dkim fields with the envelope sender, in parsed and raw mode", async () => {
    const fields = { SPF: 'softfail', dkim: '{@example.org : pass}', envelope };
    const expected = {
      spf: 'softfail',
      dkim: '{@example.org : pass}',
      envelopeFrom: 'bounce@mail.example.org',
    };
    expect((await parseInboundEmail({ ...fields, headers: forgedHeaders }, [])).senderChecks).toEqual(
      expected,
    );
    expect(
      (await parseInboundEmail({ ...fields, email: `${forgedHeaders}\r\n\r\nhello` }, [])).senderChecks,
    ).toEqual(expected);
  });

  it("are missing when SendGrid sent none, whatever the message's own headers say", async () => {
    expect((await parseInboundEmail({ headers: forgedHeaders }, [])).senderChecks).toEqual({
      spf: null,
      dkim: null,
      envelopeFrom: null,
    });
    expect((await parseInboundEmail({ email: `${forgedHeaders}\r\n\r\nhello` }, [])).senderChecks).toEqual({
      spf: null,
      dkim: null,
      envelopeFrom: null,
    });
  });
});

/** Whether an email with these headers is automatic, in parsed mode. */
const automatedParsed = async (...headers: string[]) =>
  (await parseInboundEmail({ headers: ['From: a@b.test', 'Subject: hi', ...headers].join('\r\n') }, []))
    .automated;
/** ... and in raw MIME mode. */
const automatedRaw = async (...headers: string[]) =>
  (
    await parseInboundEmail(
      { email: ['From: a@b.test', 'Subject: hi', ...headers, '', 'Body text'].join('\r\n') },
      [],
    )
  ).automated;

describe('an automatic email (issue 23: no auto-reply loops)', () => {
  it.each([
    ['Auto-Submitted: auto-replied', true],
    ['Auto-Submitted: auto-generated; type=vacation', true],
    ['Auto-Submitted: no', false],
    ['Auto-Submitted: No ', false],
    ['Precedence: bulk', true],
    ['Precedence: auto_reply', true],
    ['Precedence: list', true],
    ['Precedence: junk', true],
    ['Precedence: first-class', false],
    ['X-Autoreply: yes', true],
    ['X-Autorespond: on', true],
    ['X-Auto-Response-Suppress: All', true],
    ['List-Id: <news.clinic.test>', true],
    ['List-Unsubscribe: <mailto:u@list.test>', true],
    ['X-Mailer: Thunderbird', false],
  ])('%s: automated %s, in parsed and raw mode', async (header, automated) => {
    expect(await automatedParsed(header)).toBe(automated);
    expect(await automatedRaw(header)).toBe(automated);
  });

  it('an ordinary email is not', async () => {
    expect(await automatedParsed()).toBe(false);
    expect(await automatedRaw()).toBe(false);
  });
});
