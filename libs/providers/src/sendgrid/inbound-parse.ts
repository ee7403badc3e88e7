import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { type ParseResult, refused } from '../parse-result.js';

/** One file part of an Inbound Parse post, as the multipart reader hands it over. */
export interface UploadedPart {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** The SendGrid fields a sender verdict is made of, as posted (null when absent). */
export interface SenderChecks {
  spf: string | null;
  dkim: string | null;
  /** The envelope's `from` (MAIL FROM, the identity SPF checked). */
  envelopeFrom: string | null;
}

/** An inbound email as the store needs it, whichever mode SendGrid posted it in. */
export interface ParsedEmail {
  /** Message-ID without angle brackets; null when the sender set none. */
  messageId: string | null;
  /** In-Reply-To then References, newest first, without brackets. */
  threadRefs: string[];
  from: string | null;
  /** Every recipient address (envelope, To, Cc), lower-cased. */
  recipients: string[];
  text: string;
  html: string | null;
  attachments: Array<{ filename: string | null; contentType: string; content: Buffer }>;
  /** What identifies this exact post when there is no Message-ID (hashed before storage). */
  fingerprint: string;
  /** SendGrid's SPF and DKIM results for the sender (its fields, not the message's own headers). */
  senderChecks: SenderChecks;
  /**
   * A machine wrote it, by its own headers (RFC 3834 `Auto-Submitted` other than `no`,
   * `Precedence: bulk|junk|list|auto_reply`, `X-Autoreply`, `X-Autorespond`,
   * `X-Auto-Response-Suppress`, a mailing list's `List-Id`/`List-Unsubscribe`): nothing may
   * answer it automatically (mail loops). (A bounce's empty envelope sender never passes SPF, so
   * it is a claim, which is never answered either.)
   */
  automated: boolean;
}

const MAX_THREAD_REFS = 50;
const MAX_REF_LENGTH = 998;
const MAX_SUBJECT_LENGTH = 10_000;
/** A From header value; the field is a fallback for the sender and is never this long in real mail. */
const MAX_FROM_LENGTH = 10_000;
const MAX_BODY_CHARS = 2_000_000;

/** Multipart text fields: flat strings only (SendGrid never repeats or nests a field). */
export function readInboundParseFields(body: unknown): ParseResult<Record<string, string>> {
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  if (body === undefined || body === null) return { ok: true, value: fields };
  if (typeof body !== 'object' || Array.isArray(body))
    return refused([{ path: '(body)', message: 'must be multipart form fields' }]);
  for (const [key, value] of Object.entries(body)) {
    if (typeof value !== 'string')
      return refused([{ path: '(body)', message: 'repeated or nested form fields are not accepted' }]);
    fields[key] = value;
  }
  return { ok: true, value: fields };
}

/**
 * An Inbound Parse post in raw mode (`email` field, the full MIME message) or parsed mode
 * (headers, text, html, attachmentN), or the problem that refused it.
 */
export async function parseSendGridInbound(
  fields: Record<string, string>,
  files: UploadedPart[],
): Promise<ParseResult<ParsedEmail>> {
  try {
    return { ok: true, value: await parseEmail(fields, files) };
  } catch (err) {
    if (err instanceof Refusal) return refused([{ path: err.path, message: err.message }]);
    throw err;
  }
}

async function parseEmail(fields: Record<string, string>, files: UploadedPart[]): Promise<ParsedEmail> {
  const envelope = parseEnvelope(fields.envelope);
  if (fields.subject !== undefined && fields.subject.length > MAX_SUBJECT_LENGTH) {
    throw invalid('subject', 'is too long');
  }
  if (fields.from !== undefined && fields.from.length > MAX_FROM_LENGTH) throw invalid('from', 'is too long');
  // Posted in both modes. A header in the message saying the same would be the sender's word.
  const senderChecks = { spf: fields.SPF ?? null, dkim: fields.dkim ?? null, envelopeFrom: envelope.from };
  if (fields.email !== undefined) return { ...(await fromRawMime(fields.email, envelope)), senderChecks };
  if (fields.headers === undefined) throw invalid('headers', 'is required (or `email` in raw mode)');
  return { ...(await fromParsedFields(fields, files, envelope)), senderChecks };
}

async function fromRawMime(raw: string, envelope: Envelope): Promise<Omit<ParsedEmail, 'senderChecks'>> {
  if (raw.trim().length === 0) throw invalid('email', 'must not be empty');
  const mail = await parseMime(raw, 'email');
  const text = bounded(mail.text ?? '', 'email');
  const html = typeof mail.html === 'string' ? bounded(mail.html, 'email') : null;
  return {
    ...headerFacts(mail, envelope),
    text,
    html,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename ?? null,
      contentType: a.contentType.toLowerCase(),
      content: a.content,
    })),
    fingerprint: raw,
  };
}

