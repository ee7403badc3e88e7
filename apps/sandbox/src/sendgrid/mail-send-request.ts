import { sendGridError, type SendGridErrorItem, sendGridErrors } from './sendgrid-api-error.js';

export interface EmailAddress {
  email: string;
  name: string | null;
}

export interface Personalization {
  to: EmailAddress[];
  cc: EmailAddress[];
  bcc: EmailAddress[];
  subject: string | null;
  customArgs: Record<string, string>;
}

export interface MailAttachment {
  filename: string;
  type: string | null;
  disposition: string | null;
}

/** The parts of a `/v3/mail/send` body the sandbox keeps, checked the way SendGrid checks them. */
export interface MailSendRequest {
  personalizations: Personalization[];
  from: EmailAddress;
  replyTo: EmailAddress | null;
  subject: string | null;
  text: string | null;
  html: string | null;
  templateId: string | null;
  customArgs: Record<string, string>;
  categories: string[];
  headers: Record<string, string>;
  attachments: MailAttachment[];
  /** `mail_settings.sandbox_mode.enable`: SendGrid validates, answers 200 and sends nothing. */
  sandboxMode: boolean;
}

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** Every address of the body, even an invalid one: fault injection matches before validation. */
export function roughRecipients(body: unknown): string[] {
  if (!isObject(body) || !Array.isArray(body.personalizations)) return [];
  return body.personalizations.flatMap((p: unknown) =>
    isObject(p)
      ? [p.to, p.cc, p.bcc].flatMap((list) =>
          Array.isArray(list) ? list.map((a: unknown) => (isObject(a) ? String(a.email ?? '') : '')) : [],
        )
      : [],
  );
}

class Checker {
  readonly errors: SendGridErrorItem[] = [];

  fail(message: string, field: string | null, helpAnchor?: string): void {
    this.errors.push(sendGridError(message, field, helpAnchor));
  }

  addresses(value: unknown, field: string, required: boolean): EmailAddress[] {
    if (value === undefined || value === null) {
      if (required) {
        this.fail(
          'The to array is required for all personalization objects, and must have at least one email object with a valid email address.',
          field,
          'message.personalizations.to',
        );
      }
      return [];
    }
    if (!Array.isArray(value) || (required && value.length === 0)) {
      this.fail(`The ${field.split('.').pop()} array must have at least one email object.`, field);
      return [];
    }
    return value.flatMap((item: unknown, index) => {
      const address = this.address(item, `${field}.${index}.email`, 'Does not contain a valid address.');
      return address ? [address] : [];
    });
  }

  address(value: unknown, field: string, message: string): EmailAddress | null {
    const email = isObject(value) ? nonEmptyString(value.email) : null;
    if (!email || !EMAIL.test(email)) {
      this.fail(message, field, field.startsWith('from') ? 'message.from' : 'message.personalizations');
      return null;
    }
    return { email, name: isObject(value) ? nonEmptyString(value.name) : null };
  }

  stringMap(value: unknown, field: string): Record<string, string> {
    if (value === undefined || value === null) return {};
    if (!isObject(value)) {
      this.fail('Invalid type. Expected: object.', field);
      return {};
    }
    const result: Record<string, string> = {};
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string') result[key] = item;
      else this.fail(`Invalid type. Expected: string, given: ${typeof item}.`, `${field}.${key}`);
    }
    return result;
  }
}

function checkUniqueRecipients(check: Checker, personalization: Personalization, index: number): void {
  const seen = new Set<string>();
  for (const [kind, list] of [
    ['to', personalization.to],
    ['cc', personalization.cc],
    ['bcc', personalization.bcc],
  ] as const) {
    for (const address of list) {
      const key = address.email.toLowerCase();
      if (seen.has(key)) {
        check.fail(
          `Each email address in the personalization block should be unique between to, cc, and bcc. We found the first duplicate instance of [${address.email}] in the personalizations.${index}.${kind} field.`,
          `personalizations.${index}`,
          'message.recipient.duplicate',
        );
        return;
      }
      seen.add(key);
    }
  }
}

