import type { EntitySchema } from 'typeorm';

/** Every table automation owns, for `TypeOrmModule.forFeature`. */
export const AUTOMATION_ENTITIES: EntitySchema[] = [];