async function fromParsedFields(
  fields: Record<string, string>,
  files: UploadedPart[],
  envelope: Envelope,
): Promise<Omit<ParsedEmail, 'senderChecks'>> {
  // The header block alone parses as a message without a body: Message-ID, threading, From/To.
  // trimEnd, not /\s+$/: that pattern is quadratic on a long run of whitespace inside the field.
  const mail = await parseMime(`${fields.headers!.trimEnd()}\r\n\r\n`, 'headers');
  const facts = headerFacts(mail, envelope);
  const fromField = fields.from ? firstAddress(fields.from) : null;
  const text = bounded(fields.text ?? '', 'text');
  const html = fields.html !== undefined ? bounded(fields.html, 'html') : null;
  return {
    ...facts,
    from: facts.from ?? fromField,
    text,
    html,
    attachments: attachmentParts(fields, files),
    fingerprint: [fields.headers, fields.text ?? '', fields.html ?? ''].join('\u0000'),
  };
}

interface Envelope {
  from: string | null;
  to: string[];
}

function parseEnvelope(raw: string | undefined): Envelope {
  if (raw === undefined) return { from: null, to: [] };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw invalid('envelope', 'must be JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid('envelope', 'must be a JSON object');
  }
  const { from, to } = value as { from?: unknown; to?: unknown };
  if (from !== undefined && from !== null && typeof from !== 'string')
    throw invalid('envelope', 'from must be a string');
  const list = to === undefined ? [] : Array.isArray(to) ? to : [to];
  if (list.length > 100 || !list.every((a) => typeof a === 'string' && a.length <= 320)) {
    throw invalid('envelope', 'to must be a list of addresses');
  }
  return {
    from: typeof from === 'string' ? from.trim().toLowerCase() || null : null,
    to: list as string[],
  };
}

async function parseMime(source: string, field: string): Promise<ParsedMail> {
  try {
    return await simpleParser(source, {
      skipImageLinks: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      // html-to-text parses with htmlparser2, quadratic in the nesting depth (mailparser's own depth
      // check misses end tags hidden in <script>): an HTML-only body gets its text from
      // textFromHtml instead, as in parsed mode, where the depth is measured as the parser sees it.
      skipHtmlToText: true,
    });
  } catch {
    throw invalid(field, 'is not a readable MIME message');
  }
}

function headerFacts(
  mail: ParsedMail,
  envelope: Envelope,
): Pick<ParsedEmail, 'messageId' | 'threadRefs' | 'from' | 'recipients' | 'automated'> {
  const refs = [...listOf(mail.inReplyTo), ...listOf(mail.references).toReversed()]
    .flatMap((value) => value.split(/\s+/))
    .map(bareMessageId)
    .filter((id): id is string => id !== null);
  const headerRecipients = [...addressesOf(mail.to), ...addressesOf(mail.cc)];
  return {
    messageId: bareMessageId(mail.messageId ?? ''),
    threadRefs: [...new Set(refs)].slice(0, MAX_THREAD_REFS),
    from: addressesOf(mail.from)[0] ?? envelope.from,
    recipients: [...new Set([...envelope.to.map((a) => a.trim().toLowerCase()), ...headerRecipients])],
    automated: isAutomated(mail),
  };
}

const AUTOMATED_PRECEDENCE = new Set(['bulk', 'junk', 'list', 'auto_reply']);
/** Headers whose mere presence marks an automatic or list message. */
const AUTOMATED_HEADERS = [
  'x-autoreply',
  'x-autorespond',
  'x-auto-response-suppress',
  'list-id',
  'list-unsubscribe',
];

