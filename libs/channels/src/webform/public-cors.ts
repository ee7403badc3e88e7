import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@app/observability';
import { normalizeOrigin } from './origins.js';

/** How long a browser may cache a preflight answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

export const originNotAllowed = (): AppError =>
  new AppError(403, 'origin_not_allowed', 'This website is not allowed to use this form or chat');

/**
 * CORS for public intake, per channel: only the channel's own allowed origins get
 * Access-Control-Allow-Origin. A request without an allowed Origin is refused outright (not
 * just left unreadable), so another website cannot post into the practice's inbox.
 */
export function applyCors(
  req: FastifyRequest,
  res: FastifyReply,
  allowedOrigins: readonly string[],
  opts: { requireOrigin?: boolean } = {},
): void {
  res.header('Vary', 'Origin');
  const raw = req.headers.origin;
  // Browsers omit Origin only on same-origin GETs; reads are guarded by the session token anyway.
  if (raw === undefined && opts.requireOrigin === false) return;
  const origin = raw ? normalizeOrigin(raw) : null;
  if (!origin || !allowedOrigins.includes(origin)) throw originNotAllowed();
  res.header('Access-Control-Allow-Origin', origin);
}

/** A preflight answer for an allowed origin (throws 403 origin_not_allowed, without CORS headers, otherwise). */
export function answerPreflight(
  req: FastifyRequest,
  res: FastifyReply,
  allowedOrigins: readonly string[],
  methods: string,
): void {
  applyCors(req, res, allowedOrigins);
  res.header('Access-Control-Allow-Methods', methods);
  res.header('Access-Control-Allow-Headers', 'Content-Type, Authorization, Last-Event-ID');
  res.header('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
  res.status(204).send();
}
