import { z } from 'zod';
import { ACCESS_ALERT_KINDS, DEFAULT_THRESHOLDS } from '../access-alert-rules.js';

export const thresholdsSchema = z.strictObject({
  opensFactor: z
    .number()
    .min(1)
    .max(100)
    .meta({
      description:
        "An hour's conversations opened by a user must exceed this many times their baseline (the 95th percentile " +
        `of their hourly opens over the 30 days before, hours with none left out). Default ${DEFAULT_THRESHOLDS.opensFactor}.`,
    }),
  minimumOpensPerHour: z
    .number()
    .int()
    .min(1)
    .max(100_000)
    .meta({
      description: `Fewer conversations opened in an hour never alert (a new user has no baseline). Default ${DEFAULT_THRESHOLDS.minimumOpensPerHour}.`,
    }),
  exportsOutsideBusinessHours: z.boolean().meta({
    description:
      'Whether a bulk export (the audit trail export, a FHIR bulk export) while the practice is closed by its ' +
      'business hours alerts. Without business hours nothing is outside them. Default true.',
  }),
});
export type ThresholdsInput = z.output<typeof thresholdsSchema>;

export const thresholdsViewSchema = thresholdsSchema.extend({
  configured: z.boolean().meta({ description: 'false: the practice never set them (the defaults apply)' }),
});
export type ThresholdsView = z.output<typeof thresholdsViewSchema>;

export const thresholdsExample = {
  opensFactor: 5,
  minimumOpensPerHour: 20,
  exportsOutsideBusinessHours: true,
  configured: true,
} satisfies ThresholdsView;

/** Opaque keyset cursor: the window start (ms) and id of the last alert of the previous page. */
const cursor = z
  .string()
  .max(100)
  .transform((value, ctx) => {
    const [ms, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
    const windowStart = Number(ms);
    if (!Number.isSafeInteger(windowStart) || !z.uuid().safeParse(id).success) {
      ctx.addIssue({ code: 'custom', message: 'not a cursor returned by this API' });
      return z.NEVER;
    }
    return { windowStart: new Date(windowStart), id: id! };
  });

export const encodeAlertCursor = (windowStart: Date, id: string): string =>
  Buffer.from(`${windowStart.getTime()}|${id}`).toString('base64url');

export const listAlertsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursor.optional().meta({ description: 'The `nextCursor` of the previous page' }),
});
export type ListAlertsQuery = z.output<typeof listAlertsQuery>;

const alertSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ACCESS_ALERT_KINDS).meta({
    description:
      'conversations_opened: too many conversations opened in the hour; export_outside_hours: a bulk export ' +
      'while the practice was closed',
  }),
  userId: z.uuid().meta({ description: 'The staff user whose access it is' }),
  userRole: z.string().nullable(),
  windowStart: z.iso
    .datetime()
    .meta({ description: 'The UTC hour the alert is about (one alert per user, kind and hour)' }),
  windowEnd: z.iso.datetime(),
  observed: z
    .number()
    .int()
    .meta({ description: 'Conversations opened, or exports outside business hours, in the hour' }),
  threshold: z.number().meta({
    description:
      'conversations_opened: max(opensFactor x baseline, minimumOpensPerHour); export_outside_hours: 0',
  }),
  baseline: z.number().nullable().meta({
    description:
      "The user's baseline then (p95 of their active hours over 30 days); null: none yet, or an export",
  }),
  createdAt: z.iso.datetime(),
});
export type AccessAlertView = z.output<typeof alertSchema>;

export const alertPageSchema = z.object({
  data: z.array(alertSchema),
  nextCursor: z.string().nullable(),
});
export type AlertPage = z.output<typeof alertPageSchema>;

export const alertPageExample = {
  data: [
    {
      id: '2f6c1d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f',
      kind: 'conversations_opened',
      userId: '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
      userRole: 'front_desk',
      windowStart: '2026-12-07T14:00:00.000Z',
      windowEnd: '2026-12-07T15:00:00.000Z',
      observed: 120,
      threshold: 40,
      baseline: 8,
      createdAt: '2026-12-07T14:25:00.000Z',
    },
  ],
  nextCursor: null,
} satisfies AlertPage;
