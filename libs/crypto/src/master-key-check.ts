import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, ConfigError } from '@app/config';
import { RoutedDb } from '@app/database';
import type { KeyRingConfig } from './key-ring.service.js';
import { MasterKeyRing, toMasterKey } from './key-wrap.js';
import { assertSeesAllTenants } from './rewrap.js';
import { type OwnerConnection, TenantKeyRepository } from './tenant-key.repository.js';

/**
 * This process's master keys do not include the one the deployment's tenant keys are wrapped by.
 * A ConfigError: the entry points exit 78 (EX_CONFIG). Names MASTER_KEY and key ids (one-way
 * fingerprints), never a key.
 */
export class MasterKeyMismatchError extends ConfigError {
  constructor(deploymentKeyId: string, configuredIds: readonly string[]) {
    super([
      `MASTER_KEY: this deployment's keys are wrapped by master key ${deploymentKeyId}, which is neither ` +
        `MASTER_KEY nor in MASTER_KEY_PREVIOUS (configured: ${configuredIds.join(', ')}); refusing to start`,
    ]);
    this.name = 'MasterKeyMismatchError';
  }
}

/**
 * Before the api or worker takes any work, its MASTER_KEY is compared with the deployment's
 * (table deployment_master_key, as the app role, under its own row-level security setting). A
 * process with a wrong key would sign practices up under a key no other instance has, and fail
 * every text and message it touches. The first process of a new deployment records its key.
 * `verify` is also what readiness asks: a `keys rotate-master` run after this process started
 * makes an instance that lacks the new key not ready.
 */
@Injectable()
export class MasterKeyCheck implements OnModuleInit {
  private readonly logger = new Logger('KeyRing');
  private readonly masters: MasterKeyRing;
  private readonly tenantKeys = new TenantKeyRepository();

  constructor(
    @Inject(APP_CONFIG) config: Pick<KeyRingConfig, 'MASTER_KEY' | 'MASTER_KEY_PREVIOUS'>,
    private readonly routed: RoutedDb,
  ) {
    this.masters = new MasterKeyRing(config.MASTER_KEY, config.MASTER_KEY_PREVIOUS);
  }

  async onModuleInit(): Promise<void> {
    const deploymentKeyId = await this.deploymentKeyId({ recordIfNone: true });
    this.assertConfigured(deploymentKeyId);
    if (deploymentKeyId !== this.masters.current.id) {
      this.logger.warn(
        `MASTER_KEY ${this.masters.current.id} is not yet the deployment's (${deploymentKeyId}): run \`npm run keys -- rotate-master\``,
      );
    }
  }

  /** Throws MasterKeyMismatchError unless this process holds the deployment's master key. */
  async verify(): Promise<void> {
    this.assertConfigured(await this.deploymentKeyId({ recordIfNone: false }));
  }

  private assertConfigured(deploymentKeyId: string | null): void {
    if (deploymentKeyId !== null && !this.masters.has(deploymentKeyId)) {
      throw new MasterKeyMismatchError(deploymentKeyId, this.masters.ids);
    }
  }

  private deploymentKeyId({ recordIfNone }: { recordIfNone: boolean }): Promise<string | null> {
    return this.routed.sweep('masterKeyCheck', async (tx) => {
      if (recordIfNone) {
        // Two first processes at once: one row wins, and the other compares against it.
        await this.tenantKeys.recordDeploymentMasterKeyIfNone(tx, this.masters.current.id);
      }
      return this.tenantKeys.deploymentMasterKeyId(tx);
    });
  }
}

/**
 * `keys rotate-master`: the deployment's master key becomes `masterKey` (base64). Processes
 * without it then refuse to start, and running ones report not ready. Runs as the schema owner.
 */
export async function recordDeploymentMasterKey(conn: OwnerConnection, masterKey: string): Promise<string> {
  await assertSeesAllTenants(conn);
  const { id } = toMasterKey(masterKey);
  await new TenantKeyRepository().setDeploymentMasterKey(conn, id);
  return id;
}
