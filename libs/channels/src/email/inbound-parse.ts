import {
  type ParsedEmail,
  type ParseResult,
  type UploadedPart,
  parseSendGridInbound,
  readInboundParseFields,
} from '@app/providers';
import { ChannelsError } from '../channels.errors.js';

export type { ParsedEmail, UploadedPart };

/** SendGrid Inbound Parse posts read by @app/providers; a post it refuses is a 400 naming the field. */
export function flatFields(body: unknown): Record<string, string> {
  return valueOrThrow(readInboundParseFields(body));
}

export async function parseInboundEmail(
  fields: Record<string, string>,
  files: UploadedPart[],
): Promise<ParsedEmail> {
  return valueOrThrow(await parseSendGridInbound(fields, files));
}

function valueOrThrow<T>(result: ParseResult<T>): T {
  if (!result.ok) throw ChannelsError.validation(result.problems);
  return result.value;
}
