import {
  applyDecorators,
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Logger,
  Options,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LIVE_STREAM_LIMITS, LiveStreamLimits, LiveSubscriptions } from '@app/conversations';
import { TenantDb } from '@app/database';
import {
  ApiContentResponse,
  ApiErrors,
  AppError,
  ApiZodBody,
  ApiZodQuery,
  ApiZodResponse,
  Public,
  ZodValidationPipe,
  hasMediaType,
  rateLimitAddress,
} from '@app/observability';
import { INTAKE_LIMITS } from '../webform/intake-limits.js';
import { IntakeRateLimiter, type RateLimit } from '../webform/intake-rate-limiter.js';
import { type PublicChannel, PublicChannels } from '../webform/public-channel.repository.js';
import { answerPreflight, applyCors } from '../webform/public-cors.js';
import {
  ApiAllowedOrigin,
  ApiCorsHeaders,
  ApiPreflight,
  ApiTooManyRequests,
} from '../webform/public-intake.openapi.js';
import { ChatLive, type ChatLiveEvent } from './chat-live.js';
import {
  chatMessageSchema,
  chatMessagesQuerySchema,
  chatVerificationConfirmSchema,
  chatVerificationSchema,
  createChatSessionSchema,
} from './chat-schemas.js';
import { CHAT_PRESENCE_REFRESH_MS, type ChatSession, ChatSessions, invalidSession } from './chat-sessions.js';
import { CHAT_ADDRESS_VERIFIER, type ChatAddressVerifier } from './chat-verification.js';
import {
  CHAT_MESSAGE_EXAMPLE,
  CHAT_SESSION_STARTED_EXAMPLE,
  type ChatMessageView,
  type ChatSessionStarted,
  chatCodeConfirmedSchema,
  chatCodeSentSchema,
  chatMessageViewSchema,
  chatMessagesPageSchema,
  chatSessionStartedSchema,
} from './chat-views.js';
import { PublicChatService } from './public-chat.service.js';

const validateSession = new ZodValidationPipe(createChatSessionSchema);
const validateMessage = new ZodValidationPipe(chatMessageSchema);
const validateQuery = new ZodValidationPipe(chatMessagesQuerySchema);
const validateVerification = new ZodValidationPipe(chatVerificationSchema);
const validateConfirmation = new ZodValidationPipe(chatVerificationConfirmSchema);

/** A key of another widget, or not a widget key at all, names no widget: 404. */
const WidgetKeyParam = () =>
  ApiParam({
    name: 'widgetKey',
    description: 'The widget’s public key (`data-widget-key`)',
    schema: { type: 'string', pattern: '^cw_[A-Za-z0-9_-]{32}$' },
  });

/** A malformed id names no session: 401 invalid_session like an unknown one. */
const SessionIdParam = () =>
  ApiParam({
    name: 'sessionId',
    description: 'The chat session’s id (`sessionId` from starting the chat)',
    schema: { type: 'string', format: 'uuid' },
  });

/**
 * The visitor's session token (`Authorization: Bearer <sessionToken>`, from starting the chat):
 * an HTTP bearer token, though not a staff one. A wrong or missing token, an unknown session or a
 * deleted widget is 401 invalid_session; a session idle past its expiry is 401 session_expired.
 */
const VisitorSession = () =>
  applyDecorators(ApiBearerAuth('chatSession'), ApiErrors({ 401: ['invalid_session', 'session_expired'] }));

/** What a visitor's POST may be refused with besides its own errors (see `visitorPost`). */
const VisitorPost = () =>
  applyDecorators(
    SessionIdParam(),
    VisitorSession(),
    ApiAllowedOrigin(true),
    ApiConsumes('application/json'),
    ApiErrors({ 415: ['unsupported_media_type'] }),
  );

/** A visitor's read: the Origin is optional (same-origin GETs omit it) but checked when present. */
const VisitorRead = () => applyDecorators(SessionIdParam(), VisitorSession(), ApiAllowedOrigin(false));

/** Website chat for visitors: a session token (Bearer) instead of a staff login; CORS per widget. */
@ApiTags('public intake')
@Public()
@Controller('v1/public/chat')
export class PublicChatController {
  private readonly logger = new Logger('PublicChat');

  constructor(
    private readonly channels: PublicChannels,
    private readonly sessions: ChatSessions,
    private readonly chat: PublicChatService,
    private readonly limiter: IntakeRateLimiter,
    private readonly live: LiveSubscriptions,
    private readonly chatLive: ChatLive,
    private readonly db: TenantDb,
    private readonly streamLimits: LiveStreamLimits,
    @Inject(CHAT_ADDRESS_VERIFIER) private readonly verifier: ChatAddressVerifier,
  ) {}

