import { EntitySchema } from 'typeorm';

/** A row of `deployment_master_key`, as migrated (column names, types, nullability). */
export interface DeploymentMasterKeyEntity {
  singleton: boolean;
  master_key_id: string;
  updated_at: Date;
}

export const DeploymentMasterKeySchema = new EntitySchema<DeploymentMasterKeyEntity>({
  name: 'deployment_master_key',
  tableName: 'deployment_master_key',
  columns: {
    singleton: { type: 'boolean', primary: true, default: () => 'true' },
    master_key_id: { type: 'text' },
    updated_at: { type: 'timestamptz', default: () => 'now()' },
  },
});
