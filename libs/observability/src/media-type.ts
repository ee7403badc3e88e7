import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether a request has a body of the given media type (`application/json`,
 * `multipart/form-data`; parameters such as charset or boundary aside), as Express's `req.is`
 * answered it: a request without a body has no type.
 */
export function hasMediaType(request: { headers: IncomingHttpHeaders }, mediaType: string): boolean {
  const { headers } = request;
  const hasBody = headers['transfer-encoding'] !== undefined || headers['content-length'] !== undefined;
  if (!hasBody) return false;
  const contentType = headers['content-type'] ?? '';
  const end = contentType.indexOf(';');
  return (end === -1 ? contentType : contentType.slice(0, end)).trim().toLowerCase() === mediaType;
}
