import { z } from 'zod';

/**
 * The canonical form of a website origin (scheme://host[:port], lowercased, default port
 * dropped), or null when it is not an http(s) origin. Browsers send exactly this in `Origin`.
 */
export function normalizeOrigin(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return null;
  return url.origin;
}

/** Admin input: the origins of the practice's websites allowed to post to a form / open a chat. */
export const allowedOriginsSchema = z
  .array(
    z
      .string()
      .max(300)
      .refine((o) => normalizeOrigin(o) !== null, 'must be an origin such as https://www.example-clinic.com'),
  )
  .min(1)
  .max(20)
  .transform((origins) => [...new Set(origins.map((o) => normalizeOrigin(o)!))]);
