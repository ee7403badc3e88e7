import { loadConfigOrExit } from '@app/config';
import { ownerDataSource, TenantDb, isUuid } from '@app/database';
import { KeyRingService } from '../key-ring.service.js';
import { recordDeploymentMasterKey } from '../master-key-check.js';
import { assertSeesAllTenants, rewrapTenantKeys } from '../rewrap.js';

/**
 * `npm run keys -- rotate-master`: after deploying MASTER_KEY=<new>, MASTER_KEY_PREVIOUS=<old>,
 *   makes <new> the deployment's master key (processes without it refuse to start) and re-wraps
 *   every tenant key under it (then the old one can be removed).
 * `npm run keys -- rotate-tenant <practiceId> | --all`: a new data key per tenant (old data stays readable).
 * Prints counts and key ids (fingerprints), never keys.
 */
const USAGE = 'usage: keys rotate-master | keys rotate-tenant <practiceId> | keys rotate-tenant --all';

const out = (line: string) => process.stdout.write(`keys: ${line}\n`);
const fail = (line: string, code = 1): never => {
  process.stderr.write(`keys: ${line}\n`);
  process.exit(code);
};

const [command, target] = process.argv.slice(2);
if (command !== 'rotate-master' && command !== 'rotate-tenant') fail(USAGE, 64);
if (command === 'rotate-tenant' && target !== '--all' && !isUuid(target)) fail(USAGE, 64);

// The worker's variables hold MASTER_KEY and MASTER_KEY_PREVIOUS; the owner URL is read beside them.
const config = loadConfigOrExit('worker');
const ds = ownerDataSource(process.env.DATABASE_MIGRATION_URL || config.DATABASE_URL);

async function rotateMaster(): Promise<number> {
  // First: processes that lack the new key must stop starting (and report not ready), since
  // instances with it already wrap new practices' keys under it.
  const deploymentKeyId = await recordDeploymentMasterKey(ds, config.MASTER_KEY);
  out(`deployment master key is now ${deploymentKeyId}: processes without it refuse to start`);
  const r = await rewrapTenantKeys(ds, {
    masterKey: config.MASTER_KEY,
    previousKeys: config.MASTER_KEY_PREVIOUS,
  });
  out(`re-wrapped ${r.rewrapped} tenant keys under master key ${r.masterKeyId}`);
  if (r.unknownMasterKey) {
    out(
      `${r.unknownMasterKey} tenant keys use master keys not configured: ${r.unknownMasterKeyIds.join(', ')}`,
    );
  }
  if (r.failed) out(`${r.failed} tenant keys did not unwrap (see log)`);
  out(
    r.remaining === 0
      ? 'all tenant keys use the current master key: MASTER_KEY_PREVIOUS may now be removed'
      : `${r.remaining} tenant keys still use other master keys: keep MASTER_KEY_PREVIOUS`,
  );
  return r.remaining === 0 ? 0 : 2;
}

async function rotateTenants(): Promise<number> {
  const keyRing = new KeyRingService(config);
  const db = new TenantDb(ds);
  let tenantIds: string[];
  if (target === '--all') {
    await assertSeesAllTenants(ds);
    const rows: Array<{ tenant_id: string }> = await ds.query(
      `SELECT DISTINCT tenant_id FROM tenant_keys WHERE purpose = 'data' ORDER BY tenant_id`,
    );
    tenantIds = rows.map((r) => r.tenant_id);
  } else {
    tenantIds = [target!];
  }
  let failed = 0;
  for (const tenantId of tenantIds) {
    try {
      const r = await db.forTenant(tenantId, (tx) => keyRing.rotateTenantDataKey(tx));
      out(`tenant ${tenantId}: data key version ${r.version} (key ${r.keyId}) active`);
    } catch (err) {
      failed++;
      out(`tenant ${tenantId}: not rotated (${(err as Error).name}: ${(err as Error).message})`);
    }
  }
  out(`rotated ${tenantIds.length - failed} of ${tenantIds.length} tenants`);
  return failed ? 1 : 0;
}

let exitCode = 1;
try {
  await ds.initialize();
  exitCode = command === 'rotate-master' ? await rotateMaster() : await rotateTenants();
} catch (err) {
  // Errors from this library and Postgres carry ids and statements, never key material.
  process.stderr.write(`keys: failed: ${(err as Error).message}\n`);
} finally {
  if (ds.isInitialized) await ds.destroy();
}
process.exit(exitCode);
