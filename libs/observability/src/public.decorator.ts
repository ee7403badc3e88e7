import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IS_PUBLIC = 'inbox:isPublic';

/** Read by `completeOpenApiDocument`: an operation with no staff authentication of its own. */
export const PUBLIC_EXTENSION = 'x-inbox-public';

/** Marks a route that needs no staff authentication (health, webhooks with their own auth, patient pages). */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true));
