import { z } from 'zod';
import { IDENTITY_POLICY } from '../identity.constants.js';

/** What a practice may tune about staff access. */
export interface PracticeSettings {
  /** Automatic logoff after this much inactivity. */
  idleTimeoutMinutes: number;
  /** MFA for every role, not only owner/admin (who always need it). */
  mfaRequiredForAllRoles: boolean;
  /** Patient pages (libs/portal, libs/delivery read these keys): secure link lifetime in days. */
  secureLinkDays: number;
  /** Ask for the date of birth besides the one-time code (when the contact has one on file). */
  portalRequireDateOfBirth: boolean;
  /** Button and accent colour (#rrggbb); one too light for white text falls back to the default. */
  portalBrandColor: string | null;
  /** Logo as a data: image, so the patient pages load nothing from another origin. */
  portalLogoDataUri: string | null;
}

const LOGO_DATA_URI = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+=*$/;
const MAX_LOGO_CHARS = 200_000;

export const practiceSettingsPatchSchema = z
  .object({
    idleTimeoutMinutes: z.number().int().min(1).max(720).optional(),
    mfaRequiredForAllRoles: z.boolean().optional(),
    secureLinkDays: z.number().int().min(1).max(90).optional(),
    portalRequireDateOfBirth: z.boolean().optional(),
    portalBrandColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour')
      .nullable()
      .optional(),
    portalLogoDataUri: z
      .string()
      .max(MAX_LOGO_CHARS)
      .regex(LOGO_DATA_URI, 'must be a base64 data: URI of a png, jpeg, gif or webp image')
      .nullable()
      .optional(),
  })
  .strict();
export type PracticeSettingsPatch = z.infer<typeof practiceSettingsPatchSchema>;

const DEFAULTS: PracticeSettings = {
  idleTimeoutMinutes: IDENTITY_POLICY.defaultIdleTimeoutMinutes,
  mfaRequiredForAllRoles: false,
  secureLinkDays: 14,
  portalRequireDateOfBirth: false,
  portalBrandColor: null,
  portalLogoDataUri: null,
};

/** Reads a settings document defensively: unknown or malformed keys fall back to the defaults. */
export function readPracticeSettings(raw: unknown): PracticeSettings {
  const doc = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const idle = doc.idleTimeoutMinutes;
  return {
    idleTimeoutMinutes:
      typeof idle === 'number' && Number.isInteger(idle) && idle >= 1 && idle <= 720
        ? idle
        : DEFAULTS.idleTimeoutMinutes,
    mfaRequiredForAllRoles:
      typeof doc.mfaRequiredForAllRoles === 'boolean'
        ? doc.mfaRequiredForAllRoles
        : DEFAULTS.mfaRequiredForAllRoles,
    secureLinkDays:
      typeof doc.secureLinkDays === 'number' &&
      Number.isInteger(doc.secureLinkDays) &&
      doc.secureLinkDays >= 1 &&
      doc.secureLinkDays <= 90
        ? doc.secureLinkDays
        : DEFAULTS.secureLinkDays,
    portalRequireDateOfBirth: doc.portalRequireDateOfBirth === true,
    portalBrandColor: typeof doc.portalBrandColor === 'string' ? doc.portalBrandColor : null,
    portalLogoDataUri: typeof doc.portalLogoDataUri === 'string' ? doc.portalLogoDataUri : null,
  };
}
