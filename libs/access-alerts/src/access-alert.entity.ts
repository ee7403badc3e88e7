import { EntitySchema } from 'typeorm';

/** A row of `access_alert_settings`, as migrated (one per practice; none: the defaults). */
export interface AccessAlertSettingsEntity {
  tenant_id: string;
  /** numeric: pg returns it as text. */
  opens_factor: string;
  minimum_opens_per_hour: number;
  exports_outside_business_hours: boolean;
  updated_at: Date;
}

export const AccessAlertSettingsSchema = new EntitySchema<AccessAlertSettingsEntity>({
  name: 'access_alert_settings',
  tableName: 'access_alert_settings',
  columns: {
    tenant_id: { type: 'uuid', primary: true },
    opens_factor: { type: 'numeric' },
    minimum_opens_per_hour: { type: 'integer' },
    exports_outside_business_hours: { type: 'boolean' },
    updated_at: { type: 'timestamptz', default: () => 'now()' },
  },
});

/** A row of `access_hourly_opens`: conversations a user opened in one UTC hour (the baseline's history). */
export interface AccessHourlyOpensEntity {
  tenant_id: string;
  user_id: string;
  hour_start: Date;
  opens: number;
}

export const AccessHourlyOpensSchema = new EntitySchema<AccessHourlyOpensEntity>({
  name: 'access_hourly_opens',
  tableName: 'access_hourly_opens',
  columns: {
    tenant_id: { type: 'uuid', primary: true },
    user_id: { type: 'uuid', primary: true },
    hour_start: { type: 'timestamptz', primary: true },
    opens: { type: 'integer' },
  },
});

/** A row of `access_alerts`: one alert, unique per user, kind and hour window. */
export interface AccessAlertEntity {
  id: string;
  tenant_id: string;
  kind: string;
  user_id: string;
  window_start: Date;
  window_end: Date;
  observed: number;
  /** numeric: pg returns it as text. */
  threshold: string;
  baseline: string | null;
  created_at: Date;
}

export const AccessAlertSchema = new EntitySchema<AccessAlertEntity>({
  name: 'access_alerts',
  tableName: 'access_alerts',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    kind: { type: 'text' },
    user_id: { type: 'uuid' },
    window_start: { type: 'timestamptz' },
    window_end: { type: 'timestamptz' },
    observed: { type: 'integer' },
    threshold: { type: 'numeric' },
    baseline: { type: 'numeric', nullable: true },
    created_at: { type: 'timestamptz', default: () => 'now()' },
  },
});
