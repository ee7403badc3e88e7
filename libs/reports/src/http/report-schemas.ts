import { z } from 'zod';
import { INBOX_CHANNELS, LEAD_STAGES } from '@app/conversations';

/** The longest period a report covers (a year and a day: a leap year's whole year). */
export const MAX_REPORT_DAYS = 366;
const DAY_MS = 86_400_000;

const instant = z.iso
  .datetime({ offset: true })
  .transform((v) => new Date(v))
  .meta({ description: 'An instant, ISO 8601 with offset', example: '2026-11-01T00:00:00Z' });

/** `from` and `to` (exclusive), checked together: to after from, at most MAX_REPORT_DAYS apart. */
type Period = { from: Date; to: Date };
// Zod runs an object's refinements even when a field failed: then there is nothing to compare.
const both = (q: Period) => q.from instanceof Date && q.to instanceof Date;
const afterFrom: [(q: Period) => boolean, { message: string; path: string[] }] = [
  (q) => !both(q) || q.to.getTime() > q.from.getTime(),
  { message: 'must be after from', path: ['to'] },
];
const withinMax: [(q: Period) => boolean, { message: string; path: string[] }] = [
  (q) => !both(q) || q.to.getTime() - q.from.getTime() <= MAX_REPORT_DAYS * DAY_MS,
  { message: `the period may span at most ${MAX_REPORT_DAYS} days`, path: ['to'] },
];

export const responseTimesQuerySchema = z
  .strictObject({
    from: instant,
    to: instant,
    channel: z
      .enum(INBOX_CHANNELS)
      .optional()
      .meta({ description: "Only conversations whose patient's first message came on this channel" }),
    teamId: z.uuid().optional().meta({
      description: 'Only conversations in this team (routed to it by a rule, or put there by staff)',
    }),
  })
  .refine(...afterFrom)
  .refine(...withinMax);

export const funnelQuerySchema = z
  .strictObject({ from: instant, to: instant })
  .refine(...afterFrom)
  .refine(...withinMax);

const seconds = z.number().nullable().meta({ description: 'Seconds; null when nothing was answered' });
const figures = z.object({ median: seconds, p90: seconds });

export const responseTimesSchema = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  channel: z.enum(INBOX_CHANNELS).nullable(),
  teamId: z.uuid().nullable(),
  count: z.number().int().meta({
    description: "Conversations whose patient's first message falls in [from, to)",
  }),
  answered: z
    .number()
    .int()
    .meta({ description: 'Of those, answered by staff (a reply, not a note or automatic text)' }),
  unanswered: z.number().int(),
  firstResponse: figures.meta({
    description: 'From the first patient message to the first staff reply, wall-clock (percentile_cont)',
  }),
  firstResponseBusinessHours: figures.nullable().meta({
    description: 'The same counted in open time only; null when the practice has no business hours',
  }),
  sla: z.object({
    minutes: z.number().int().nullable().meta({ description: "The practice's SLA (slaMinutes); null: none" }),
    waiting: z
      .number()
      .int()
      .meta({ description: 'Open conversations waiting for a staff reply now, within the SLA' }),
    overSla: z
      .number()
      .int()
      .meta({ description: 'Conversations marked over the SLA now (waiting=over_sla)' }),
  }),
});

const stageCounts = z.object(
  Object.fromEntries([...LEAD_STAGES, 'none'].map((s) => [s, z.number().int()])) as Record<
    (typeof LEAD_STAGES)[number] | 'none',
    z.ZodNumber
  >,
);

export const FUNNEL_SOURCES = ['sms', 'email', 'webform', 'chat', 'portal', 'staff', 'unknown'] as const;

export const funnelSchema = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  total: z.number().int().meta({ description: 'Contacts created in [from, to) (merged ones not counted)' }),
  stages: stageCounts.meta({ description: 'Their current lead stage (none: not set)' }),
  bySource: z
    .array(z.object({ source: z.enum(FUNNEL_SOURCES), total: z.number().int(), stages: stageCounts }))
    .meta({
      description:
        'Per source channel (the channel of their first contact; staff: entered by staff; unknown: before sources were recorded)',
    }),
  byForm: z
    .array(
      z.object({
        channelId: z.uuid(),
        name: z.string().nullable(),
        total: z.number().int(),
        stages: stageCounts,
      }),
    )
    .meta({ description: 'Web form leads per form' }),
  secureMessages: z
    .object({
      sent: z.number().int(),
      read: z.number().int(),
      openRate: z.number().nullable().meta({ description: 'read / sent (0-1); null when none was sent' }),
    })
    .meta({
      description: 'Secure messages (secure link) sent in [from, to) and how many the patient opened',
    }),
});

const STAGES = { new: 3, contacted: 2, scheduled: 1, patient: 1, lost: 0, none: 1 };

export const responseTimesExample = {
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  channel: null,
  teamId: null,
  count: 42,
  answered: 40,
  unanswered: 2,
  firstResponse: { median: 1260, p90: 15_300 },
  firstResponseBusinessHours: { median: 900, p90: 5400 },
  sla: { minutes: 60, waiting: 3, overSla: 1 },
} satisfies z.input<typeof responseTimesSchema>;

export const funnelExample = {
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  total: 8,
  stages: STAGES,
  bySource: [{ source: 'webform', total: 8, stages: STAGES }],
  byForm: [
    { channelId: '7a0c2f55-9d4e-4b8a-9f61-2d0c1e5b7a11', name: 'New patient form', total: 8, stages: STAGES },
  ],
  secureMessages: { sent: 10, read: 7, openRate: 0.7 },
} satisfies z.input<typeof funnelSchema>;
