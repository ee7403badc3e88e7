import { z } from 'zod';
import { ROLES } from '../access/permissions.js';
import { newPasswordSchema } from '../passwords/password-policy.js';

const name = z.string().trim().min(1).max(200);
const email = z.email().max(320);

export const signupSchema = z.object({
  practiceName: name,
  name,
  email,
  password: newPasswordSchema,
});

/** Deliberately loose: a malformed email is just another wrong credential (401), not a 400 that tells. */
export const loginSchema = z.object({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(1024),
});

export const mfaStepSchema = z.object({
  mfaToken: z.string().min(1).max(2048),
  /** A 6-digit TOTP code, or one of the recovery codes. */
  code: z.string().trim().min(6).max(64),
});

export const refreshSchema = z.object({ refreshToken: z.string().min(1).max(512) });

export const mfaEnableSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be 6 digits'),
});

export const acceptInviteSchema = z.object({
  token: z.string().min(1).max(512),
  password: newPasswordSchema,
});

export const createUserSchema = z.object({
  email,
  name,
  role: z.enum(ROLES),
  /** Omit to get an invitation token to hand to the user instead. */
  password: newPasswordSchema.optional(),
});

export const updateUserSchema = z
  .object({ role: z.enum(ROLES).optional(), active: z.boolean().optional() })
  .strict()
  .refine((p) => p.role !== undefined || p.active !== undefined, { message: 'give role and/or active' });
