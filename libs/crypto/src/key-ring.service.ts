import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { TenantDb, type TenantTx } from '@app/database';
import { MasterKeyRing } from './key-wrap.js';
import { TenantCipher } from './tenant-cipher.js';
import {
  type CreatedTenantKeys,
  type RotatedDataKey,
  type TenantKeys,
  insertInitialKeys,
  insertNextDataKey,
  loadTenantKeys,
} from './tenant-keys.js';
import { type Clock, TtlLruCache } from './ttl-lru-cache.js';

/** Injection token of the clock the key cache measures age with (tests pass a fake one). */
export const CRYPTO_CLOCK = Symbol('CRYPTO_CLOCK');

/** DATA_KEY_CACHE_MAX_TENANTS may be left out (scripts, unit tests): MAX_CACHED_TENANTS then. */
export type KeyRingConfig = Pick<
  CoreConfig,
  'MASTER_KEY' | 'MASTER_KEY_PREVIOUS' | 'DATA_KEY_CACHE_SECONDS'
> &
  Partial<Pick<CoreConfig, 'DATA_KEY_CACHE_MAX_TENANTS'>>;

/**
 * Tenants whose unwrapped keys may be in memory at once (least recently used go first) unless
 * DATA_KEY_CACHE_MAX_TENANTS says otherwise (its default is this).
 */
export const MAX_CACHED_TENANTS = 20_000;

interface TxState {
  cipher?: Promise<TenantCipher>;
  /** Keys were created or rotated in this (uncommitted) transaction: nothing read here may be cached. */
  keysWritten: boolean;
}

/** Keys opened together (a restart, a burst over many practices) are reopened spread over the last 10% of their ttl, never later than it. */
const CACHE_JITTER = { jitter: 0.1 };

/**
 * Per-tenant keys: creates and rotates them, and opens a tenant's cipher. Unwrapped keys are
 * cached for DATA_KEY_CACHE_SECONDS; a stale cache is harmless because retired keys stay
 * valid for decryption and an unknown key id triggers a reload.
 */
@Injectable()
export class KeyRingService {
  private readonly logger = new Logger('KeyRing');
  private readonly masters: MasterKeyRing;
  private readonly cache: TtlLruCache<string, TenantKeys>;
  private readonly txStateKey = Symbol('crypto.keyring.tx');

  constructor(
    @Inject(APP_CONFIG) config: KeyRingConfig,
    @Optional() @Inject(CRYPTO_CLOCK) clock?: Clock,
    /** For a reload after the transaction that opened a cipher has committed (always there in the apps). */
    @Optional() private readonly db?: TenantDb,
  ) {
    this.masters = new MasterKeyRing(config.MASTER_KEY, config.MASTER_KEY_PREVIOUS);
    this.cache = new TtlLruCache(
      config.DATA_KEY_CACHE_SECONDS * 1000,
      config.DATA_KEY_CACHE_MAX_TENANTS ?? MAX_CACHED_TENANTS,
      clock ?? Date.now,
      CACHE_JITTER,
    );
  }

  /** The cipher of the transaction's tenant; the same instance for every call within one transaction. */
  forTenant(tx: TenantTx): Promise<TenantCipher> {
    const state = this.txState(tx);
    state.cipher ??= this.openCipher(tx, state);
    return state.cipher;
  }

  /**
   * The tenant's cipher outside any transaction, to seal what a later write stores (a write of
   * several tenants at once, `TenantDb.writeForTenants`): from memory, else read in a
   * transaction of its own.
   */
  cipherFor(tenantId: string): Promise<TenantCipher> {
    const keys = this.cache.get(tenantId);
    if (keys) return Promise.resolve(new TenantCipher(tenantId, keys, () => this.loadCommitted(tenantId)));
    if (!this.db)
      return Promise.reject(new Error('KeyRingService needs a TenantDb to open a cipher by tenant id'));
    return this.db.forTenant(tenantId, (tx) => this.forTenant(tx));
  }

  /** For a new practice: active version-1 data and index keys, wrapped by the current master key. */
  async createTenantKeys(tx: TenantTx): Promise<CreatedTenantKeys> {
    this.markKeysWritten(tx);
    return insertInitialKeys(tx, this.masters);
  }

  /**
   * A new active data key; the previous one is retired but still decrypts. Existing rows are not
   * rewritten. Other processes pick the new key up when their cache expires.
   */
  async rotateTenantDataKey(tx: TenantTx): Promise<RotatedDataKey> {
    this.markKeysWritten(tx);
    const rotated = await insertNextDataKey(tx, this.masters);
    this.logger.log(`Rotated data key of tenant ${tx.tenantId} to version ${rotated.version}`);
    return rotated;
  }

  /** Forgets every unwrapped key held in memory. */
  clearCache(): void {
    this.cache.clear();
  }

  private async openCipher(tx: TenantTx, state: TxState): Promise<TenantCipher> {
    const keys = this.cache.get(tx.tenantId) ?? (await this.load(tx, state));
    return new TenantCipher(tx.tenantId, keys, () => {
      this.logger.debug(`Reloading keys of tenant ${tx.tenantId}: ciphertext names a key not in memory`);
      return this.reload(tx, state);
    });
  }

  /**
   * Through the cipher's transaction while it is open (it may hold keys it wrote itself). Once it
   * has committed (rows are often decrypted after `queryAndCommit`), in a transaction of its own:
   * a key that sealed committed data is committed too, so that one sees it.
   */
  private reload(tx: TenantTx, state: TxState): Promise<TenantKeys> {
    return tx.isFinished ? this.loadCommitted(tx.tenantId) : this.load(tx, state);
  }

  /** The tenant's committed keys, in a transaction of their own. */
  private loadCommitted(tenantId: string): Promise<TenantKeys> {
    if (!this.db) {
      return Promise.reject(new Error('KeyRingService needs a TenantDb to reload keys after a commit'));
    }
    return this.db.forTenant(tenantId, (own) => this.load(own, this.txState(own)));
  }

  private async load(tx: TenantTx, state: TxState): Promise<TenantKeys> {
    const keys = await loadTenantKeys(tx, this.masters);
    // Keys read after a write in this transaction may yet roll back; caching them could seal data with a key that never existed.
    if (!state.keysWritten) this.cache.set(tx.tenantId, keys);
    return keys;
  }

  private markKeysWritten(tx: TenantTx): void {
    const state = this.txState(tx);
    state.keysWritten = true;
    state.cipher = undefined;
    this.cache.delete(tx.tenantId);
  }

  private txState(tx: TenantTx): TxState {
    return tx.local<TxState>(this.txStateKey, () => ({ keysWritten: false }));
  }
}
