import { randomUUID } from 'node:crypto';
import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { TenantDb, type TenantTx, isUuid } from '@app/database';
import { contentDisposition } from '@app/conversations';
import { Public, rateLimitAddress, requestContext } from '@app/observability';
import { LinkRoutes } from '../link-routes.js';
import { errorPage, lockedPage, neutralPage, threadPage, verifyPage } from '../pages.js';
import { PortalSessions, SESSION_COOKIE } from '../portal-sessions.js';
import { type PracticeBranding, practiceBranding } from '../practice-branding.js';
import { PORTAL_LIMITS, PortalRateLimits } from '../rate-limits.js';
import { type SecureLink, SecureLinks } from '../secure-links.js';
import { SecureThread } from '../secure-thread.js';
import {
  ATTACHMENT_MEDIA_TYPES,
  ApiFormBody,
  ApiFormGuards,
  ApiLinkToken,
  ApiNeutralPage,
  ApiPage,
  ApiPortalCookies,
  PUBLIC_PAGE,
  ApiSeeOther,
  csrfField,
} from './page-docs.js';
import { PageResponder, readCookie } from './page-response.js';

const verifySchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/)
    .meta({ description: 'The 6-digit one-time code sent to the address the link went to' }),
  dateOfBirth: z.iso
    .date()
    .optional()
    .meta({ description: 'YYYY-MM-DD; required when the practice asks for it (the page shows the field)' }),
});
const replySchema = z.object({
  body: z.string().trim().min(1).max(5000),
  submissionId: z.uuid().meta({
    description: 'Rendered into the reply form: the same reply posted twice (a double click) is stored once',
  }),
});
/** Forms whose only field is the CSRF token. */
const csrfOnlyForm = z.object({ csrf: csrfField });

type Found = { tenantId: string; linkId: string } | null;
/** Pages are sent only after their transaction commits (a redirect must find what it wrote). */
type Respond = () => void;

/**
 * The secure message pages (`/s/:token`): identity check (one-time code to the address the link
 * went to, optional date of birth), then the contact's thread, reply and attachments. HTML, no
 * JavaScript; every form post checks CSRF; unknown, expired and retracted links look the same.
 */
@ApiTags('patient pages')
@ApiLinkToken('secure message')
@ApiPortalCookies({ session: true })
@Public()
@Controller('s/:token')
export class SecureMessageController {
  constructor(
    private readonly routes: LinkRoutes,
    private readonly db: TenantDb,
    private readonly links: SecureLinks,
    private readonly thread: SecureThread,
    private readonly sessions: PortalSessions,
    private readonly limits: PortalRateLimits,
    private readonly page: PageResponder,
  ) {}

  @Get()
  @ApiOperation({
    ...PUBLIC_PAGE,
    summary: 'Secure message page: the identity check, or the thread once verified',
    description:
      'Without a verified session (the portal_session cookie for this link): the identity check (ask for a ' +
      'code, enter it, and the date of birth when the practice requires it). With one: the thread, a reply ' +
      'form and the attachments. Opening never sends or changes anything (mail scanners open links).',
  })
  @ApiQuery({
    name: 'notice',
    required: false,
    description:
      'After a redirect: `code` (a code was sent) or `replied` (the reply was sent); others are ignored',
    schema: { type: 'string', enum: ['code', 'replied'] },
  })
  @ApiPage(200, 'The identity check page, or the thread')
  @ApiPage(403, 'The link is locked after too many failed identity checks (the practice was told)')
  @ApiNeutralPage()
  async open(
    @Param('token') token: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const found = await this.find(token);
    if (!found) return this.neutral(req, res);
    const verified = await this.verifiedSession(req, found);
    const notice =
      typeof (req.query as Record<string, unknown>).notice === 'string'
        ? (req.query as Record<string, unknown>).notice
        : null;
    const respond = await this.db.forTenant(found.tenantId, async (tx): Promise<Respond> => {
      const link = await this.links.load(tx, found.linkId);
      if (!link || link.state === 'dead') return () => this.neutral(req, res);
      this.asPatient(link);
      const branding = await practiceBranding(tx);
      this.links.opened(tx, link, verified !== null);
      if (link.state === 'locked')
        return () => this.page.render(req, res, 403, (f) => lockedPage(f), branding);
      if (verified) {
        const messages = await this.thread.view(tx, link);
        return () =>
          this.page.render(
            req,
            res,
            200,
            (f) =>
              threadPage(f, {
                token,
                csrf: f.csrf,
                messages,
                submissionId: randomUUID(),
                notice: notice === 'replied' ? 'Your reply was sent.' : null,
              }),
            branding,
          );
      }
      return this.renderVerify(req, res, tx, token, link, branding, 200, {
        error: null,
        notice: notice === 'code' ? 'We sent you a code. It is valid for 10 minutes.' : null,
      });
    });
    respond();
  }

