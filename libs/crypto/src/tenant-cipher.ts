import { blindIndexSubkey, computeBlindIndex } from './blind-index.js';
import { DecryptionError } from './errors.js';
import {
  ciphertextKeyId,
  ciphertextKeyIdBytes,
  decryptField,
  encryptField,
  openField,
  openingAad,
} from './field-cipher.js';
import { bytesToUuid } from './uuid-bytes.js';
import type { TenantKeys } from './tenant-keys.js';

/**
 * One tenant's field encryption and blind indexes, for the transaction it was opened in.
 * `context` names the column (e.g. `contacts.name`) and must be the same to decrypt.
 */
export class TenantCipher {
  private readonly subkeys = new Map<string, Buffer>();
  private reloading: Promise<void> | null = null;

  constructor(
    readonly tenantId: string,
    private keys: TenantKeys,
    /** Re-reads the tenant's keys through the transaction (for ciphertext sealed by a key rotated elsewhere). */
    private readonly reload: () => Promise<TenantKeys>,
  ) {}

  /** Id of the key new ciphertext is sealed with. */
  get activeKeyId(): string {
    return this.keys.activeDataKey.id;
  }

  encrypt(context: string, plaintext: string | Buffer): Buffer {
    return encryptField(this.keys.activeDataKey, this.tenantId, context, plaintext);
  }

  encryptNullable(context: string, plaintext: string | Buffer | null | undefined): Buffer | null {
    return plaintext == null ? null : this.encrypt(context, plaintext);
  }

  async decrypt(context: string, blob: Buffer): Promise<Buffer> {
    const keyId = ciphertextKeyId(blob);
    if (!this.keys.dataKeys.has(keyId)) await this.reloadOnce();
    const key = this.keys.dataKeys.get(keyId);
    if (!key) throw new DecryptionError('unknown_key');
    return decryptField({ id: keyId, key }, this.tenantId, context, blob);
  }

  async decryptString(context: string, blob: Buffer): Promise<string> {
    return (await this.decrypt(context, blob)).toString('utf8');
  }

  /** For optional text columns: null stays null. */
  async decryptNullable(context: string, blob: Buffer | null | undefined): Promise<string | null> {
    return blob == null ? null : this.decryptString(context, blob);
  }

  /**
   * One column of a page of rows, as text (null stays null). The same as decryptNullable per
   * field, without a promise per field: the key and the AAD are looked up once per key id, not
   * once per field (a page is usually sealed by one key). The only await is a key reload.
   */
  async decryptColumn(context: string, blobs: ReadonlyArray<Buffer | null>): Promise<Array<string | null>> {
    const opened: Array<string | null> = [];
    let keyIdBytes: Buffer | null = null;
    let key: Buffer | undefined;
    let aad: Buffer | undefined;
    for (const blob of blobs) {
      if (blob == null) {
        opened.push(null);
        continue;
      }
      const idBytes = ciphertextKeyIdBytes(blob);
      if (!keyIdBytes?.equals(idBytes)) {
        const keyId = bytesToUuid(idBytes);
        if (!this.keys.dataKeys.has(keyId)) await this.reloadOnce();
        key = this.keys.dataKeys.get(keyId);
        if (!key) throw new DecryptionError('unknown_key');
        aad = openingAad(this.tenantId, context, keyId);
        keyIdBytes = idBytes;
      }
      opened.push(openField(key!, aad!, blob).toString('utf8'));
    }
    return opened;
  }

  /** The same plaintext sealed with the active key (for background re-encryption after a rotation). */
  async reencrypt(context: string, blob: Buffer): Promise<Buffer> {
    if (ciphertextKeyId(blob) === this.activeKeyId) return blob;
    return this.encrypt(context, await this.decrypt(context, blob));
  }

  /** Equality-lookup token of an already normalized value (see normalizePhone/normalizeEmail/normalizeName). */
  blindIndex(field: string, normalizedValue: string): Buffer {
    // An empty value is almost always a failed normalization coalesced to '': refuse rather than match all of them.
    if (!normalizedValue) throw new Error('blindIndex needs a non-empty normalized value');
    let subkey = this.subkeys.get(field);
    if (!subkey) {
      subkey = blindIndexSubkey(this.keys.indexKey, field);
      this.subkeys.set(field, subkey);
    }
    return computeBlindIndex(subkey, normalizedValue);
  }

  // One reload per cipher: a second unknown key id in the same transaction will not hit the database again.
  private async reloadOnce(): Promise<void> {
    this.reloading ??= this.reload().then((keys) => {
      this.keys = keys;
    });
    await this.reloading;
  }
}
