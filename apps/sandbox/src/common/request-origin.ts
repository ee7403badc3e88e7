import type { Request } from 'express';

/** The sandbox's own base URL as the caller reached it, for links it hands out (media URLs). */
export function requestOrigin(request: Request): string {
  return `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}
