import { z } from 'zod';
import { INBOX_CHANNELS } from '@app/conversations';
import { UUID_PATTERN } from '@app/database';
import { LEAD_STAGE_VALUES, PRIORITY_VALUES } from '../routing/routing-rule.js';

/**
 * What the team and routing rule routes take and answer, as zod schemas (requests are
 * validated and documented from them; the controllers' return types are the answers' outputs).
 */

const TEAM_ID = '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d';
const RULE_ID = '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9';
const USER_A = '3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d';
const USER_B = '4b5c6d7e-8f9a-4b0c-9d1e-2f3a4b5c6d7e';
const CHANNEL_ID = '8c9d0e1f-2a3b-4c4d-8e5f-6a7b8c9d0e1f';
const AT = '2026-03-02T14:05:09.123Z';

const id = (what: string) =>
  z
    .string()
    .regex(UUID_PATTERN, `must be a ${what} id`)
    .transform((v) => v.toLowerCase());
const name = z.string().trim().min(1).max(80);
/** Staff labels, as the inbox takes them (lowercased). */
const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'letters, digits, "-" or "_", at most 40');

const memberIds = z
  .array(id('user'))
  .max(100)
  .transform((ids) => [...new Set(ids)])
  .meta({ description: 'Users of the practice (deactivated and away members are skipped by round-robin)' });

export const createTeamBody = z.strictObject({ name, memberIds: memberIds.default([]) });
export const updateTeamBody = z
  .strictObject({ name: name.optional(), memberIds: memberIds.optional() })
  .refine((b) => b.name !== undefined || b.memberIds !== undefined, 'nothing to change')
  .meta({ minProperties: 1 });

export const teamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  memberIds: z.array(z.uuid()).meta({ description: 'In the order they joined' }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export const teamExample = {
  id: TEAM_ID,
  name: 'Front desk',
  memberIds: [USER_A, USER_B],
  createdAt: AT,
  updatedAt: AT,
} satisfies z.input<typeof teamSchema>;
export const teamListSchema = z.object({ data: z.array(teamSchema) });

const conditions = z
  .strictObject({
    channel: z.array(z.enum(INBOX_CHANNELS)).min(1).max(INBOX_CHANNELS.length).optional().meta({
      description: 'The message came in on one of these kinds of channel',
    }),
    channelId: id('channel').optional().meta({
      description: 'The message came in on this channel of the practice (number, form, widget, inbox)',
    }),
    leadStage: z.array(z.enum(LEAD_STAGE_VALUES)).min(1).max(LEAD_STAGE_VALUES.length).optional().meta({
      description: "The contact's lead stage is one of these (a contact without a stage matches none)",
    }),
    keyword: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .optional()
      .meta({
        description:
          'A word or phrase in the message, case-insensitive, whole words ("refill" does not match "refills"); ' +
          'matched on the server, the message text is never stored with the rule or in its audit',
      }),
    businessHours: z
      .enum(['within', 'outside'])
      .optional()
      .meta({
        description:
          "The practice's business hours at the message's time (PUT /v1/practice/business-hours): neither matches " +
          'while the practice has never set them',
      }),
  })
  .meta({ description: 'Every condition given must hold; none: every new conversation' });

const actions = z
  .strictObject({
    assignUserId: id('user').optional().meta({ description: 'An active user of the practice' }),
    assignTeamId: id('team')
      .optional()
      .meta({
        description:
          "Round-robin over the team's active members who are not away; the conversation keeps the team " +
          '(inbox filter assignee=team:<id>), unassigned when nobody is available',
      }),
    addTags: z
      .array(tag)
      .min(1)
      .max(20)
      .transform((tags) => [...new Set(tags)])
      .optional(),
    priority: z.enum(PRIORITY_VALUES).optional(),
    leadStage: z.enum(LEAD_STAGE_VALUES).optional().meta({ description: "The contact's lead stage" }),
  })
  .refine((a) => Object.keys(a).length > 0, 'at least one action')
  .refine((a) => !(a.assignUserId && a.assignTeamId), 'assignUserId or assignTeamId, not both')
  .meta({ minProperties: 1 });

const position = z.number().int().min(0).max(1_000_000).meta({
  description:
    'Rules run by position, lowest first; equal positions run the older rule first. Sparse: nothing is renumbered',
});

export const createRuleBody = z.strictObject({
  name,
  position: position.optional().meta({ description: 'Default: after the last rule' }),
  enabled: z.boolean().default(true),
  onReopen: z.boolean().default(false).meta({
    description: 'Also run on a conversation the message reopened (default: new conversations only)',
  }),
  conditions: conditions.default({}),
  actions,
});

export const updateRuleBody = z
  .strictObject({
    name: name.optional(),
    position: position.optional(),
    enabled: z.boolean().optional(),
    onReopen: z.boolean().optional(),
    conditions: conditions.optional().meta({ description: 'Replaces the conditions' }),
    actions: actions.optional().meta({ description: 'Replaces the actions' }),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change')
  .meta({ minProperties: 1 });

export const ruleSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number().int(),
  enabled: z.boolean(),
  onReopen: z.boolean(),
  conditions: z.object({
    channel: z.array(z.enum(INBOX_CHANNELS)).optional(),
    channelId: z.uuid().optional(),
    leadStage: z.array(z.enum(LEAD_STAGE_VALUES)).optional(),
    keyword: z.string().optional(),
    businessHours: z.enum(['within', 'outside']).optional(),
  }),
  actions: z.object({
    assignUserId: z.uuid().optional(),
    assignTeamId: z.uuid().optional(),
    addTags: z.array(z.string()).optional(),
    priority: z.enum(PRIORITY_VALUES).optional(),
    leadStage: z.enum(LEAD_STAGE_VALUES).optional(),
  }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export const ruleExample = {
  id: RULE_ID,
  name: 'After-hours texts to the front desk',
  position: 10,
  enabled: true,
  onReopen: false,
  conditions: { channel: ['sms'], channelId: CHANNEL_ID, businessHours: 'outside' },
  actions: { assignTeamId: TEAM_ID, addTags: ['after-hours'], priority: 'high' },
  createdAt: AT,
  updatedAt: AT,
} satisfies z.input<typeof ruleSchema>;
export const ruleListSchema = z.object({
  data: z.array(ruleSchema).meta({ description: 'In the order they run' }),
});
