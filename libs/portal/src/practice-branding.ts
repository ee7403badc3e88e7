import type { TenantTx } from '@app/database';
import { readPracticeSettings } from '@app/identity';

/** How the patient pages look for a practice (practices.settings keys, all optional). */
export interface PracticeBranding {
  name: string;
  /** A #rrggbb that keeps white button text readable (contrast >= 4.5:1), else our default. */
  color: string;
  /** A data: image (png, jpeg, gif, webp); never a URL, so the page loads nothing third-party. */
  logo: string | null;
  /** Ask for the date of birth too (when the contact has one on file). */
  requireDateOfBirth: boolean;
}

const DEFAULT_COLOR = '#1d4ed8';
const LOGO = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+=*$/;
const MAX_LOGO_CHARS = 200_000;

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG AA for normal text against white. */
export function readableOnWhite(hex: string): boolean {
  return /^#[0-9a-fA-F]{6}$/.test(hex) && 1.05 / (luminance(hex) + 0.05) >= 4.5;
}

/** Branding from the practice settings (read by their own rules), checked again for the page. */
export async function practiceBranding(tx: TenantTx): Promise<PracticeBranding> {
  const [row] = await tx.query<{ name: string; settings: unknown }>(
    `SELECT name, settings FROM practices WHERE id = $1`,
    [tx.tenantId],
  );
  const settings = readPracticeSettings(row?.settings);
  const color = settings.portalBrandColor;
  const logo = settings.portalLogoDataUri;
  return {
    name: row?.name ?? '',
    color: color && readableOnWhite(color) ? color : DEFAULT_COLOR,
    logo: logo && logo.length <= MAX_LOGO_CHARS && LOGO.test(logo) ? logo : null,
    requireDateOfBirth: settings.portalRequireDateOfBirth,
  };
}
