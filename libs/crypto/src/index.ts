export { CryptoModule } from './crypto.module.js';
export { KeyRingService, CRYPTO_CLOCK, MAX_CACHED_TENANTS, type KeyRingConfig } from './key-ring.service.js';
export type { TenantCipher } from './tenant-cipher.js';
export type { CreatedTenantKeys, RotatedDataKey } from './tenant-keys.js';
export { TtlLruCache, type Clock } from './ttl-lru-cache.js';
export {
  DecryptionError,
  TenantKeysMissingError,
  UnknownMasterKeyError,
  type DecryptionFailure,
} from './errors.js';
export { ciphertextKeyId } from './field-cipher.js';
export { isKeyProblem } from './key-problems.js';
export { masterKeyId } from './key-wrap.js';
export { MasterKeyCheck, MasterKeyMismatchError, recordDeploymentMasterKey } from './master-key-check.js';
export { masterKeyIndicator } from './master-key.indicator.js';
export { normalizePhone, normalizeEmail, normalizeName } from './normalize.js';
export { assertSeesAllTenants, rewrapTenantKeys, type RewrapOptions, type RewrapResult } from './rewrap.js';
export type { OwnerConnection } from './tenant-key.repository.js';
export { CRYPTO_ENTITIES } from './crypto.entities.js';
