import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'inbox:isPublic';

/** Marks a route that needs no staff authentication (health, webhooks with their own auth, patient pages). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
