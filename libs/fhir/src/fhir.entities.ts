import { EntitySchema } from 'typeorm';

/** A row of `api_clients`, as migrated: a practice's client-credentials API client. */
export interface ApiClientEntity {
  id: string;
  tenant_id: string;
  name: string;
  /** SHA-256 of the client secret (256 random bits, shown once). */
  secret_hash: Buffer;
  /** Space-separated SMART system scopes (`system/*.read`, `system/Patient.read`, ...). */
  scope: string;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
}

export const ApiClientSchema = new EntitySchema<ApiClientEntity>({
  name: 'api_clients',
  tableName: 'api_clients',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    name: { type: 'text' },
    secret_hash: { type: 'bytea' },
    scope: { type: 'text' },
    created_by: { type: 'uuid' },
    created_at: { type: 'timestamptz', default: () => 'now()' },
    revoked_at: { type: 'timestamptz', nullable: true },
  },
});

/** A row of `api_client_tokens`: an access token issued to a client (SHA-256 of its secret part). */
export interface ApiClientTokenEntity {
  id: string;
  tenant_id: string;
  client_id: string;
  token_hash: Buffer;
  scope: string;
  issued_at: Date;
  expires_at: Date;
}

export const ApiClientTokenSchema = new EntitySchema<ApiClientTokenEntity>({
  name: 'api_client_tokens',
  tableName: 'api_client_tokens',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    client_id: { type: 'uuid' },
    token_hash: { type: 'bytea' },
    scope: { type: 'text' },
    issued_at: { type: 'timestamptz', default: () => 'now()' },
    expires_at: { type: 'timestamptz' },
  },
});

/** A row of `fhir_exports`: one Bulk Data export of a client. */
export interface FhirExportEntity {
  id: string;
  tenant_id: string;
  client_id: string;
  status: string;
  resource_types: string[];
  since: Date | null;
  progress: string | null;
  transaction_time: Date | null;
  created_at: Date;
  updated_at: Date;
  completed_at: Date | null;
  expires_at: Date | null;
}

export const FhirExportSchema = new EntitySchema<FhirExportEntity>({
  name: 'fhir_exports',
  tableName: 'fhir_exports',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    client_id: { type: 'uuid' },
    status: { type: 'text' },
    resource_types: { type: 'text', array: true },
    since: { type: 'timestamptz', nullable: true },
    progress: { type: 'text', nullable: true },
    transaction_time: { type: 'timestamptz', nullable: true },
    created_at: { type: 'timestamptz', default: () => 'now()' },
    updated_at: { type: 'timestamptz', default: () => 'now()' },
    completed_at: { type: 'timestamptz', nullable: true },
    expires_at: { type: 'timestamptz', nullable: true },
  },
});

/** A row of `fhir_export_files`: one NDJSON file of an export, encrypted with the practice's key. */
export interface FhirExportFileEntity {
  id: string;
  tenant_id: string;
  export_id: string;
  resource_type: string;
  position: number;
  line_count: number;
  content_enc: Buffer;
  created_at: Date;
}

export const FhirExportFileSchema = new EntitySchema<FhirExportFileEntity>({
  name: 'fhir_export_files',
  tableName: 'fhir_export_files',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    export_id: { type: 'uuid' },
    resource_type: { type: 'text' },
    position: { type: 'integer' },
    line_count: { type: 'integer' },
    content_enc: { type: 'bytea' },
    created_at: { type: 'timestamptz', default: () => 'now()' },
  },
});

/** Every table the FHIR lib owns, for `TypeOrmModule.forFeature`. */
export const FHIR_ENTITIES: EntitySchema[] = [
  ApiClientSchema,
  ApiClientTokenSchema,
  FhirExportSchema,
  FhirExportFileSchema,
];