function headerText(mail: ParsedMail, name: string): string | null {
  const value: unknown = mail.headers.get(name);
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(String).join(',');
  if (typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value);
  if (typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text);
  return String(value as string);
}

/** Whether the message says a machine sent it (see `ParsedEmail.automated`). */
function isAutomated(mail: ParsedMail): boolean {
  const submitted = headerText(mail, 'auto-submitted');
  if (submitted !== null && submitted.split(';')[0]!.trim().toLowerCase() !== 'no') return true;
  const precedence = headerText(mail, 'precedence');
  if (precedence !== null && AUTOMATED_PRECEDENCE.has(precedence.trim().toLowerCase())) return true;
  // mailparser folds List-* headers into one structured `list` entry: presence is read from the lines.
  const present = new Set(mail.headerLines.map((line) => line.key.toLowerCase()));
  return AUTOMATED_HEADERS.some((name) => present.has(name));
}

function listOf(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function addressesOf(value: AddressObject | AddressObject[] | undefined): string[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return objects
    .flatMap((o) => o.value)
    .map((a) => a.address?.trim().toLowerCase())
    .filter((a): a is string => Boolean(a));
}

/**
 * The first `<local@domain>`, else the first bare `local@domain`: what
 * `/<([^<>\s]+@[^<>\s]+)>/` then `/([^\s<>",]+@[^\s<>",]+)/` find, in linear time (both patterns
 * rescan the rest of a long run without a usable `@` from every position in it). Each finds a
 * whole run of its characters that holds an `@` neither first nor last.
 */
function firstAddress(field: string): string | null {
  const address = firstRunWithInnerAt(field, /<([^<>\s]+)>/g) ?? firstRunWithInnerAt(field, /([^\s<>",]+)/g);
  return address?.toLowerCase() ?? null;
}

/** Each match of `runs` is maximal and scanned once: linear overall. */
function firstRunWithInnerAt(field: string, runs: RegExp): string | null {
  for (const [, run] of field.matchAll(runs)) {
    const at = run!.indexOf('@', 1);
    if (at !== -1 && at < run!.length - 1) return run!;
  }
  return null;
}

function bareMessageId(value: string): string | null {
  const id = value.trim().replace(/^<|>$/g, '').trim();
  return id.length > 0 && id.length <= MAX_REF_LENGTH ? id : null;
}

/** Within the size limit, with line ends normalized (multipart form fields arrive with CRLF). */
function bounded(value: string, field: string): string {
  if (value.length > MAX_BODY_CHARS) throw invalid(field, 'is too long');
  return value.replace(/\r\n?/g, '\n');
}

/** attachmentN files, named and typed by attachment-info (the part's own type as a fallback). */
function attachmentParts(fields: Record<string, string>, files: UploadedPart[]): ParsedEmail['attachments'] {
  let info: Record<string, { filename?: unknown; name?: unknown; type?: unknown }> = {};
  if (fields['attachment-info'] !== undefined) {
    try {
      const parsed: unknown = JSON.parse(fields['attachment-info']);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('not an object');
      info = parsed as typeof info;
    } catch {
      throw invalid('attachment-info', 'must be a JSON object');
    }
  }
  return files
    .filter((file) => /^attachment\d{1,3}$/.test(file.fieldname))
    .toSorted((a, b) => Number(a.fieldname.slice(10)) - Number(b.fieldname.slice(10)))
    .map((file) => {
      const meta = Object.hasOwn(info, file.fieldname) ? info[file.fieldname] : undefined;
      const filename = stringOr(meta?.filename, stringOr(meta?.name, file.originalname));
      const type = stringOr(meta?.type, file.mimetype);
      return {
        filename: filename ? filename.slice(0, 255) : null,
        contentType: (type || 'application/octet-stream').toLowerCase().split(';')[0]!.trim(),
        content: file.buffer,
      };
    });
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.length > 0 ? value : fallback;
}

/** Thrown inside the parse and turned into a refused result at its boundary. */
class Refusal extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

function invalid(path: string, message: string): Refusal {
  // Names the field only: its content is the sender's text.
  return new Refusal(path, message);
}