function parsePersonalizations(check: Checker, value: unknown): Personalization[] {
  if (!Array.isArray(value) || value.length === 0) {
    check.fail(
      'The personalizations field is required and must have at least one personalization.',
      'personalizations',
      '-Personalizations-Errors',
    );
    return [];
  }
  return value.map((raw: unknown, index) => {
    const item = isObject(raw) ? raw : {};
    const field = `personalizations.${index}`;
    const personalization: Personalization = {
      to: check.addresses(item.to, `${field}.to`, true),
      cc: check.addresses(item.cc, `${field}.cc`, false),
      bcc: check.addresses(item.bcc, `${field}.bcc`, false),
      subject: nonEmptyString(item.subject),
      customArgs: check.stringMap(item.custom_args, `${field}.custom_args`),
    };
    checkUniqueRecipients(check, personalization, index);
    return personalization;
  });
}

function parseContent(
  check: Checker,
  value: unknown,
  required: boolean,
): { text: string | null; html: string | null } {
  if (!Array.isArray(value) || value.length === 0) {
    if (required) {
      check.fail(
        'Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.',
        'content',
        'message.content',
      );
    }
    return { text: null, html: null };
  }
  const blocks = value.map((raw: unknown, index) => {
    const block = isObject(raw) ? raw : {};
    const type = nonEmptyString(block.type);
    const content = nonEmptyString(block.value);
    if (!type)
      check.fail('The content type must be provided.', `content.${index}.type`, 'message.content.type');
    if (!content) {
      check.fail(
        'The content value must be a string at least one character in length.',
        `content.${index}.value`,
        'message.content.value',
      );
    }
    return { type: type?.toLowerCase() ?? '', value: content ?? '' };
  });
  return {
    text: blocks.find((b) => b.type === 'text/plain')?.value ?? null,
    html: blocks.find((b) => b.type === 'text/html')?.value ?? null,
  };
}

function parseAttachments(check: Checker, value: unknown): MailAttachment[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((raw: unknown, index) => {
    const item = isObject(raw) ? raw : {};
    const filename = nonEmptyString(item.filename);
    if (!filename || !nonEmptyString(item.content)) {
      check.fail(
        'The attachment content and filename are required.',
        `attachments.${index}`,
        'message.attachments',
      );
      return [];
    }
    return [{ filename, type: nonEmptyString(item.type), disposition: nonEmptyString(item.disposition) }];
  });
}

/** Validates like SendGrid (all problems at once); throws a 400 SendGridApiError listing them. */
export function parseMailSendBody(body: unknown): MailSendRequest {
  if (!isObject(body)) throw sendGridErrors.badRequest([sendGridError('Bad Request', null)]);
  const check = new Checker();
  const templateId = nonEmptyString(body.template_id);
  const personalizations = parsePersonalizations(check, body.personalizations);
  const from = check.address(
    body.from,
    'from.email',
    'The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.  e.g. {"email" : "example@example.com"}  or {"email" : "example@example.com", "name" : "Example Recipient"}.',
  );
  const replyTo =
    body.reply_to === undefined
      ? null
      : check.address(body.reply_to, 'reply_to.email', 'Does not contain a valid address.');
  const subject = nonEmptyString(body.subject);
  const everyPersonalizationHasSubject =
    personalizations.length > 0 && personalizations.every((p) => p.subject);
  if (!subject && !templateId && !everyPersonalizationHasSubject) {
    check.fail(
      'The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.',
      'subject',
      'message.subject',
    );
  }
  const { text, html } = parseContent(check, body.content, !templateId);
  const customArgs = check.stringMap(body.custom_args, 'custom_args');
  const headers = check.stringMap(body.headers, 'headers');
  const attachments = parseAttachments(check, body.attachments);
  if (check.errors.length > 0 || !from) throw sendGridErrors.badRequest(check.errors);

  const categories = Array.isArray(body.categories)
    ? body.categories.filter((c): c is string => typeof c === 'string')
    : [];
  const mailSettings = isObject(body.mail_settings) ? body.mail_settings : {};
  const sandboxMode = isObject(mailSettings.sandbox_mode) && mailSettings.sandbox_mode.enable === true;
  return {
    personalizations,
    from,
    replyTo,
    subject,
    text,
    html,
    templateId,
    customArgs,
    categories,
    headers,
    attachments,
    sandboxMode,
  };
}
