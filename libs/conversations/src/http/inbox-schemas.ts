import { z } from 'zod';
import { cursorParam } from '../inbox/keyset-cursor.js';
import { CONVERSATION_STATUSES, INBOX_CHANNELS, LEAD_STAGES, PRIORITIES } from '../inbox/inbox-query.js';
import { UUID_PATTERN } from '@app/database';

const userId = z
  .string()
  .regex(UUID_PATTERN, 'must be a user id')
  .transform((v) => v.toLowerCase());
/** `team:<teamId>`: a team's conversations. */
export const TEAM_PREFIX = 'team:';
const teamAssignee = z
  .string()
  .regex(/^team:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'team:<team id>')
  .transform((v) => v.toLowerCase());
/** Staff labels: lowercase words, so that "Billing" and "billing" are one tag. */
export const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'letters, digits, "-" or "_", at most 40');

export const listConversationsQuery = z.strictObject({
  status: z.enum([...CONVERSATION_STATUSES, 'all']).default('all'),
  channel: z.enum(INBOX_CHANNELS).optional().meta({ description: 'The channel of the last message' }),
  assignee: z
    .union([z.literal('me'), z.literal('unassigned'), userId, teamAssignee])
    .optional()
    .meta({
      description:
        '`me`, `unassigned`, a user id, or `team:<teamId>` (conversations a routing rule sent to that team)',
    }),
  tag: tag.optional(),
  unread: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'true: only conversations with messages newer than the caller has read' }),
  leadStage: z.enum(LEAD_STAGES).optional(),
  waiting: z.enum(['over_sla']).optional().meta({
    description: "`over_sla`: conversations whose patient has waited beyond the practice's SLA (slaMinutes)",
  }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: cursorParam.optional(),
});

export const messagesPageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: cursorParam.optional(),
});

export const activityPageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,17}$/, 'a cursor from the previous page')
    .transform(Number)
    .optional()
    .meta({ description: 'nextCursor of the previous page' }),
});

/** Snoozes are for later today up to a year ahead. */
const MAX_SNOOZE_MS = 366 * 24 * 3600 * 1000;

export const updateConversationBody = z
  .strictObject({
    status: z.enum(CONVERSATION_STATUSES).optional(),
    assigneeId: userId.nullable().optional().meta({
      description: 'An active staff user of the practice (needs conversations.assign); null unassigns',
    }),
    teamId: z
      .string()
      .regex(UUID_PATTERN, 'must be a team id')
      .transform((v) => v.toLowerCase())
      .nullable()
      .optional()
      .meta({
        description: 'A team of the practice (needs conversations.assign); null takes it out of its team',
      }),
    priority: z.enum(PRIORITIES).optional(),
    tags: z.array(tag).max(20).optional().meta({ description: 'Replaces the tags (lowercased)' }),
    leadStage: z.enum(LEAD_STAGES).nullable().optional().meta({ description: "The contact's lead stage" }),
    snoozedUntil: z.iso
      .datetime({ offset: true })
      .meta({
        description:
          'When a snoozed conversation reopens: required with status snoozed and only with it; in the future, ' +
          'at most a year ahead',
      })
      .transform((v) => new Date(v))
      .refine((d) => d.getTime() > Date.now(), 'must be in the future')
      .refine((d) => d.getTime() < Date.now() + MAX_SNOOZE_MS, 'at most a year ahead')
      .optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change')
  .meta({ minProperties: 1 })
  .refine((b) => !b.snoozedUntil || !b.status || b.status === 'snoozed', {
    message: 'snoozedUntil goes with status snoozed',
    path: ['snoozedUntil'],
  })
  .refine((b) => b.status !== 'snoozed' || b.snoozedUntil, {
    message: 'required to snooze',
    path: ['snoozedUntil'],
  });

export const noteBody = z.strictObject({ body: z.string().trim().min(1).max(10_000) });