  @Post('code')
  @ApiOperation({
    ...PUBLIC_PAGE,
    summary: 'Send a one-time code to the address the link went to',
    description: 'At most 3 codes per link in 15 minutes (429 beyond); a new code replaces the last.',
  })
  @ApiFormBody(csrfOnlyForm)
  @ApiSeeOther('The code is on its way: back to the page with a notice', '/s/{token}?notice=code')
  @ApiFormGuards('The CSRF pair does not match ("This form expired" page), or the link is locked')
  @ApiNeutralPage()
  async sendCode(
    @Param('token') token: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const found = await this.guardPost(token, req, res);
    if (!found) return;
    if (!(await this.limits.allow('code', found.linkId, PORTAL_LIMITS.codesPerLink)))
      return this.page.tooMany(req, res);
    const respond = await this.db.forTenant(found.tenantId, async (tx): Promise<Respond> => {
      const link = await this.links.load(tx, found.linkId, true);
      if (!link || link.state === 'dead') return () => this.neutral(req, res);
      this.asPatient(link);
      const branding = await practiceBranding(tx);
      if (link.state === 'locked')
        return () => this.page.render(req, res, 403, (f) => lockedPage(f), branding);
      await this.links.sendCode(tx, link);
      return () => res.redirect(`/s/${token}?notice=code`, 303);
    });
    respond();
  }

  @Post('verify')
  @ApiOperation({
    ...PUBLIC_PAGE,
    summary: 'Check the code (and the date of birth when asked); a match opens the thread',
    description:
      'A match starts a session (portal_session cookie, path /s/, ended after 15 minutes idle) and redirects to ' +
      'the thread. A few failed tries lock the link (403 page) and tell the practice.',
  })
  @ApiFormBody(verifySchema.extend({ csrf: csrfField }))
  @ApiSeeOther(
    'Verified: to the thread',
    '/s/{token}',
    'portal_session (HttpOnly, SameSite=Strict, Secure over HTTPS, path /s/): the verified session',
  )
  @ApiPage(
    400,
    'The identity check page again: the fields are not a 6-digit code (and a date), or no code is live',
  )
  @ApiPage(
    422,
    'The identity check page again: the code or the date of birth did not match (tries left shown)',
  )
  @ApiFormGuards('The CSRF pair does not match ("This form expired" page), or the link is locked')
  @ApiNeutralPage()
  async verify(
    @Param('token') token: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const found = await this.guardPost(token, req, res);
    if (!found) return;
    const input = verifySchema.safeParse((req.body as unknown) ?? {});
    const outcome = await this.db.forTenant(
      found.tenantId,
      async (tx): Promise<Respond | { tenantId: string; linkId: string; contactId: string }> => {
        const link = await this.links.load(tx, found.linkId, true);
        if (!link || link.state === 'dead') return () => this.neutral(req, res);
        this.asPatient(link);
        const branding = await practiceBranding(tx);
        if (!input.success)
          return this.renderVerify(req, res, tx, token, link, branding, 400, {
            error: 'Enter the 6-digit code (and date of birth, if asked) exactly as shown.',
            notice: null,
          });
        const result = await this.links.verify(tx, link, {
          code: input.data.code,
          dateOfBirth: input.data.dateOfBirth ?? null,
          requireDateOfBirth: branding.requireDateOfBirth,
        });
        if (result.kind === 'locked')
          return () => this.page.render(req, res, 403, (f) => lockedPage(f), branding);
        if (result.kind === 'no_code')
          return this.renderVerify(req, res, tx, token, link, branding, 400, {
            error: 'Your code has expired or was not sent yet. Please ask for a new code.',
            notice: null,
          });
        if (result.kind === 'failed')
          return this.renderVerify(req, res, tx, token, link, branding, 422, {
            error: `That did not match. You have ${result.remaining} ${result.remaining === 1 ? 'try' : 'tries'} left.`,
            notice: null,
          });
        return { tenantId: found.tenantId, linkId: link.id, contactId: link.contactId };
      },
    );
    if (typeof outcome === 'function') return outcome();
    const session = outcome;
    this.page.startSession(res, await this.sessions.create(session));
    res.redirect(`/s/${token}`, 303);
  }

  @Post('reply')
  @ApiOperation({
    ...PUBLIC_PAGE,
    summary: "The patient's reply, into the practice's inbox (verified session only)",
  })
  @ApiFormBody(replySchema.extend({ csrf: csrfField }))
  @ApiSeeOther(
    'Sent: back to the thread with a notice; without a verified session, to the identity check',
    '/s/{token}?notice=replied, or /s/{token} without a session',
  )
  @ApiPage(400, '"Reply not sent": the reply is empty or longer than 5000 characters')
  @ApiFormGuards()
  @ApiNeutralPage()
  async reply(
    @Param('token') token: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const found = await this.guardPost(token, req, res);
    if (!found) return;
    const session = await this.verifiedSession(req, found);
    if (!session) return res.redirect(`/s/${token}`, 303);
    const input = replySchema.safeParse((req.body as unknown) ?? {});
    const respond = await this.db.forTenant(found.tenantId, async (tx): Promise<Respond> => {
      const link = await this.links.load(tx, found.linkId);
      if (!link || link.state !== 'usable') return () => this.neutral(req, res);
      this.asPatient(link);
      const branding = await practiceBranding(tx);
      if (!input.success)
        return () =>
          this.page.render(
            req,
            res,
            400,
            (f) =>
              errorPage(
                f,
                'Reply not sent',
                'Please write a reply of at most 5000 characters and try again.',
              ),
            branding,
          );
      await this.thread.reply(tx, link, input.data.body, input.data.submissionId);
      return () => res.redirect(`/s/${token}?notice=replied`, 303);
    });
    respond();
  }

