import type { EntitySchema } from 'typeorm';
import {
  AccessAlertSchema,
  AccessAlertSettingsSchema,
  AccessHourlyOpensSchema,
} from './access-alert.entity.js';

/** Every table access-alerts owns, for `TypeOrmModule.forFeature`. */
export const ACCESS_ALERTS_ENTITIES: EntitySchema[] = [
  AccessAlertSettingsSchema,
  AccessHourlyOpensSchema,
  AccessAlertSchema,
];
