import { z } from 'zod';
import { CONVERSATION_STATUSES, INBOX_CHANNELS, LEAD_STAGES, PRIORITIES } from '../inbox/inbox-query.js';

/**
 * What the inbox routes answer, as zod schemas: the OpenAPI document is written from them and
 * the controller's return types are their outputs, so a renamed field fails to compile.
 */

const CONVERSATION_ID = '0b5d3c1e-8f2a-4c7d-9e1b-2a3f4c5d6e7f';
const CONTACT_ID = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
const MESSAGE_ID = '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
const USER_ID = '3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d';
const ATTACHMENT_ID = '9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b';
const FORM_MESSAGE_ID = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a';
const AT = '2026-03-02T14:05:09.123Z';

const timestamp = z.iso.datetime();
const nextCursor = z
  .string()
  .nullable()
  .meta({ description: 'Pass as `cursor` for the next page; null on the last page' });

export const inboxItemSchema = z.object({
  id: z.uuid(),
  contact: z.object({
    id: z.uuid(),
    displayName: z.string().nullable(),
  }),
  status: z.enum(CONVERSATION_STATUSES),
  priority: z.enum(PRIORITIES),
  assigneeId: z.uuid().nullable(),
  teamId: z.uuid().nullable().meta({
    description: 'The team a routing rule sent it to (filter: assignee=team:<teamId>); null: none',
  }),
  tags: z.array(z.string()),
  leadStage: z.enum(LEAD_STAGES).nullable().meta({ description: "The contact's lead stage" }),
  lastMessageAt: timestamp.nullable(),
  lastMessagePreview: z.string().nullable(),
  lastChannel: z.enum(INBOX_CHANNELS).nullable(),
  unreadCount: z
    .number()
    .int()
    .min(0)
    .meta({ description: 'Inbound messages since the conversation was last marked read (by anyone)' }),
  unread: z.boolean().meta({ description: 'Whether the caller has not read up to the newest message' }),
  snoozedUntil: timestamp.nullable().meta({ description: 'Set only while the status is snoozed' }),
  secureMessageUnread: z.boolean().meta({
    description:
      'A secure message of this conversation was not opened after its last reminder (see the practice ' +
      'settings secureReminderMax/secureReminderDelayHours); cleared when the patient next reads the ' +
      'conversation in the portal',
  }),
  waitingSince: timestamp.nullable().meta({
    description:
      "The patient's first message since the last staff reply (notes, system texts and consent requests " +
      'do not count); null when nobody is waiting',
  }),
  slaBreachedAt: timestamp.nullable().meta({
    description:
      "When this wait went over the practice's SLA (settings slaMinutes); cleared by a staff reply or a close",
  }),
  closedAt: timestamp.nullable(),
  createdAt: timestamp,
});

const inboxItemExample = {
  id: CONVERSATION_ID,
  contact: { id: CONTACT_ID, displayName: 'Jane Doe' },
  status: 'open',
  priority: 'normal',
  assigneeId: null,
  teamId: null,
  tags: ['billing'],
  leadStage: 'new',
  lastMessageAt: AT,
  lastMessagePreview: 'Can I move my appointment?',
  lastChannel: 'sms',
  unreadCount: 1,
  unread: true,
  snoozedUntil: null,
  secureMessageUnread: false,
  waitingSince: AT,
  slaBreachedAt: null,
  closedAt: null,
  createdAt: AT,
} satisfies z.input<typeof inboxItemSchema>;

export const inboxPageSchema = z.object({ data: z.array(inboxItemSchema), nextCursor });
export const inboxPageExample = { data: [inboxItemExample], nextCursor: null };

export const conversationCountsSchema = z.object({
  byStatus: z.object({
    open: z.number().int().min(0),
    pending: z.number().int().min(0),
    snoozed: z.number().int().min(0),
    closed: z.number().int().min(0),
  }),
  notClosed: z.object({
    mine: z.number().int().min(0).meta({ description: 'Not closed and assigned to the caller' }),
    unassigned: z.number().int().min(0),
    byAssignee: z.array(z.object({ assigneeId: z.uuid(), count: z.number().int().min(0) })),
  }),
});
export const conversationCountsExample = {
  byStatus: { open: 12, pending: 3, snoozed: 1, closed: 240 },
  notClosed: { mine: 4, unassigned: 6, byAssignee: [{ assigneeId: USER_ID, count: 4 }] },
};

export const conversationDetailSchema = inboxItemSchema.extend({
  contact: z.object({
    id: z.uuid(),
    displayName: z.string().nullable(),
    phone: z.string().nullable().meta({ description: 'E.164' }),
    email: z.string().nullable(),
    dateOfBirth: z.iso.date().nullable(),
    leadStage: z.enum(LEAD_STAGES).nullable(),
    leadSource: z
      .enum(INBOX_CHANNELS)
      .nullable()
      .meta({ description: "The channel of the contact's first message" }),
  }),
});
export const conversationDetailExample = {
  ...inboxItemExample,
  contact: {
    id: CONTACT_ID,
    displayName: 'Jane Doe',
    phone: '+15555550123',
    email: 'jane@example.com',
    dateOfBirth: '1980-04-12',
    leadStage: 'new',
    leadSource: 'webform',
  },
};

