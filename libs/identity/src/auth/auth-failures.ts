import { Injectable } from '@nestjs/common';
import { Metrics } from '@app/observability';
import type { Counter } from 'prom-client';

/**
 * Where a staff credential was refused: the password step, the MFA step, a refresh-token
 * rotation, a request's access token (and its session), or a signed-in change of password.
 */
export type AuthStep = 'login' | 'mfa' | 'refresh' | 'access' | 'password_change';

/**
 * Refused sign-ins and tokens, by step and reason (`invalid_password`, `unknown_account`,
 * `locked`, `token_expired`, `session_revoked`, ...): fixed words only, never an account, a
 * practice or an address. A rise in one reason is what an operator alerts on (credential
 * stuffing, a clock skew expiring tokens, a wave of revocations).
 */
@Injectable()
export class AuthFailures {
  private readonly failures: Counter<'step' | 'reason'>;

  constructor(metrics: Metrics) {
    this.failures = metrics.counter({
      name: 'inbox_auth_failures_total',
      help: 'Refused staff credentials by step (login, mfa, refresh, access, password_change) and reason.',
      labelNames: ['step', 'reason'],
    });
  }

  count(step: AuthStep, reason: string): void {
    this.failures.inc({ step, reason });
  }
}
