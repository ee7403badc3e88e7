import { z } from 'zod';

/** The honeypot: a field hidden from people (CSS) that form-filling bots fill in. */
export const HONEYPOT_FIELD = 'website';

const MAX_FIELDS = 50;
const MAX_FIELDS_JSON_BYTES = 16_384;

const fieldValue = z.union([z.string().max(2000), z.number().finite(), z.boolean(), z.null()]);

/** `POST /v1/public/forms/:formKey/submissions`. Flat structured fields only (no nesting to bound work). */
export const formSubmissionSchema = z
  .strictObject({
    name: z.string().trim().max(200).optional(),
    email: z.string().trim().max(320).optional().meta({ description: 'Must be a valid email address' }),
    phone: z
      .string()
      .trim()
      .max(32)
      .optional()
      .meta({ description: 'Must be a valid phone number (E.164, or national in the practice’s region)' }),
    message: z.string().max(5000).optional(),
    fields: z
      .record(z.string().min(1).max(64), fieldValue)
      .refine((f) => Object.keys(f).length <= MAX_FIELDS, `at most ${MAX_FIELDS} fields`)
      .refine(
        (f) => Buffer.byteLength(JSON.stringify(f)) <= MAX_FIELDS_JSON_BYTES,
        `at most ${MAX_FIELDS_JSON_BYTES} bytes of fields`,
      )
      .optional()
      .meta({
        description: `The form's other fields, flat; at most ${MAX_FIELDS_JSON_BYTES} bytes as JSON`,
        maxProperties: MAX_FIELDS,
      }),
    consent: z
      .strictObject({
        sms: z.boolean().optional(),
        email: z.boolean().optional(),
        disclosureVersion: z
          .string()
          .min(1)
          .max(64)
          .optional()
          .meta({ description: 'The consent disclosure the form showed: a version the practice knows' }),
      })
      .optional(),
    [HONEYPOT_FIELD]: z
      .string()
      .max(0, 'must be empty')
      .optional()
      .meta({ description: 'Honeypot: hidden from people, must stay empty' }),
  })
  .refine((s) => Boolean(s.email || s.phone), {
    message: 'an email address or a phone number is required',
    path: ['email'],
  })
  .refine((s) => !s.consent?.sms || Boolean(s.phone), {
    message: 'SMS consent needs a phone number',
    path: ['consent', 'sms'],
  })
  .refine((s) => !s.consent?.email || Boolean(s.email), {
    message: 'email consent needs an email address',
    path: ['consent', 'email'],
  })
  .meta({
    description:
      'An email address or a phone number is required; `consent.sms` needs `phone`, `consent.email` needs `email`',
  });
export type FormSubmission = z.infer<typeof formSubmissionSchema>;

/** True when a bot filled the honeypot (checked before validation, so bots learn nothing from errors). */
export function isHoneypotFilled(body: unknown): boolean {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const value = (body as Record<string, unknown>)[HONEYPOT_FIELD];
  return value !== undefined && value !== null && value !== '';
}
