import type { HealthIndicatorService } from '@nestjs/terminus';
import type { MasterKeyCheck } from './master-key-check.js';

/**
 * Readiness: `master_key` is down when this process no longer holds the deployment's master key
 * (a `keys rotate-master` ran with a key this instance lacks). Add to HealthController.ready's
 * checks: `masterKeyIndicator(this.indicators, this.masterKeyCheck)`.
 */
export function masterKeyIndicator(indicators: HealthIndicatorService, check: MasterKeyCheck) {
  return () =>
    indicators
      .check('master_key')
      .attempt(() => check.verify())
      .withTimeout(1500);
}