  @Options(':widgetKey/sessions')
  @ApiOperation({ summary: 'CORS preflight for starting a chat (allowed origins of the widget only)' })
  @WidgetKeyParam()
  @ApiPreflight('POST, OPTIONS')
  @ApiErrors({ 404: ['not_found'] })
  async sessionPreflight(
    @Param('widgetKey') widgetKey: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    answerPreflight(req, res, (await this.widget(widgetKey)).allowedOrigins, 'POST, OPTIONS');
  }

  @Post(':widgetKey/sessions')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Start a chat session; the token (shown once) authenticates the visitor',
    description:
      'A name, email or phone the visitor types is a claim (an address another contact holds is only ' +
      `recorded, flagged for staff). At most ${INTAKE_LIMITS.chatSessionPerIp.limit} sessions per client ` +
      `address every ${INTAKE_LIMITS.chatSessionPerIp.windowSeconds / 60} minutes per widget, and ` +
      `${INTAKE_LIMITS.chatSessionPerWidget.limit} a minute per widget.`,
  })
  @WidgetKeyParam()
  @ApiAllowedOrigin(true)
  @ApiConsumes('application/json')
  @ApiZodBody(createChatSessionSchema)
  @ApiZodResponse(201, chatSessionStartedSchema, {
    description: 'The session and its token',
    example: CHAT_SESSION_STARTED_EXAMPLE,
  })
  @ApiCorsHeaders(201)
  @ApiErrors({ 400: ['validation_failed'], 404: ['not_found'], 415: ['unsupported_media_type'] })
  @ApiTooManyRequests(['rate_limited'], 'rate_limited: too many chats from this address or on this widget')
  async start(
    @Param('widgetKey') widgetKey: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<ChatSessionStarted> {
    const widget = await this.widget(widgetKey);
    applyCors(req, res, widget.allowedOrigins);
    await this.limiter.hit(res, INTAKE_LIMITS.chatSessionPerIp, `${widget.id}:${rateLimitAddress(req.ip)}`);
    await this.limiter.hit(res, INTAKE_LIMITS.chatSessionPerWidget, widget.id);
    this.requireJson(req);
    res.header('Cache-Control', 'no-store');
    return this.chat.start(widget, validateSession.transform(body, { type: 'body' }));
  }

  @Options('sessions/:sessionId/:resource')
  @ApiOperation({
    summary: 'CORS preflight for a session (allowed origins of its widget only)',
    description: '`resource` is `messages`, `events` or `verification`.',
  })
  @SessionIdParam()
  @ApiParam({ name: 'resource', schema: { type: 'string', enum: ['messages', 'events', 'verification'] } })
  @ApiPreflight('GET, POST, OPTIONS')
  @ApiErrors({ 401: ['invalid_session'] })
  async sessionResourcePreflight(
    @Param('sessionId') sessionId: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    await this.answerSessionPreflight(sessionId, req, res, 'GET, POST, OPTIONS');
  }

  @Options('sessions/:sessionId/verification/confirm')
  @ApiOperation({ summary: 'CORS preflight for confirming a code (allowed origins of the widget only)' })
  @SessionIdParam()
  @ApiPreflight('POST, OPTIONS')
  @ApiErrors({ 401: ['invalid_session'] })
  async confirmPreflight(
    @Param('sessionId') sessionId: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    await this.answerSessionPreflight(sessionId, req, res, 'POST, OPTIONS');
  }

  @Post('sessions/:sessionId/verification')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Send a one-time code (Bearer sessionToken) to the phone or email the visitor typed, to prove it is theirs; ' +
      'the code text carries the practice name and the code only',
  })
  @VisitorPost()
  @ApiZodBody(chatVerificationSchema)
  @ApiZodResponse(202, chatCodeSentSchema, {
    description: 'The code is on its way',
    example: { sent: true, expiresInSeconds: 600 },
  })
  @ApiCorsHeaders(202)
  @ApiErrors({
    400: ['validation_failed'],
    409: ['recipient_opted_out', 'email_suppressed', 'concurrent_change'],
    422: ['no_claimed_address', 'no_sender_channel'],
    423: ['verification_locked'],
  })
  @ApiTooManyRequests(
    ['rate_limited'],
    `rate_limited: at most ${INTAKE_LIMITS.chatCodePerSession.limit} codes per chat and ` +
      `${INTAKE_LIMITS.chatCodePerIp.limit} per client address every ` +
      `${INTAKE_LIMITS.chatCodePerSession.windowSeconds / 60} minutes, and a few per address the code goes to ` +
      '(Retry-After on the first two; `details.retryAfterSeconds` on all)',
  )
  async requestCode(
    @Param('sessionId') sessionId: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<{ sent: true; expiresInSeconds: number }> {
    const session = await this.visitorPost(sessionId, req, res, (visitor) => [
      [INTAKE_LIMITS.chatCodePerSession, visitor.id],
      [INTAKE_LIMITS.chatCodePerIp, rateLimitAddress(req.ip)],
    ]);
    const { channel } = validateVerification.transform(body, { type: 'body' });
    const { expiresInSeconds } = await this.verifier.sendCode(session, channel);
    return { sent: true, expiresInSeconds };
  }

  @Post('sessions/:sessionId/verification/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Confirm the code (Bearer sessionToken): the visitor proved the address; a claim of a contact that holds ' +
      'it joins that contact, and the chat may receive its replies. Single use, 10 minutes; 5 wrong codes lock it',
  })
  @VisitorPost()
  @ApiZodBody(chatVerificationConfirmSchema)
  @ApiZodResponse(200, chatCodeConfirmedSchema, { description: 'Verified', example: { verified: true } })
  @ApiCorsHeaders(200)
  @ApiErrors({
    400: ['invalid_code', 'validation_failed'],
    409: ['concurrent_change'],
    423: ['verification_locked'],
  })
  @ApiTooManyRequests(['rate_limited'], 'rate_limited: too many confirmations from this client address')
  async confirmCode(
    @Param('sessionId') sessionId: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<{ verified: true }> {
    const session = await this.visitorPost(sessionId, req, res, () => [
      [INTAKE_LIMITS.chatCodeConfirmPerIp, rateLimitAddress(req.ip)],
    ]);
    const { code } = validateConfirmation.transform(body, { type: 'body' });
    res.header('Cache-Control', 'no-store');
    await this.verifier.confirm(session, code);
    return { verified: true };
  }

  @Post('sessions/:sessionId/messages')
  @HttpCode(201)
  @ApiOperation({ summary: 'Visitor message (Bearer sessionToken); lands in the inbox as channel chat' })
  @VisitorPost()
  @ApiZodBody(chatMessageSchema)
  @ApiZodResponse(201, chatMessageViewSchema, {
    description: 'The stored message',
    example: CHAT_MESSAGE_EXAMPLE,
  })
  @ApiCorsHeaders(201)
  @ApiErrors({ 400: ['validation_failed'] })
  @ApiTooManyRequests(
    ['rate_limited'],
    `rate_limited: at most ${INTAKE_LIMITS.chatMessagePerSession.limit} messages a minute per chat`,
  )
  async send(
    @Param('sessionId') sessionId: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<ChatMessageView> {
    const session = await this.visitorPost(sessionId, req, res, (visitor) => [
      [INTAKE_LIMITS.chatMessagePerSession, visitor.id],
    ]);
    const input = validateMessage.transform(body, { type: 'body' });
    return this.chat.send(session, input.body);
  }

  @Get('sessions/:sessionId/messages')
  @ApiOperation({
    summary: 'The session’s messages in order, after the given message id (Bearer sessionToken)',
  })
  @VisitorRead()
  @ApiZodQuery(chatMessagesQuerySchema)
  @ApiZodResponse(200, chatMessagesPageSchema, {
    description: 'The messages, oldest first (at most 100: ask again with the last one’s id as `after`)',
    example: { data: [CHAT_MESSAGE_EXAMPLE] },
  })
  @ApiCorsHeaders(200)
  async list(
    @Param('sessionId') sessionId: string,
    @Query() query: unknown,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<{ data: ChatMessageView[] }> {
    const session = await this.authenticate(sessionId, req, res, { requireOrigin: false });
    const { after } = validateQuery.transform(query, { type: 'query' });
    res.header('Cache-Control', 'no-store');
    return { data: await this.chat.list(session, after) };
  }

  @Get('sessions/:sessionId/events')
  @ApiOperation({
    summary:
      'SSE: staff replies (and the visitor’s own messages) as they are stored (Bearer sessionToken); ' +
      'ends at the session’s idle expiry',
  })
  @VisitorRead()
  @ApiContentResponse(200, {
    mediaType: 'text/event-stream',
    description:
      'Server-sent events: `ready` once (data `{}`), then `message` events (id and data: a chat message ' +
      '`{id, direction, body, createdAt}`); comment lines as heartbeats. Ends at the session’s idle expiry.',
    example:
      'event: ready\ndata: {}\n\n' +
      `id: ${CHAT_MESSAGE_EXAMPLE.id}\nevent: message\ndata: ${JSON.stringify(CHAT_MESSAGE_EXAMPLE)}\n\n`,
  })
  @ApiTooManyRequests(
    ['too_many_streams'],
    `too_many_streams: at most ${LIVE_STREAM_LIMITS.perChatSession} open per session, ` +
      `${LIVE_STREAM_LIMITS.perChatAddress} per client address`,
  )
  async events(
    @Param('sessionId') sessionId: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const session = await this.authenticate(sessionId, req, res, { requireOrigin: false });
    const expiresAt = await this.chat.touch(session);
    const slot = await this.streamLimits.acquire(res, [
      { scope: 'chat-session', subject: session.id, limit: LIVE_STREAM_LIMITS.perChatSession },
      { scope: 'chat-address', subject: rateLimitAddress(req.ip), limit: LIVE_STREAM_LIMITS.perChatAddress },
    ]);
    const stream = slot.open(req, res, { closeAt: expiresAt.getTime() });
    let unsubscribe: () => void;
    try {
      unsubscribe = await this.live.subscribe(this.chatLive.channelOf(session.id), (payload) => {
        const { messageId } = JSON.parse(payload) as ChatLiveEvent;
        this.chat
          .one(session, messageId)
          .then(async (message) => {
            if (!message) return;
            stream.send({ id: message.id, event: 'message', data: message });
            await this.chat.streamed(session, message);
          })
          .catch((err: Error) => {
            this.logger.warn({ sessionId: session.id, err: { name: err.name } }, 'Chat event not delivered');
            stream.close();
          });
      });
    } catch (err) {
      // The answer has started: end it (the widget reconnects) rather than hold a silent stream.
      this.logger.warn(
        { sessionId: session.id, err: { name: (err as Error).name } },
        'Chat stream not subscribed',
      );
      stream.close();
      return;
    }
    // An open stream is presence: it keeps the session seen, so staff replies come here.
    const presence = setInterval(() => {
      this.chat.touch(session).catch((err: Error) => {
        this.logger.warn({ sessionId: session.id, err: { name: err.name } }, 'Chat presence not recorded');
      });
    }, CHAT_PRESENCE_REFRESH_MS);
    const forget = this.live.closeOnShutdown(() => stream.close());
    stream.onClose(() => {
      clearInterval(presence);
      unsubscribe();
      forget();
    });
    stream.send({ event: 'ready', data: {} });
  }

  private async authenticate(
    sessionId: string,
    req: FastifyRequest,
    res: FastifyReply,
    opts: { requireOrigin: boolean },
  ): Promise<ChatSession> {
    const routed = await this.sessions.route(sessionId);
    if (!routed) throw invalidSession();
    applyCors(req, res, (await this.widgetOf(routed)).allowedOrigins, opts);
    return this.sessions.verify(routed, req.headers.authorization);
  }

  /** A visitor's POST: the session (from its widget's origin), then its rate limits, then a JSON body. */
  private async visitorPost(
    sessionId: string,
    req: FastifyRequest,
    res: FastifyReply,
    limitsOf: (session: ChatSession) => Array<[RateLimit, string]>,
  ): Promise<ChatSession> {
    const session = await this.authenticate(sessionId, req, res, { requireOrigin: true });
    for (const [limit, subject] of limitsOf(session)) await this.limiter.hit(res, limit, subject);
    this.requireJson(req);
    return session;
  }

  private async answerSessionPreflight(
    sessionId: string,
    req: FastifyRequest,
    res: FastifyReply,
    methods: string,
  ): Promise<void> {
    const routed = await this.sessions.route(sessionId);
    if (!routed) throw invalidSession();
    answerPreflight(req, res, (await this.widgetOf(routed)).allowedOrigins, methods);
  }

  private async widget(widgetKey: string): Promise<PublicChannel> {
    const widget = await this.channels.resolve(widgetKey, 'chat');
    if (!widget) throw AppError.notFound('Chat widget');
    return widget;
  }

  /** The session's widget; a deleted widget ends its sessions. */
  private async widgetOf(session: { tenantId: string; channelId: string }): Promise<PublicChannel> {
    const widget = await this.db.forTenant(session.tenantId, (tx) =>
      this.channels.byId(tx, session.channelId),
    );
    if (!widget) throw invalidSession();
    return widget;
  }

  private requireJson(req: FastifyRequest): void {
    if (!hasMediaType(req, 'application/json'))
      throw new AppError(415, 'unsupported_media_type', 'Send the request as application/json');
  }
}
