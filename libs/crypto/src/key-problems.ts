import { DecryptionError, TenantKeysMissingError, UnknownMasterKeyError } from './errors.js';
import { KeyUnwrapError } from './key-wrap.js';

/**
 * The error says this process cannot open the tenant's keys (a master key not configured or not
 * the one the keys are wrapped by, keys missing, or a data key it cannot find), not that the
 * data is bad: retrying the same data after the keys are fixed succeeds. A ciphertext that fails
 * authentication is the data's problem and is not one of these.
 */
export function isKeyProblem(err: unknown): boolean {
  return (
    err instanceof UnknownMasterKeyError ||
    err instanceof KeyUnwrapError ||
    err instanceof TenantKeysMissingError ||
    (err instanceof DecryptionError && err.reason === 'unknown_key')
  );
}
