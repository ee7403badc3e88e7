import { EntitySchema } from 'typeorm';

/** A row of `webhook_endpoints`: a practice's receiver, its events, its encrypted secret and failure streak. */
export interface WebhookEndpointEntity {
  id: string;
  tenant_id: string;
  url: string;
  event_types: string[];
  secret_enc: Buffer;
  enabled: boolean;
  disabled_reason: string | null;
  disabled_at: Date | null;
  consecutive_failures: number;
  failing_since: Date | null;
  created_at: Date;
  updated_at: Date;
}

export const WebhookEndpointSchema = new EntitySchema<WebhookEndpointEntity>({
  name: 'webhook_endpoints',
  tableName: 'webhook_endpoints',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    url: { type: 'text' },
    event_types: { type: 'text', array: true },
    secret_enc: { type: 'bytea' },
    enabled: { type: 'boolean', default: true },
    disabled_reason: { type: 'text', nullable: true },
    disabled_at: { type: 'timestamptz', nullable: true },
    consecutive_failures: { type: 'integer', default: 0 },
    failing_since: { type: 'timestamptz', nullable: true },
    created_at: { type: 'timestamptz', default: () => 'now()' },
    updated_at: { type: 'timestamptz', default: () => 'now()' },
  },
});

/** A row of `webhook_deliveries`: one event for one endpoint (written by the migration's triggers). */
export interface WebhookDeliveryEntity {
  id: string;
  tenant_id: string;
  endpoint_id: string;
  seq: string;
  event_type: string;
  data: Record<string, unknown>;
  occurred_at: Date;
  state: string;
  attempts: number;
  relay_at: Date;
  window_started_at: Date;
  finished_at: Date | null;
}

export const WebhookDeliverySchema = new EntitySchema<WebhookDeliveryEntity>({
  name: 'webhook_deliveries',
  tableName: 'webhook_deliveries',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    endpoint_id: { type: 'uuid' },
    seq: { type: 'bigint', generated: 'increment' },
    event_type: { type: 'text' },
    data: { type: 'jsonb' },
    occurred_at: { type: 'timestamptz', default: () => 'clock_timestamp()' },
    state: { type: 'text', default: () => "'pending'::text" },
    attempts: { type: 'integer', default: 0 },
    relay_at: { type: 'timestamptz', default: () => 'clock_timestamp()' },
    window_started_at: { type: 'timestamptz', default: () => 'clock_timestamp()' },
    finished_at: { type: 'timestamptz', nullable: true },
  },
});

/** A row of `webhook_delivery_attempts`: one HTTP attempt (no response body). */
export interface WebhookDeliveryAttemptEntity {
  id: string;
  tenant_id: string;
  delivery_id: string;
  attempted_at: Date;
  status_code: number | null;
  duration_ms: number;
  error_class: string | null;
  succeeded: boolean;
}

export const WebhookDeliveryAttemptSchema = new EntitySchema<WebhookDeliveryAttemptEntity>({
  name: 'webhook_delivery_attempts',
  tableName: 'webhook_delivery_attempts',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    delivery_id: { type: 'uuid' },
    attempted_at: { type: 'timestamptz', default: () => 'clock_timestamp()' },
    status_code: { type: 'integer', nullable: true },
    duration_ms: { type: 'integer' },
    error_class: { type: 'text', nullable: true },
    succeeded: { type: 'boolean' },
  },
});

/** Every table webhooks-out owns, for `TypeOrmModule.forFeature`. */
export const WEBHOOKS_OUT_ENTITIES: EntitySchema[] = [
  WebhookEndpointSchema,
  WebhookDeliverySchema,
  WebhookDeliveryAttemptSchema,
];