  @Get('attachments/:id')
  @ApiOperation({
    ...PUBLIC_PAGE,
    summary: 'Download an attachment of a message in the thread (verified session only)',
    description: 'Anything else (no session, another thread, a malformed id) answers the neutral page.',
  })
  @ApiParam({ name: 'id', description: 'Attachment id', schema: { type: 'string', format: 'uuid' } })
  @ApiResponse({
    status: 200,
    description: 'The file, as a download, in the type it was received as',
    headers: {
      'Content-Disposition': {
        description:
          'attachment (never shown inline); filename="<ASCII fallback>"; filename*=UTF-8\'\'<the file name, percent-encoded>',
        schema: { type: 'string' },
      },
      'Cache-Control': { description: 'no-store', schema: { type: 'string' } },
      'X-Content-Type-Options': { description: 'nosniff', schema: { type: 'string' } },
    },
    content: Object.fromEntries(
      ATTACHMENT_MEDIA_TYPES.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]),
    ),
  })
  @ApiNeutralPage()
  async attachment(
    @Param('token') token: string,
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const found = await this.find(token);
    const session = found ? await this.verifiedSession(req, found) : null;
    if (!found || !session || !isUuid(id)) return this.neutral(req, res);
    const respond = await this.db.forTenant(found.tenantId, async (tx): Promise<Respond> => {
      const link = await this.links.load(tx, found.linkId);
      if (!link || link.state !== 'usable') return () => this.neutral(req, res);
      this.asPatient(link);
      const file = await this.thread.attachment(tx, link, id);
      if (!file) return () => this.neutral(req, res);
      return () => {
        this.page.prepare(req, res);
        res.header('Content-Disposition', contentDisposition(file.fileName));
        res.header('X-Content-Type-Options', 'nosniff');
        res.status(200).type(file.contentType).send(file.content);
      };
    });
    respond();
  }

  @Post('logout')
  @ApiOperation({
    ...PUBLIC_PAGE,
    summary: 'End the verified session',
  })
  @ApiFormBody(csrfOnlyForm)
  @ApiSeeOther('Signed out: to the identity check', '/s/{token}', 'portal_session, expired (cleared)')
  @ApiFormGuards()
  @ApiNeutralPage()
  async logout(
    @Param('token') token: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const found = await this.guardPost(token, req, res);
    if (!found) return;
    await this.sessions.end(readCookie(req, SESSION_COOKIE));
    this.page.endSession(res);
    res.redirect(`/s/${token}`, 303);
  }

  private async find(token: string): Promise<Found> {
    const route = await this.routes.find('secure_links', token);
    return route ? { tenantId: route.tenantId, linkId: route.id } : null;
  }

  private async verifiedSession(req: FastifyRequest, found: NonNullable<Found>) {
    const session = await this.sessions.touch(readCookie(req, SESSION_COOKIE));
    return session?.tenantId === found.tenantId && session.linkId === found.linkId ? session : null;
  }

  /** Every form post: CSRF (403), the per-address and per-link limits (429), then the link. */
  private async guardPost(token: string, req: FastifyRequest, res: FastifyReply): Promise<Found> {
    if (!this.page.csrfChecked(req, res)) return null;
    if (!(await this.limits.allow('ip', rateLimitAddress(req.ip), PORTAL_LIMITS.postsPerIp))) {
      this.page.tooMany(req, res);
      return null;
    }
    const found = await this.find(token);
    if (!found) {
      this.neutral(req, res);
      return null;
    }
    if (!(await this.limits.allow('link', found.linkId, PORTAL_LIMITS.postsPerLink))) {
      this.page.tooMany(req, res);
      return null;
    }
    return found;
  }

  private async renderVerify(
    req: FastifyRequest,
    res: FastifyReply,
    tx: TenantTx,
    token: string,
    link: SecureLink,
    branding: PracticeBranding,
    status: number,
    text: { error: string | null; notice: string | null },
  ): Promise<Respond> {
    const codeSent = await this.links.hasLiveCode(tx, link);
    const needsDateOfBirth =
      (await this.links.expectedDateOfBirth(tx, link, branding.requireDateOfBirth)) !== null;
    return () =>
      this.page.render(
        req,
        res,
        status,
        (f) =>
          verifyPage(f, { token, csrf: f.csrf, channel: link.channel, codeSent, needsDateOfBirth, ...text }),
        branding,
      );
  }

  /** Audit events of this request name the contact the link was sent to (verified or claimed). */
  private asPatient(link: SecureLink): void {
    requestContext.assign({ actor: { type: 'patient', id: link.contactId } });
  }

  private neutral(req: FastifyRequest, res: FastifyReply): void {
    this.page.render(req, res, 404, (f) => neutralPage(f), null);
  }
}
