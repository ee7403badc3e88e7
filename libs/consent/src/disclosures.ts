import { createHash } from 'node:crypto';

/**
 * The risk disclosures a patient accepts before receiving health information over a plain
 * channel. Versioned: a consent record stores the version and the SHA-256 of the exact text
 * shown, so the evidence survives later edits. Practices may add their own versions later;
 * these ship with the code.
 */
export interface Disclosure {
  channel: 'sms' | 'email';
  version: string;
  text: string;
  hash: Buffer;
}

const TEXTS: Array<Omit<Disclosure, 'hash'>> = [
  {
    channel: 'sms',
    version: 'sms-v1',
    text:
      'Standard text messages are not encrypted. They can be read by others who see or have access ' +
      'to your phone, and by the phone companies that carry them. If you agree, we may send you ' +
      'health information (such as test results, appointment details and care instructions) by ' +
      'text message to this number. You can stop at any time by replying STOP, and ask us to use ' +
      'secure messages instead. Message and data rates may apply.',
  },
  {
    channel: 'email',
    version: 'email-v1',
    text:
      'Regular email is not encrypted end to end. It may pass through servers we do not control and ' +
      'be read by others who have access to your mailbox. If you agree, we may send you health ' +
      'information (such as test results, appointment details and care instructions) by regular ' +
      'email to this address. You can withdraw this at any time with the "stop unencrypted email" ' +
      'link in any of our emails, and ask us to use secure messages instead.',
  },
];

export const DISCLOSURES: readonly Disclosure[] = TEXTS.map((d) => ({
  ...d,
  hash: createHash('sha256').update(d.text, 'utf8').digest(),
}));

export function currentDisclosure(channel: 'sms' | 'email'): Disclosure {
  return DISCLOSURES.filter((d) => d.channel === channel).at(-1)!;
}

export function findDisclosure(version: string): Disclosure | undefined {
  return DISCLOSURES.find((d) => d.version === version);
}
