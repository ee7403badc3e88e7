import { TenantKeySchema } from './tenant-key.entity.js';
import { DeploymentMasterKeySchema } from './deployment-master-key.entity.js';

/** The tables this lib owns, one `EntitySchema` each (registered with the DataSource by its module). */
export const CRYPTO_ENTITIES = [TenantKeySchema, DeploymentMasterKeySchema];
