/**
 * Moves a provider URL onto `baseUrl`, keeping its path and query. A base URL with a path
 * (`http://host/twilio`) is kept as a prefix, so one gateway can front several fakes.
 */
export function rebaseUrl(originalUrl: string, baseUrl: string): string {
  const original = new URL(originalUrl);
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${prefix}${original.pathname}${original.search}`;
}

/** True for twilio.com and every *.twilio.com host (api, messaging, edge/region hosts, ...). */
export function isTwilioHost(hostname: string): boolean {
  return hostname === 'twilio.com' || hostname.endsWith('.twilio.com');
}
