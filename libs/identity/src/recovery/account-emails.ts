import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type ApiConfig } from '@app/config';
import { SendGridEmailSender } from '@app/providers';

type AccountEmailConfig = Pick<
  ApiConfig,
  'PLATFORM_EMAIL_FROM' | 'SENDGRID_API_KEY' | 'SENDGRID_API_BASE_URL' | 'PUBLIC_BASE_URL'
>;

/** What kind of account email, as logged (fixed words: never an address or a token). */
export type AccountEmailKind = 'password_reset' | 'invitation';

export interface AccountEmail {
  kind: AccountEmailKind;
  to: string;
  /** The reset or invitation row: SendGrid echoes it back in events (`customArgs.messageId`). */
  id: string;
  tenantId: string;
  subject: string;
  text: string;
}

const FROM_NAME = 'Consent Inbox';

/**
 * Staff account emails (password reset links, invitations) from the platform's own sender
 * (`PLATFORM_EMAIL_FROM` with `SENDGRID_API_KEY`), not a practice's email channel: a practice may
 * have none, and these are about the staff account, not a conversation. PHI-free by construction:
 * they carry a link with a token and at most the practice's name. Sent after the caller's
 * transaction commits and off the request (a slow or failing provider must neither hold the
 * answer nor tell by its timing whether an email went out); a failed send is logged and counted,
 * and the user asks again (forgot-password) or an admin re-sends (invitations).
 */
@Injectable()
export class AccountEmails implements OnModuleInit {
  private readonly logger = new Logger('AccountEmails');
  private readonly sender: SendGridEmailSender;

  constructor(@Inject(APP_CONFIG) private readonly config: AccountEmailConfig) {
    this.sender = new SendGridEmailSender({ baseUrl: config.SENDGRID_API_BASE_URL });
  }

  onModuleInit(): void {
    if (!this.enabled)
      this.logger.warn(
        'PLATFORM_EMAIL_FROM and SENDGRID_API_KEY are not both set: no password-reset or invitation emails',
      );
  }

  /** Whether account emails go out at all (both the sender address and its key are configured). */
  get enabled(): boolean {
    return Boolean(this.config.PLATFORM_EMAIL_FROM && this.config.SENDGRID_API_KEY);
  }

  /** A link into the staff app; the token rides in the fragment, which browsers never send to a server or a log. */
  link(path: '/reset-password' | '/accept-invite', token: string): string {
    return `${this.config.PUBLIC_BASE_URL}${path}#token=${encodeURIComponent(token)}`;
  }

  /** Starts the send in the background; false (nothing sent) when account emails are off. */
  send(email: AccountEmail): boolean {
    if (!this.enabled) return false;
    this.sender
      .send({
        apiKey: this.config.SENDGRID_API_KEY!,
        from: { email: this.config.PLATFORM_EMAIL_FROM!, name: FROM_NAME },
        replyTo: null,
        headers: null,
        to: email.to,
        subject: email.subject,
        text: email.text,
        messageId: email.id,
        tenantId: email.tenantId,
        // A link and the practice's name at most: no PHI, so no TLS required.
        requireTls: false,
      })
      .then(
        () =>
          this.logger.log(
            { event: 'account_email', kind: email.kind, outcome: 'sent' },
            'Account email sent',
          ),
        (err: unknown) =>
          this.logger.warn(
            {
              event: 'account_email',
              kind: email.kind,
              outcome: 'failed',
              err: { name: (err as Error).name },
            },
            'Account email failed',
          ),
      );
    return true;
  }
}

export function passwordResetEmail(link: string, minutes: number): Pick<AccountEmail, 'subject' | 'text'> {
  return {
    subject: 'Reset your Consent Inbox password',
    text: [
      'Someone asked to reset the password of your Consent Inbox staff account.',
      '',
      `Choose a new password here (the link works once, for ${minutes} minutes):`,
      link,
      '',
      'If it was not you, ignore this email: your password stays as it is.',
    ].join('\n'),
  };
}

export function invitationEmail(
  link: string,
  practiceName: string,
  expiresAt: Date,
): Pick<AccountEmail, 'subject' | 'text'> {
  return {
    subject: `You are invited to ${practiceName} on Consent Inbox`,
    text: [
      `You have been invited to join ${practiceName} on Consent Inbox.`,
      '',
      'Set your password here (the link works once):',
      link,
      '',
      `The invitation expires on ${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    ].join('\n'),
  };
}
