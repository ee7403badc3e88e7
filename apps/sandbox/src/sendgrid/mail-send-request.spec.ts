import { describe, expect, it } from 'vitest';
import { parseMailSendBody } from './mail-send-request.js';
import { SendGridApiError } from './sendgrid-api-error.js';

const valid = {
  personalizations: [{ to: [{ email: 'a@example.test' }], custom_args: { b: '2' } }],
  from: { email: 'clinic@example.test', name: 'Clinic' },
  subject: 'Hi',
  content: [
    { type: 'text/plain', value: 'text' },
    { type: 'text/html', value: '<p>html</p>' },
  ],
  custom_args: { a: '1' },
};

function fieldsOf(body: unknown): Array<string | null> {
  try {
    parseMailSendBody(body);
    return [];
  } catch (err) {
    if (err instanceof SendGridApiError) return err.errors.map((e) => e.field);
    throw err;
  }
}

describe('parseMailSendBody', () => {
  it('keeps content, sender and custom args', () => {
    const parsed = parseMailSendBody(valid);
    expect(parsed).toMatchObject({
      text: 'text',
      html: '<p>html</p>',
      customArgs: { a: '1' },
      sandboxMode: false,
    });
    expect(parsed.personalizations[0]?.customArgs).toEqual({ b: '2' });
  });

  it('reports every problem at once, by field', () => {
    expect(fieldsOf({})).toEqual(['personalizations', 'from.email', 'subject', 'content']);
    expect(fieldsOf({ ...valid, personalizations: [{ to: [{ email: 'nope' }] }] })).toEqual([
      'personalizations.0.to.0.email',
    ]);
    expect(fieldsOf({ ...valid, custom_args: { n: 1 } })).toEqual(['custom_args.n']);
  });

  it('lets a template stand in for subject and content, and a per-personalization subject for the top one', () => {
    expect(fieldsOf({ ...valid, subject: undefined, content: undefined, template_id: 'd-1' })).toEqual([]);
    expect(
      fieldsOf({
        ...valid,
        subject: undefined,
        personalizations: [{ to: [{ email: 'a@example.test' }], subject: 's' }],
      }),
    ).toEqual([]);
  });

  it('rejects the same address twice in one personalization', () => {
    expect(
      fieldsOf({
        ...valid,
        personalizations: [{ to: [{ email: 'a@example.test' }], cc: [{ email: 'A@example.test' }] }],
      }),
    ).toEqual(['personalizations.0']);
  });
});