const checkResult = z.string().meta({
  description: 'RFC 7208 / RFC 8601 result word (pass, fail, softfail, neutral, none, ...), or unknown',
});

export const messageItemSchema = z.object({
  id: z.uuid(),
  direction: z.enum(['inbound', 'outbound']),
  channel: z.enum(INBOX_CHANNELS),
  kind: z.enum(['message', 'note', 'system']),
  body: z.string().nullable(),
  status: z.string().meta({
    description:
      'Outbound: queued, sending, sent, delivered, read, failed, undelivered; inbound: received; notes: internal',
  }),
  deliveryRoute: z.enum(['plain', 'secure_link', 'chat']).optional(),
  authentication: z
    .object({
      result: z.enum(['pass', 'fail']),
      alignedBy: z.enum(['dkim', 'spf']).nullable(),
      spf: z.object({ result: checkResult, aligned: z.boolean() }),
      dkim: z.array(z.object({ result: checkResult, aligned: z.boolean() })),
    })
    .optional()
    .meta({ description: "Inbound email: whether SPF/DKIM proved the From domain (SendGrid's results)" }),
  createdAt: timestamp,
  author: z
    .object({ id: z.uuid(), name: z.string().nullable() })
    .optional()
    .meta({ description: 'The staff member who wrote an outbound message or a note' }),
  attachments: z
    .array(
      z.object({
        id: z
          .uuid()
          .meta({ description: "Download: GET /v1/messages/{the message's id}/attachments/{this id}" }),
        fileName: z.string().meta({
          description: "The sender's file name (email); MMS media have none: attachment-<n>.<extension>",
        }),
        contentType: z.string(),
        size: z.number().int().min(0).meta({ description: 'Bytes' }),
      }),
    )
    .meta({ description: 'The files received with the message (MMS media, email attachments), in order' }),
  fields: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .optional()
    .meta({ description: 'A web form message: the structured fields submitted with it' }),
});

export const messagesPageSchema = z.object({ data: z.array(messageItemSchema), nextCursor });
export const messagesPageExample = {
  data: [
    {
      id: MESSAGE_ID,
      direction: 'inbound',
      channel: 'sms',
      kind: 'message',
      body: 'Can I move my appointment? Photo of the letter attached.',
      status: 'received',
      createdAt: AT,
      attachments: [
        { id: ATTACHMENT_ID, fileName: 'attachment-1.jpg', contentType: 'image/jpeg', size: 48213 },
      ],
    },
    {
      id: FORM_MESSAGE_ID,
      direction: 'inbound',
      channel: 'webform',
      kind: 'message',
      body: 'New patient, looking for a cleaning.',
      status: 'received',
      createdAt: AT,
      attachments: [],
      fields: { insurance: 'Delta Dental', preferredTime: 'mornings', returning: false },
    },
  ],
  nextCursor: null,
} satisfies z.input<typeof messagesPageSchema>;

export const noteSchema = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  kind: z.literal('note'),
  createdAt: timestamp,
});
export const noteExample = { id: MESSAGE_ID, conversationId: CONVERSATION_ID, kind: 'note', createdAt: AT };

export const activityPageSchema = z.object({
  data: z.array(
    z.object({
      id: z.uuid().meta({ description: 'The audit event' }),
      at: timestamp,
      action: z.string().meta({
        description:
          'The audit action: conversation.assigned, conversation.status_changed, conversation.updated, ' +
          'conversation.note_added, and what automation does (routing rules, SLA breaches, auto-closes)',
      }),
      actor: z.object({
        type: z.enum(['user', 'rule', 'system', 'patient', 'provider']).meta({
          description: "`rule`: a routing rule made the change (`id` and `name` are the rule's)",
        }),
        id: z.string(),
        name: z.string().nullable().meta({ description: "A user's or a rule's name; null for others" }),
      }),
      details: z
        .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
        .meta({ description: 'What changed: ids, field names and fixed values (never message text)' }),
    }),
  ),
  nextCursor,
});

export const activityPageExample = {
  data: [
    {
      id: '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f',
      at: AT,
      action: 'conversation.assigned',
      actor: {
        type: 'rule',
        id: '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9',
        name: 'New texts to the front desk',
      },
      details: {
        ruleId: '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9',
        ruleName: 'New texts to the front desk',
        from: null,
        to: USER_ID,
        teamId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
      },
    },
  ],
  nextCursor: null,
} satisfies z.input<typeof activityPageSchema>;
