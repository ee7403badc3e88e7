import { z } from 'zod';

const instant = z.iso
  .datetime({ offset: true })
  .transform((v) => new Date(v))
  .meta({ description: 'An instant with its zone', example: '2026-11-01T00:00:00Z' });

/** Bulk Data kick-off parameters (system level). Anything else, e.g. _typeFilter, is refused (400). */
export const exportQuerySchema = z.strictObject({
  _outputFormat: z
    .enum(['application/fhir+ndjson', 'application/ndjson', 'ndjson'])
    .optional()
    .meta({ description: 'NDJSON is the only format' }),
  _since: instant.optional().meta({ description: 'Only resources changed after this instant' }),
  _type: z
    .string()
    .max(200)
    .regex(/^[A-Za-z]+(,[A-Za-z]+)*$/, 'must be comma-separated resource types')
    .transform((v) => v.split(','))
    .optional()
    .meta({
      description: 'Patient, Communication, Consent, AuditEvent (default: every type the token may read)',
    }),
});

export const manifestSchema = z.object({
  transactionTime: z.iso.datetime(),
  request: z.string(),
  requiresAccessToken: z.literal(true),
  output: z.array(
    z.object({
      type: z.enum(['Patient', 'Communication', 'Consent', 'AuditEvent']),
      url: z.string(),
      count: z.number().int(),
    }),
  ),
  error: z.array(z.never()),
});
