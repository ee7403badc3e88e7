import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type WorkerConfig } from '@app/config';
import { SendGridEmailSender } from '@app/providers';
import type { AccessAlertKind } from './access-alert-rules.js';

type AlertEmailConfig = Pick<
  WorkerConfig,
  'PLATFORM_EMAIL_FROM' | 'SENDGRID_API_KEY' | 'SENDGRID_API_BASE_URL' | 'PUBLIC_BASE_URL'
>;

/** What an alert email says: ids, a role, counts and times. Never a patient, a conversation or a message. */
export interface AccessAlertEmailFacts {
  alertId: string;
  kind: AccessAlertKind;
  userId: string;
  userRole: string;
  observed: number;
  threshold: number;
  windowStart: Date;
  windowEnd: Date;
}

const FROM_NAME = 'Consent Inbox';

const minuteOf = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

/**
 * The email an owner or admin gets about an alert (PHI-free by construction: the facts above and
 * a link to the audit trail of that user in that hour).
 */
export function accessAlertEmail(
  facts: AccessAlertEmailFacts,
  publicBaseUrl: string,
): { subject: string; text: string } {
  const trail = new URL('/v1/audit-events', `${publicBaseUrl}/`);
  trail.searchParams.set('actorId', facts.userId);
  trail.searchParams.set('from', facts.windowStart.toISOString());
  trail.searchParams.set('to', facts.windowEnd.toISOString());
  const what =
    facts.kind === 'conversations_opened'
      ? `opened ${facts.observed} conversations in one hour (alert threshold: ${facts.threshold})`
      : `ran ${facts.observed} bulk export${facts.observed === 1 ? '' : 's'} outside business hours (alert threshold: any)`;
  return {
    subject: 'Unusual access alert in Consent Inbox',
    text: [
      `A staff member of your practice ${what}.`,
      '',
      `User id: ${facts.userId} (role: ${facts.userRole})`,
      `Window: ${minuteOf(facts.windowStart)} to ${minuteOf(facts.windowEnd)} UTC`,
      `Alert id: ${facts.alertId}`,
      '',
      'Review their audit trail:',
      trail.toString(),
    ].join('\n'),
  };
}

/**
 * Sends alert emails from the platform's sender (`PLATFORM_EMAIL_FROM` with
 * `SENDGRID_API_KEY`, as account emails), after the alert committed. A failed send is logged
 * (fixed words) and not retried: the alert stays listed (`GET /v1/access-alerts`) and was
 * announced live.
 */
@Injectable()
export class AccessAlertEmails {
  private readonly logger = new Logger('AccessAlertEmails');
  private readonly sender: SendGridEmailSender;

  constructor(@Inject(APP_CONFIG) private readonly config: AlertEmailConfig) {
    this.sender = new SendGridEmailSender({ baseUrl: config.SENDGRID_API_BASE_URL });
  }

  get enabled(): boolean {
    return Boolean(this.config.PLATFORM_EMAIL_FROM && this.config.SENDGRID_API_KEY);
  }

  /** Starts one send per recipient in the background; false when emails are off. */
  send(tenantId: string, recipients: string[], facts: AccessAlertEmailFacts): boolean {
    if (!this.enabled) return false;
    const { subject, text } = accessAlertEmail(facts, this.config.PUBLIC_BASE_URL);
    for (const to of recipients)
      this.sender
        .send({
          apiKey: this.config.SENDGRID_API_KEY!,
          from: { email: this.config.PLATFORM_EMAIL_FROM!, name: FROM_NAME },
          replyTo: null,
          headers: null,
          to,
          subject,
          text,
          messageId: facts.alertId,
          tenantId,
        })
        .then(
          () => this.logger.log({ event: 'access_alert_email', outcome: 'sent' }, 'Access alert email sent'),
          (err: unknown) =>
            this.logger.warn(
              { event: 'access_alert_email', outcome: 'failed', err: { name: (err as Error).name } },
              'Access alert email failed',
            ),
        );
    return true;
  }
}
