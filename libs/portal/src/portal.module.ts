import { Module } from '@nestjs/common';
import { DeliveryCoreModule } from '@app/delivery';
import { ConsentPages } from './consent-pages.js';
import { ConsentPagesController } from './http/consent-pages.controller.js';
import { PageResponder } from './http/page-response.js';
import { SecureLinksController } from './http/secure-links.controller.js';
import { SecureMessageController } from './http/secure-message.controller.js';
import { LinkRoutes } from './link-routes.js';
import { CsrfTokens, PortalSessions } from './portal-sessions.js';
import { PortalRateLimits } from './rate-limits.js';
import { RetractSecureMessage } from './retract-secure-message.js';
import { SecureLinks } from './secure-links.js';
import { SecureThread } from './secure-thread.js';

/** The patient pages (`/s`, `/c`, `/u`) and the staff's retract endpoint; api only. */
@Module({
  imports: [DeliveryCoreModule],
  controllers: [SecureMessageController, ConsentPagesController, SecureLinksController],
  providers: [
    LinkRoutes,
    SecureLinks,
    SecureThread,
    ConsentPages,
    PortalSessions,
    CsrfTokens,
    PortalRateLimits,
    PageResponder,
    RetractSecureMessage,
  ],
})
export class PortalModule {}
