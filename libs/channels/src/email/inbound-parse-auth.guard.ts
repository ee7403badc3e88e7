import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { TenantDb } from '@app/database';
import { AppError } from '@app/observability';
import { ChannelRouter } from '../channel-router.js';
import { type EmailChannel, EmailChannels } from './email-channel.repository.js';
import { inboundSecretMatches } from './inbound-secret.js';

/** The channel a post was authenticated for, handed from the guard to the handler. */
export interface AuthenticatedInbound {
  tenantId: string;
  channel: EmailChannel;
}

const authenticated = new WeakMap<FastifyRequest, AuthenticatedInbound>();

/**
 * Checks the Inbound Parse URL (channel + secret) before the body is read: a guard runs before
 * the multipart interceptor, so a post without the secret is refused (403) without buffering
 * megabytes of someone else's email. Unknown or deleted channels are 404.
 */
@Injectable()
export class InboundParseAuthGuard implements CanActivate {
  private readonly logger = new Logger('SendGridInbound');

  constructor(
    private readonly db: TenantDb,
    private readonly router: ChannelRouter,
    private readonly emailChannels: EmailChannels,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context
      .switchToHttp()
      .getRequest<FastifyRequest & { params: Record<string, string | undefined> }>();
    const channelId = String(req.params.channelId ?? '');
    const secret = String(req.params.secret ?? '');
    const route = await this.router.byChannelId(channelId);
    if (!route || route.type !== 'email' || !route.active) throw AppError.notFound('Channel');
    const channel = await this.db.forTenant(route.tenantId, (tx) => this.emailChannels.load(tx, channelId));
    if (!channel) throw AppError.notFound('Channel');
    if (!inboundSecretMatches(secret, channel.inboundSecretHash)) {
      this.logger.warn({ channelId, reason: 'secret_mismatch' }, 'Inbound Parse post rejected');
      throw new AppError(403, 'invalid_secret', 'The inbound parse URL is not valid for this channel');
    }
    authenticated.set(req, { tenantId: route.tenantId, channel });
    return true;
  }
}

/** What the guard proved for this request; a handler without the guard gets a 500, never a bypass. */
export function authenticatedInbound(req: FastifyRequest): AuthenticatedInbound {
  const found = authenticated.get(req);
  if (!found) throw new Error('Inbound Parse handler reached without InboundParseAuthGuard');
  return found;
}
