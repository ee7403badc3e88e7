import { z } from 'zod';
import { ROLES } from '../access/permissions.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, newPasswordSchema } from '../passwords/password-policy.js';

/** `pattern` states in the document what `trim()` enforces: something besides spaces. */
const name = z.string().trim().min(1).max(200).meta({ pattern: '\\S' });
const email = z.email().max(320);

/** The policy in the document: what JSON Schema can say as keywords, the rest in words. */
const newPassword = newPasswordSchema.meta({
  minLength: MIN_PASSWORD_LENGTH,
  maxLength: MAX_PASSWORD_LENGTH,
  description:
    `${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters (counted after Unicode NFKC normalization); ` +
    'not a common password (also with digits for letters or digits and symbols appended), not one short ' +
    'pattern repeated, and not containing the email address of the account or its name part',
  example: 'correct horse battery staple',
});

export const signupSchema = z
  .object({
    practiceName: name,
    name,
    email,
    password: newPassword,
  })
  .meta({
    example: {
      practiceName: 'Riverside Family Clinic',
      name: 'Dana Reyes',
      email: 'dana@clinic.example',
      password: 'correct horse battery staple',
    },
  });

/** Deliberately loose: a malformed email is just another wrong credential (401), not a 400 that tells. */
export const loginSchema = z
  .object({
    email: z.string().min(1).max(320),
    password: z.string().min(1).max(1024),
  })
  .meta({ example: { email: 'dana@clinic.example', password: 'correct horse battery staple' } });

export const mfaStepSchema = z.object({
  mfaToken: z.string().min(1).max(2048),
  /** A 6-digit TOTP code, or one of the recovery codes. */
  code: z.string().trim().min(6).max(64).meta({
    // Unanchored: some 6 characters from the first to the last that is not a space.
    pattern: '\\S[\\s\\S]{4,}\\S',
    description:
      'A 6-digit code from the authenticator app, or a recovery code (case, spaces and dashes do not matter)',
    example: '492039',
  }),
});

export const refreshSchema = z.object({
  refreshToken: z
    .string()
    .min(1)
    .max(512)
    .meta({ description: 'The refreshToken of the last pair (single use)' }),
});

export const mfaEnableSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be 6 digits')
    .meta({ description: 'The current code of the authenticator app', example: '492039' }),
});

export const acceptInviteSchema = z.object({
  token: z.string().min(1).max(512).meta({ description: 'The invitation token an admin was given' }),
  password: newPassword,
});

export const createUserSchema = z
  .object({
    email,
    name,
    role: z.enum(ROLES),
    /** Omit to get an invitation token to hand to the user instead. */
    password: newPassword
      .optional()
      .meta({ description: 'Omit to get an invitation token to hand to the user instead' }),
  })
  .meta({ example: { email: 'sam@clinic.example', name: 'Sam Ortiz', role: 'front_desk' } });

export const updateUserSchema = z
  .object({ role: z.enum(ROLES).optional(), active: z.boolean().optional() })
  .strict()
  .refine((p) => p.role !== undefined || p.active !== undefined, { message: 'give role and/or active' })
  .meta({ minProperties: 1, description: 'role and/or active', example: { active: false } });

/** Deliberately loose: a malformed email answers the same 202 as any other (nothing to tell). */
export const forgotPasswordSchema = z
  .object({ email: z.string().min(1).max(320) })
  .meta({ example: { email: 'dana@clinic.example' } });

export const resetPasswordSchema = z.object({
  token: z.string().min(1).max(512).meta({ description: 'The token of the emailed link (after `#token=`)' }),
  password: newPassword,
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: newPassword,
});

export const recoveryCodesSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be 6 digits')
    .meta({
      description: 'The current code of the authenticator app (a recovery code does not do)',
      example: '492039',
    }),
});

export const availabilitySchema = z
  .strictObject({
    away: z.boolean().meta({ description: 'true: take no new conversations from team round-robin for now' }),
  })
  .meta({ example: { away: true } });
