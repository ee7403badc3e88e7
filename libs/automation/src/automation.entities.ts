import type { EntitySchema } from 'typeorm';
import { AutoReplySendSchema, AutoReplySettingsSchema } from './auto-replies/auto-reply.entity.js';

/** Every table automation owns, for `TypeOrmModule.forFeature`. */
export const AUTOMATION_ENTITIES: EntitySchema[] = [AutoReplySettingsSchema, AutoReplySendSchema];
