import { generateSecret, generateURI, verify } from 'otplib';

const PERIOD_SECONDS = 30;
/** One step either side: phones whose clocks drift by up to ~30 s still work. */
const TOLERANCE_SECONDS = PERIOD_SECONDS;
const ISSUER = 'Consent Inbox';

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, label: string): string {
  return generateURI({ issuer: ISSUER, label, secret, period: PERIOD_SECONDS });
}

/**
 * The time step a 6-digit code matches at `nowMs`, or null. Steps at or before `afterStep` never
 * match, so a code (or an older one) cannot be used twice.
 */
export async function matchTotp(
  secret: string,
  code: string,
  nowMs: number,
  afterStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(nowMs / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    period: PERIOD_SECONDS,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
