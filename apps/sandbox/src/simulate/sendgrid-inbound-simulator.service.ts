import { Injectable } from '@nestjs/common';
import { type WebhookAnswer, WebhookSender } from '../common/webhook-sender.service.js';
import { bareAddress, buildMimeMessage, type MimeAttachment } from './mime-message.js';
import type { SendGridInboundInput } from './simulation-schemas.js';

/**
 * Posts an email to an Inbound Parse URL as SendGrid does: multipart/form-data with the parsed
 * fields (headers, text, html, envelope, attachments as file parts ...) or, in raw mode, the
 * whole MIME message in an `email` field.
 */
@Injectable()
export class SendGridInboundSimulator {
  constructor(private readonly webhooks: WebhookSender) {}

  async send(input: SendGridInboundInput): Promise<WebhookAnswer> {
    return this.webhooks.sendOnce({
      label: 'sendgrid inbound parse',
      url: input.webhookUrl,
      headers: { 'User-Agent': 'Sendlib/1.0 sandbox' },
      body: inboundParseForm(input),
    });
  }
}

export function inboundParseForm(input: SendGridInboundInput): FormData {
  const attachments: MimeAttachment[] = input.attachments.map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    content:
      a.contentBase64 !== undefined
        ? Buffer.from(a.contentBase64, 'base64')
        : Buffer.from(a.content ?? '', 'utf8'),
    contentId: a.contentId,
  }));
  const mime = buildMimeMessage({ ...input, attachments });
  const envelope = {
    to: [input.to, ...(input.cc ? [input.cc] : [])].flatMap((list) => list.split(',')).map(bareAddress),
    from: bareAddress(input.from),
  };
  const senderDomain = envelope.from.split('@')[1] ?? 'sandbox.local';

  const form = new FormData();
  const set = (name: string, value: string): void => form.append(name, value);
  set('dkim', input.dkim ?? `{@${senderDomain} : pass}`);
  set('to', input.to);
  if (input.cc) set('cc', input.cc);
  set('from', input.from);
  set('subject', input.subject);
  set('sender_ip', input.senderIp);
  set('envelope', JSON.stringify(envelope));
  set('SPF', input.spf);

  if (input.raw) {
    set('charsets', JSON.stringify({ to: 'UTF-8', from: 'UTF-8', subject: 'UTF-8' }));
    set('email', mime.raw);
    return form;
  }

  set('headers', mime.headerBlock);
  if (input.text !== undefined) set('text', input.text);
  if (input.html !== undefined) set('html', input.html);
  const charsets: Record<string, string> = { to: 'UTF-8', from: 'UTF-8', subject: 'UTF-8' };
  if (input.text !== undefined) charsets.text = 'UTF-8';
  if (input.html !== undefined) charsets.html = 'UTF-8';
  set('charsets', JSON.stringify(charsets));
  set('attachments', String(attachments.length));
  if (attachments.length > 0) {
    const info: Record<string, Record<string, string>> = {};
    const contentIds: Record<string, string> = {};
    attachments.forEach((attachment, index) => {
      const field = `attachment${index + 1}`;
      info[field] = {
        filename: attachment.filename,
        name: attachment.filename,
        type: attachment.contentType,
        ...(attachment.contentId ? { 'content-id': attachment.contentId } : {}),
      };
      if (attachment.contentId) contentIds[attachment.contentId] = field;
      form.append(
        field,
        new Blob([new Uint8Array(attachment.content)], { type: attachment.contentType }),
        attachment.filename,
      );
    });
    set('attachment-info', JSON.stringify(info));
    if (Object.keys(contentIds).length > 0) set('content-ids', JSON.stringify(contentIds));
  }
  return form;
}
