/**
 * Every text the system writes to a patient on its own (invariant 3): fixed templates whose only
 * variables are the practice's name and a link (or a one-time code). Never message content, names or appointment
 * details. `system-texts.spec.ts` checks that no template can carry anything else.
 */
export interface SystemEmail {
  subject: string;
  text: string;
}

const MAX_PRACTICE_NAME = 60;

/** The practice name as it appears in texts: single line, bounded. */
export function notificationName(practiceName: string): string {
  const flat = practiceName.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_PRACTICE_NAME ? `${flat.slice(0, MAX_PRACTICE_NAME - 1)}…` : flat;
}

export const SYSTEM_TEXTS = {
  secureNoticeSms: (practice: string, link: string) =>
    `${notificationName(practice)}: You have a new secure message. View it here: ${link} Reply STOP to opt out.`,

  secureNoticeEmail: (practice: string, link: string): SystemEmail => ({
    subject: `New secure message from ${notificationName(practice)}`,
    text:
      `You have a new secure message from ${notificationName(practice)}.\n\n` +
      `For your privacy it is not included in this email. To read it, open this link and confirm ` +
      `it is you:\n${link}\n`,
  }),

  /** The reminder of a secure message still unopened: the same facts as the notice, a fresh link. */
  secureReminderSms: (practice: string, link: string) =>
    `${notificationName(practice)}: Reminder: you have an unread secure message. View it here: ${link} ` +
    `Reply STOP to opt out.`,

  secureReminderEmail: (practice: string, link: string): SystemEmail => ({
    subject: `Reminder: unread secure message from ${notificationName(practice)}`,
    text:
      `You have an unread secure message from ${notificationName(practice)}.\n\n` +
      `For your privacy it is not included in this email. To read it, open this link and confirm ` +
      `it is you:\n${link}\n`,
  }),

  consentRequestSms: (practice: string, link: string) =>
    `${notificationName(practice)}: Standard text messages are not encrypted. Reply YES to receive ` +
    `health information by text, NO to decline. Details: ${link}`,

  consentRequestEmail: (practice: string, link: string): SystemEmail => ({
    subject: `${notificationName(practice)}: how would you like to receive health information?`,
    text:
      `${notificationName(practice)} would like your permission to send you health information by ` +
      `regular email, which is not encrypted end to end.\n\nRead the details and accept or decline ` +
      `here:\n${link}\n\nIf you do nothing, we will keep using secure messages.`,
  }),

  /** The portal's one-time code: the code and the practice name only (no link, no content). */
  portalCodeSms: (practice: string, code: string) =>
    `${notificationName(practice)}: Your verification code is ${code}. It expires in 10 minutes. ` +
    `Do not share it.`,

  portalCodeEmail: (practice: string, code: string): SystemEmail => ({
    subject: `Your ${notificationName(practice)} verification code`,
    text:
      `Your verification code for your secure message from ${notificationName(practice)} is ${code}.\n\n` +
      `It expires in 10 minutes. If you did not ask for it, you can ignore this email.`,
  }),

  /** A chat visitor's code to prove the phone they typed: the code and the practice name only. */
  chatCodeSms: (practice: string, code: string) =>
    `${notificationName(practice)}: Your chat verification code is ${code}. It expires in 10 minutes. ` +
    `Do not share it.`,

  chatCodeEmail: (practice: string, code: string): SystemEmail => ({
    subject: `Your ${notificationName(practice)} verification code`,
    text:
      `Your code to confirm this email address in your chat with ${notificationName(practice)} is ${code}.\n\n` +
      `It expires in 10 minutes. Do not share it. If you did not ask for it, you can ignore this email.`,
  }),

  /** Appended to every plain PHI email: the patient can stop unencrypted email with one click. */
  unsubscribeFooter: (practice: string, link: string) =>
    `\n\n--\nTo stop receiving health information from ${notificationName(practice)} by unencrypted ` +
    `email, open: ${link}\n`,

  /** An auto-reply email (automation's PHI-free template is the body): the subject names only the practice. */
  autoReplyEmailSubject: (practice: string) => `Thank you for contacting ${notificationName(practice)}`,

  /** A plain email reply: the staff's text is the body; the subject carries nothing of it. */
  plainEmailSubject: (practice: string) => `Message from ${notificationName(practice)}`,

  optOutConfirmation: (practice: string) =>
    `${notificationName(practice)}: You are unsubscribed and will receive no more text messages from ` +
    `us. Reply START to resubscribe.`,

  resubscribed: (practice: string) =>
    `${notificationName(practice)}: You are resubscribed to text messages. Reply STOP to unsubscribe.`,

  /**
   * The default HELP answer (CTIA: who we are, a number to call, how to opt out); a practice may
   * set its own (`smsHelpReply`). The number is the practice's, never the patient's.
   */
  help: (practice: string, contactNumber: string) =>
    `${notificationName(practice)}: For help, call ${contactNumber} or reply here. Reply STOP to ` +
    `unsubscribe. Msg & data rates may apply.`,

  consentRecorded: (practice: string, granted: boolean) =>
    granted
      ? `${notificationName(practice)}: Thank you. We will send health information to this number by ` +
        `text. Reply STOP at any time to stop.`
      : `${notificationName(practice)}: Thank you. We will keep sending health information as secure ` +
        `messages.`,

  /** A YES/NO that answers no live request (late, expired, after STOP or NO). */
  noLiveRequest: (practice: string) =>
    `${notificationName(practice)}: We could not match your reply to a current request. Please ask ` +
    `us to send a new one, or use the link in our last message.`,

  /** Several contacts on this number have live requests: a bare YES/NO cannot say whose. */
  ambiguousAnswer: (practice: string) =>
    `${notificationName(practice)}: Several people use this number. Please answer with the personal ` +
    `link in your request message instead.`,
} as const;
