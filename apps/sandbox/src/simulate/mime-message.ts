import { randomHex } from '../common/ids.js';

export interface MimeAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  /** Makes the part inline, referable from the HTML as `cid:<contentId>`. */
  contentId?: string;
}

export interface MimeInput {
  from: string;
  to: string;
  cc?: string;
  subject: string;
  text?: string;
  html?: string;
  /** Extra or overriding headers, e.g. Message-ID, In-Reply-To, References. */
  headers?: Record<string, string>;
  attachments?: MimeAttachment[];
  date?: Date;
}

export interface MimeMessage {
  /** The whole RFC 5322 message with CRLF line ends. */
  raw: string;
  /** Just the top-level header lines, as Inbound Parse's `headers` field carries them. */
  headerBlock: string;
}

const CRLF = '\r\n';

function isPlainAscii(value: string): boolean {
  return /^[\x20-\x7e\t\r\n]*$/.test(value);
}

/** RFC 2047 encoded-word for non-ASCII header text. */
function encodeWord(value: string): string {
  return isPlainAscii(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

/** Encodes only the display name of `Name <addr>`, so the address stays parseable. */
function encodeAddressHeader(value: string): string {
  return value
    .split(',')
    .map((part) => {
      const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(part);
      if (!match?.[2]) return part.trim();
      const name = match[1]?.trim() ?? '';
      return name ? `${isPlainAscii(name) ? `"${name}"` : encodeWord(name)} <${match[2]}>` : `<${match[2]}>`;
    })
    .join(', ');
}

function wrapBase64(content: Buffer): string {
  return (content.toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

/** A text part: 7bit when it is plain short-lined ASCII (readable raw), base64 otherwise. */
function textPart(contentType: string, value: string): string {
  const normalized = value.replace(/\r?\n/g, CRLF);
  const readable = isPlainAscii(value) && normalized.split(CRLF).every((line) => line.length <= 998);
  const headers = `Content-Type: ${contentType}; charset=UTF-8${CRLF}Content-Transfer-Encoding: ${readable ? '7bit' : 'base64'}`;
  return `${headers}${CRLF}${CRLF}${readable ? normalized : wrapBase64(Buffer.from(value, 'utf8'))}`;
}

function attachmentPart(attachment: MimeAttachment): string {
  const filename = encodeWord(attachment.filename).replace(/"/g, '');
  const disposition = attachment.contentId ? 'inline' : 'attachment';
  const lines = [
    `Content-Type: ${attachment.contentType}; name="${filename}"`,
    `Content-Disposition: ${disposition}; filename="${filename}"`,
    'Content-Transfer-Encoding: base64',
    ...(attachment.contentId ? [`Content-ID: <${attachment.contentId}>`] : []),
  ];
  return `${lines.join(CRLF)}${CRLF}${CRLF}${wrapBase64(attachment.content)}`;
}

function multipart(subtype: string, parts: string[]): string {
  const boundary = `----=_sandbox_${randomHex(12)}`;
  const body = parts.map((part) => `--${boundary}${CRLF}${part}${CRLF}`).join('') + `--${boundary}--${CRLF}`;
  return `Content-Type: multipart/${subtype}; boundary="${boundary}"${CRLF}${CRLF}${body}`;
}

/** Body of the message: text and/or HTML (alternative), wrapped in multipart/mixed with attachments. */
function contentEntity(input: MimeInput): string {
  const bodies = [
    ...(input.text !== undefined ? [textPart('text/plain', input.text)] : []),
    ...(input.html !== undefined ? [textPart('text/html', input.html)] : []),
  ];
  const body =
    bodies.length === 0
      ? textPart('text/plain', '')
      : bodies.length === 1
        ? bodies[0]!
        : multipart('alternative', bodies);
  const attachments = input.attachments ?? [];
  return attachments.length === 0 ? body : multipart('mixed', [body, ...attachments.map(attachmentPart)]);
}

/** Builds an RFC 5322 email, as a mail server would hand it to SendGrid's Inbound Parse. */
export function buildMimeMessage(input: MimeInput): MimeMessage {
  const standard: Array<[string, string]> = [
    [
      'Received',
      `from sandbox.sendgrid.local by mx.sandbox.sendgrid.local; ${(input.date ?? new Date()).toUTCString()}`,
    ],
    ['Date', (input.date ?? new Date()).toUTCString().replace(/GMT$/, '+0000')],
    ['From', encodeAddressHeader(input.from)],
    ['To', encodeAddressHeader(input.to)],
    ...(input.cc ? ([['Cc', encodeAddressHeader(input.cc)]] as Array<[string, string]>) : []),
    ['Subject', encodeWord(input.subject)],
    ['Message-ID', `<${randomHex(12)}@sandbox.sendgrid.local>`],
    ['MIME-Version', '1.0'],
  ];
  const extra = Object.entries(input.headers ?? {});
  const overridden = new Set(extra.map(([name]) => name.toLowerCase()));
  const headerLines = [
    ...standard.filter(([name]) => !overridden.has(name.toLowerCase())),
    ...extra.map(([name, value]): [string, string] => [name, encodeWord(value)]),
  ].map(([name, value]) => `${name}: ${value}`);

  const entity = contentEntity(input);
  const separator = entity.indexOf(CRLF + CRLF);
  const entityHeaders = entity.slice(0, separator).split(CRLF);
  const allHeaders = [...headerLines, ...entityHeaders];
  return {
    // The entity's own blank line (CRLF CRLF) ends the header block.
    raw: `${allHeaders.join(CRLF)}${entity.slice(separator)}`,
    headerBlock: allHeaders.join('\n') + '\n',
  };
}

/** The bare address of `Name <addr>` (or the value itself). */
export function bareAddress(value: string): string {
  return (/<([^>]+)>/.exec(value)?.[1] ?? value).trim();
}
