import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../access/permissions.js';
import { WEEKDAYS } from '../practice/business-hours.js';
import type { GeneralSettings } from '../practice/practice-settings.service.js';
import type { Session } from '../sessions/session.repository.js';
import type { User } from '../users/user.repository.js';

/**
 * What the identity routes answer, as zod schemas: the OpenAPI document is written from them and
 * the mappers below are typed by them, so a field renamed on one side fails to compile.
 */

const USER_ID = '3f1c9a52-6b1e-4d4f-9c47-2a8e5d0b7c11';
const SESSION_ID = '8d2e4b6a-1c3f-4e5d-a7b9-0c1d2e3f4a5b';
const PRACTICE_ID = 'b7a1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';
const AT = '2026-03-02T14:05:09.000Z';
const INVITE_TOKEN = `inv_${PRACTICE_ID}.${SESSION_ID}.Q2hhbmdlIG1lIHRvIGEgcmVhbCB0b2tlbg`;
const USER_EXAMPLE = {
  id: USER_ID,
  email: 'dana@clinic.example',
  name: 'Dana Reyes',
  role: 'front_desk',
  active: true,
  mfaEnabled: false,
  invitePending: false,
  lastLoginAt: AT,
  createdAt: '2026-02-27T09:00:00.000Z',
  away: false,
};

const role = z
  .enum(ROLES)
  .meta({ description: 'Staff role (see GET /v1/me/permissions for what it allows)' });

export const userViewSchema = z
  .object({
    id: z.uuid(),
    email: z.string().meta({ description: 'As the user gave it (sign-in compares it case-insensitively)' }),
    name: z.string(),
    role,
    active: z.boolean().meta({ description: 'False once deactivated: no sign-in, every session ended' }),
    mfaEnabled: z.boolean(),
    invitePending: z.boolean().meta({ description: 'True until an invited user sets a password' }),
    lastLoginAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    away: z.boolean().meta({
      description:
        'The user takes no new conversations for now (team round-robin skips them); set by themselves',
    }),
  })
  .meta({ description: 'A staff user (never a secret, never a hash)', example: USER_EXAMPLE });
export type UserView = z.output<typeof userViewSchema>;

/** The API's view of a user (never a secret, never a hash). */
export function userView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    mfaEnabled: user.mfaEnabled,
    invitePending: !user.hasPassword,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    away: user.away,
  };
}

export const userListSchema = z.object({ data: z.array(userViewSchema) });

/** An invitation token, shown once to the admin who issued it (only its hash is stored). */
export const inviteSchema = z
  .object({
    token: z.string().meta({
      description:
        'Also emailed to the user as a link (when `emailed`); POST /v1/auth/invites/accept sets their password',
    }),
    expiresAt: z.iso.datetime(),
    emailed: z.boolean().meta({
      description:
        'The invitation email to the user was queued (sent just after this answer, from the platform sender); false when account emails are not configured',
    }),
  })
  .meta({
    example: { token: INVITE_TOKEN, expiresAt: AT, emailed: true },
  });

export const createdUserSchema = userViewSchema
  .extend({
    invite: inviteSchema
      .optional()
      .meta({ description: 'Present when the user was created without a password' }),
  })
  .meta({
    example: {
      ...USER_EXAMPLE,
      invitePending: true,
      lastLoginAt: null,
      invite: { token: INVITE_TOKEN, expiresAt: AT, emailed: true },
    },
  });

export const sessionViewSchema = z
  .object({
    id: z.uuid(),
    current: z.boolean().meta({ description: "True for the caller's own session" }),
    mfa: z
      .enum(['passed', 'not_required', 'enrollment_required'])
      .meta({ description: 'Whether the session passed MFA, needed none, or may only enrol' }),
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().meta({ description: 'Absolute end of the session, however active' }),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .meta({
    example: {
      id: SESSION_ID,
      current: true,
      mfa: 'passed',
      createdAt: AT,
      lastSeenAt: AT,
      expiresAt: '2026-03-03T02:05:09.000Z',
      ip: '203.0.113.7',
      userAgent: 'Mozilla/5.0',
    },
  });
export type SessionView = z.output<typeof sessionViewSchema>;

export function sessionView(session: Session, currentSessionId: string): SessionView {
  return {
    id: session.id,
    current: session.id === currentSessionId,
    mfa: session.mfaState,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    ip: session.ip,
    userAgent: session.userAgent,
  };
}

export const sessionListSchema = z.object({
  data: z.array(sessionViewSchema).meta({ description: 'Live sessions (not ended, not expired)' }),
});

const mfaEnrollmentRequired = z
  .boolean()
  .meta({ description: 'True while this session may only reach /v1/me and /v1/auth/* (enrol in MFA first)' });

export const meSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role,
    practiceId: z.uuid(),
    mfaEnabled: z.boolean(),
    mfaEnrollmentRequired,
    away: z.boolean().meta({ description: 'I take no new conversations for now (PUT /v1/me/availability)' }),
  })
  .meta({
    example: {
      id: USER_ID,
      email: 'dana@clinic.example',
      name: 'Dana Reyes',
      role: 'owner',
      practiceId: PRACTICE_ID,
      mfaEnabled: true,
      mfaEnrollmentRequired: false,
      away: false,
    },
  });

