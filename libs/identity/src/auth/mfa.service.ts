import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { KeyRingService } from '@app/crypto';
import type { TenantTx } from '@app/database';
import { IdentityError, IdentityErrorCode } from '../identity.errors.js';
import { AUTH_CLOCK, type Clock, IDENTITY_POLICY } from '../identity.constants.js';
import { type UserCredentials, UserRepository } from '../users/user.repository.js';
import { matchTotp, newTotpSecret, totpUri } from './totp.js';
import { RecoveryCodeRepository } from './recovery-code.repository.js';
import { newRecoveryCode, normalizeRecoveryCode, RECOVERY_CODE_PATTERN, sha256 } from './tokens.js';

/** AAD contexts: a TOTP secret only decrypts in its own column of its own tenant. */
const SECRET_COLUMN = 'users.totp_secret';
const PENDING_COLUMN = 'users.totp_pending_secret';

export type SecondFactorResult =
  { ok: true; method: 'totp' | 'recovery_code' } | { ok: false; reason: string };

/** TOTP enrolment and second-factor checks (TOTP codes, single-use recovery codes). */
@Injectable()
export class MfaService {
  constructor(
    private readonly users: UserRepository,
    private readonly recoveryCodes: RecoveryCodeRepository,
    private readonly keys: KeyRingService,
    private readonly audit: AuditService,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  /** Starts enrolment: a new secret, kept encrypted as pending until a code proves the app has it. */
  async setup(tx: TenantTx, user: UserCredentials): Promise<{ secret: string; otpauthUrl: string }> {
    if (user.mfaEnabled)
      throw new IdentityError(IdentityErrorCode.MfaAlreadyEnabled, 'MFA is already enabled for this user');
    const secret = newTotpSecret();
    const cipher = await this.keys.forTenant(tx);
    await this.users.setPendingTotpSecret(
      tx,
      user.id,
      cipher.encrypt(PENDING_COLUMN, secret),
      new Date(this.clock.now()),
    );
    this.audit.record(tx, { action: 'auth.mfa_setup', target: { type: 'user', id: user.id } });
    return { secret, otpauthUrl: totpUri(secret, user.email) };
  }

  /** Finishes enrolment with a code from the app: fresh recovery codes (shown once), or null for a wrong code. */
  async enable(tx: TenantTx, user: UserCredentials, code: string): Promise<string[] | null> {
    if (user.mfaEnabled)
      throw new IdentityError(IdentityErrorCode.MfaAlreadyEnabled, 'MFA is already enabled for this user');
    if (!user.totpPendingSecretEnc)
      throw new IdentityError(IdentityErrorCode.MfaSetupRequired, 'Call /v1/auth/mfa/setup first');
    const cipher = await this.keys.forTenant(tx);
    const secret = await cipher.decryptString(PENDING_COLUMN, user.totpPendingSecretEnc);
    const now = this.clock.now();
    const step = await matchTotp(secret, code, now, null);
    if (step === null) {
      this.audit.record(tx, {
        action: 'auth.mfa_enable',
        outcome: 'failure',
        target: { type: 'user', id: user.id },
        metadata: { reason: 'invalid_code' },
      });
      return null;
    }
    await this.users.enableTotp(tx, user.id, cipher.encrypt(SECRET_COLUMN, secret), step, new Date(now));
    const codes = await this.replaceRecoveryCodes(tx, user.id);
    this.audit.record(tx, { action: 'auth.mfa_enabled', target: { type: 'user', id: user.id } });
    return codes;
  }

  /** Checks a second factor for a user with MFA enabled: a TOTP code, or else a recovery code. */
  async verify(tx: TenantTx, user: UserCredentials, code: string): Promise<SecondFactorResult> {
    if (!user.mfaEnabled || !user.totpSecretEnc) return { ok: false, reason: 'mfa_not_enabled' };
    const trimmed = code.trim();
    if (/^\d{6}$/.test(trimmed)) {
      const cipher = await this.keys.forTenant(tx);
      const secret = await cipher.decryptString(SECRET_COLUMN, user.totpSecretEnc);
      const now = this.clock.now();
      const step = await matchTotp(secret, trimmed, now, null);
      if (step === null) return { ok: false, reason: 'invalid_code' };
      // Atomic: of two concurrent uses of one code, exactly one wins.
      if (!(await this.users.consumeTotpStep(tx, user.id, step)))
        return { ok: false, reason: 'replayed_code' };
      return { ok: true, method: 'totp' };
    }
    const normalized = normalizeRecoveryCode(trimmed);
    if (!RECOVERY_CODE_PATTERN.test(normalized)) return { ok: false, reason: 'invalid_code' };
    const used = await this.recoveryCodes.consume(
      tx,
      user.id,
      sha256(normalized),
      new Date(this.clock.now()),
    );
    return used ? { ok: true, method: 'recovery_code' } : { ok: false, reason: 'invalid_recovery_code' };
  }

  /** A new set of recovery codes (shown once); the earlier ones, used or not, stop working. */
  regenerateRecoveryCodes(tx: TenantTx, userId: string): Promise<string[]> {
    return this.replaceRecoveryCodes(tx, userId);
  }

  /** An admin's reset: no secret, no recovery codes; the user enrols again at their next sign-in. */
  async reset(tx: TenantTx, userId: string): Promise<void> {
    await this.users.resetMfa(tx, userId, new Date(this.clock.now()));
    await this.recoveryCodes.deleteAll(tx, userId);
  }

  private async replaceRecoveryCodes(tx: TenantTx, userId: string): Promise<string[]> {
    const codes = Array.from({ length: IDENTITY_POLICY.recoveryCodeCount }, newRecoveryCode);
    await this.recoveryCodes.replace(
      tx,
      userId,
      codes.map((code) => sha256(normalizeRecoveryCode(code))),
    );
    return codes;
  }
}
