import { z } from 'zod';
import { IDENTITY_POLICY } from '../identity.constants.js';
import type { TokenPair } from '../sessions/session.service.js';

/** What the `/v1/auth/*` routes answer (the OpenAPI document is written from these). */

const PRACTICE_ID = 'b7a1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';
const SESSION_ID = '8d2e4b6a-1c3f-4e5d-a7b9-0c1d2e3f4a5b';
const ACCESS_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIzZjFjOWE1MiJ9.c2lnbmF0dXJlLW9mLXRoZS1leGFtcGxl';
const REFRESH_TOKEN = `rt_${PRACTICE_ID}.${SESSION_ID}.bm90LWEtcmVhbC1yZWZyZXNoLXRva2VuLXNlY3JldA`;

const tokenPairShape = {
  tokenType: z.literal('Bearer'),
  accessToken: z.string().meta({ description: 'JWT for `Authorization: Bearer`' }),
  refreshToken: z.string().meta({
    description:
      'Single use: POST /v1/auth/refresh swaps it for a new pair; a spent one presented again ends the session',
  }),
  expiresIn: z.number().int().meta({
    description: 'Seconds until the access token expires',
    example: IDENTITY_POLICY.accessTokenSeconds,
  }),
  mfaEnrollmentRequired: z.literal(true).optional().meta({
    description:
      'Present when the session may only reach /v1/me and /v1/auth/* until the user enrols in MFA (POST /v1/auth/mfa/setup, then /v1/auth/mfa/enable)',
  }),
};

const tokenPairExample = {
  tokenType: 'Bearer',
  accessToken: ACCESS_TOKEN,
  refreshToken: REFRESH_TOKEN,
  expiresIn: IDENTITY_POLICY.accessTokenSeconds,
};

export const tokenPairSchema = z
  .object(tokenPairShape)
  .meta({ description: 'A signed-in session', example: tokenPairExample }) satisfies z.ZodType<TokenPair>;

export const mfaChallengeSchema = z
  .object({
    mfaRequired: z.literal(true),
    mfaToken: z.string().meta({
      description: `Send it with a code to POST /v1/auth/mfa within ${IDENTITY_POLICY.mfaTokenSeconds / 60} minutes`,
    }),
  })
  .meta({ description: 'The password was right; the account has MFA: the second step follows' });

export const loginResultSchema = z.union([tokenPairSchema, mfaChallengeSchema]);

export const signupResultSchema = z
  .object({ practiceId: z.uuid(), userId: z.uuid() })
  .meta({ example: { practiceId: PRACTICE_ID, userId: '3f1c9a52-6b1e-4d4f-9c47-2a8e5d0b7c11' } });

export const mfaSetupSchema = z
  .object({
    secret: z.string().meta({ description: 'Base32 TOTP secret, for apps that cannot scan the URL' }),
    otpauthUrl: z.string().meta({ description: 'otpauth:// URL to show as a QR code' }),
  })
  .meta({
    example: {
      secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      otpauthUrl:
        'otpauth://totp/Consent%20Inbox:dana%40clinic.example?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Consent%20Inbox&period=30',
    },
  });

export const mfaEnabledSchema = z
  .object({
    recoveryCodes: z.array(z.string()).meta({
      description: `${IDENTITY_POLICY.recoveryCodeCount} single-use codes for POST /v1/auth/mfa when the phone is lost; shown once`,
    }),
    ...tokenPairShape,
  })
  .meta({
    example: { recoveryCodes: ['k7h2m-x9qpr-4tz3w', 'b2n8c-q4wvd-7hjm5'], ...tokenPairExample },
  }) satisfies z.ZodType<TokenPair & { recoveryCodes: string[] }>;

export const inviteAcceptedSchema = z
  .object({ userId: z.uuid() })
  .meta({ example: { userId: '3f1c9a52-6b1e-4d4f-9c47-2a8e5d0b7c11' } });

export const recoveryCodesSchema = z
  .object({
    recoveryCodes: z.array(z.string()).meta({
      description: `${IDENTITY_POLICY.recoveryCodeCount} new single-use codes, shown once; the earlier ones no longer work`,
    }),
  })
  .meta({ example: { recoveryCodes: ['k7h2m-x9qpr-4tz3w', 'b2n8c-q4wvd-7hjm5'] } });
