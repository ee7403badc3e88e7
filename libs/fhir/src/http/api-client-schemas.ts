import { z } from 'zod';
import { typesOfScope } from '../clients/scopes.js';

export const createApiClientBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .default('API client')
    .meta({ description: 'What the client is (e.g. the EHR’s nightly sync); default "API client"' }),
  scope: z
    .string()
    .max(500)
    .refine((scope) => typesOfScope(scope) !== null, {
      message:
        'must be system/*.read or system/<Patient|Communication|Consent|AuditEvent>.read, space-separated',
    })
    .optional()
    .meta({
      description:
        'Space-separated SMART system scopes: system/*.read (default) or system/<Patient|Communication|Consent|AuditEvent>.read',
      example: 'system/*.read',
    }),
});

export const apiClientSchema = z.object({
  id: z.uuid(),
  clientId: z.string().meta({ description: 'The OAuth client_id (public)' }),
  name: z.string(),
  scope: z.string(),
  createdBy: z.uuid(),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
});

export const createdApiClientSchema = apiClientSchema.extend({
  clientSecret: z
    .string()
    .meta({ description: 'The OAuth client_secret: shown this once, only its hash is kept' }),
});

export const apiClientListSchema = z.object({ data: z.array(apiClientSchema) });

const example = {
  id: '3f1e2a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b',
  clientId: 'ac_9b2c6f0e1d2a4c3b8e7f6a5b4c3d2e1f3f1e2a4b5c6d4e7f8a9b0c1d2e3f4a5b',
  name: 'EHR nightly sync',
  scope: 'system/*.read',
  createdBy: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  createdAt: '2026-11-02T10:00:00.000Z',
  revokedAt: null,
};
export const apiClientExample = example;
export const createdApiClientExample = { ...example, clientSecret: 'acs_3q2+7w...' };