export const myPermissionsSchema = z
  .object({ role, permissions: z.array(z.enum(PERMISSIONS)), mfaEnrollmentRequired })
  .meta({
    example: {
      role: 'billing',
      permissions: ['users.read', 'conversations.read_assigned', 'contacts.read'],
      mfaEnrollmentRequired: false,
    },
  });

const wallTime = z.string().meta({ description: 'Local wall time HH:MM (24:00 ends the day)' });
const openingRange = z.object({ from: wallTime, to: wallTime });

export const businessHoursViewSchema = z.object({
  timeZone: z.string().meta({ description: "The practice's IANA time zone" }),
  weekly: z
    .object(Object.fromEntries(WEEKDAYS.map((day) => [day, z.array(openingRange).optional()])))
    .meta({ description: 'Opening ranges per weekday; a day left out is closed' }),
  closures: z.array(z.object({ date: z.string(), name: z.string().optional() })),
  configured: z.boolean().meta({ description: 'False until hours were set: then nothing is after hours' }),
});

export const retentionViewSchema = z.object({
  messageRetentionDays: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Days messages are kept before the retention sweep purges them; null: for ever' }),
  attachmentRetentionDays: z.number().int().nullable().meta({
    description: 'Days attachments are kept (at most messageRetentionDays); null: as long as their message',
  }),
});

export const practiceSettingsSchema = z
  .object({
    idleTimeoutMinutes: z.number().int().meta({ description: 'Automatic logoff after this much inactivity' }),
    mfaRequiredForAllRoles: z
      .boolean()
      .meta({ description: 'MFA for every role, not only owner and admin (who always need it)' }),
    secureLinkDays: z.number().int().meta({ description: 'Lifetime of a patient secure link, in days' }),
    portalRequireDateOfBirth: z.boolean().meta({
      description: 'Patient pages ask for the date of birth besides the one-time code (when on file)',
    }),
    portalBrandColor: z
      .string()
      .nullable()
      .meta({ description: 'Accent colour of the patient pages (#rrggbb); null for the default' }),
    portalLogoDataUri: z
      .string()
      .nullable()
      .meta({ description: 'Logo of the patient pages as a data: image URI; null for none' }),
    conversationReopenDays: z.number().int().meta({
      description:
        "Days a closed conversation is reopened by the contact's next message (0-365, default 7; 0: a new conversation starts)",
    }),
    smsHelpReply: z
      .string()
      .nullable()
      .meta({
        description:
          "The practice's own answer to an SMS HELP, sent verbatim (it names STOP); null for the default, which names " +
          'the practice and smsHelpContactNumber',
      }),
    smsHelpContactNumber: z.string().nullable().meta({
      description:
        'The phone number (E.164) the default HELP answer tells patients to call; null for the number they texted',
    }),
    timeZone: z.string().meta({
      description: "The practice's IANA time zone (default America/New_York); reminder hours are local to it",
    }),
    secureReminderDelayHours: z.number().int().meta({
      description: 'Hours an unopened secure message waits before each reminder (1-168, default 24)',
    }),
    secureReminderMax: z
      .number()
      .int()
      .meta({
        description:
          'Reminders per unopened secure message (0-5, default 2; 0: none). After the last one, staff get a ' +
          'staff event and the conversation shows secureMessageUnread',
      }),
    reminderWindowStartHour: z.number().int().meta({
      description:
        'Local hour reminders may start (8-20, default 8); set together with reminderWindowEndHour',
    }),
    reminderWindowEndHour: z.number().int().meta({
      description: 'Local hour reminders stop (9-21, default 21; after the start hour)',
    }),
    slaMinutes: z
      .number()
      .int()
      .nullable()
      .meta({
        description:
          'Minutes a patient may wait for a staff reply (1-43200; counted in business hours when they are set, ' +
          'else wall-clock) before the conversation is marked over SLA (staff event conversation.sla_breached, ' +
          'inbox filter waiting=over_sla); null: no SLA (default)',
      }),
    autoCloseDays: z
      .number()
      .int()
      .nullable()
      .meta({
        description:
          'Days without a message after which an open or pending conversation is closed automatically (1-365); ' +
          'null (or 0 when set): never (default)',
      }),
    noTlsRecheckDays: z
      .number()
      .int()
      .meta({
        description:
          'Days an email address whose mail server could not take a TLS-required email gets consented replies as ' +
          'secure links (with a PHI-free notice) before plain email over TLS is tried again (1-365, default 30)',
      }),
  })
  .meta({
    example: {
      idleTimeoutMinutes: 15,
      mfaRequiredForAllRoles: false,
      secureLinkDays: 14,
      portalRequireDateOfBirth: true,
      portalBrandColor: '#1f5fa8',
      portalLogoDataUri: null,
      conversationReopenDays: 7,
      smsHelpReply: null,
      smsHelpContactNumber: '+15555550100',
      timeZone: 'America/Chicago',
      secureReminderDelayHours: 24,
      secureReminderMax: 2,
      reminderWindowStartHour: 8,
      reminderWindowEndHour: 21,
      slaMinutes: 60,
      autoCloseDays: 30,
      noTlsRecheckDays: 30,
    },
  }) satisfies z.ZodType<GeneralSettings>;
