import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { TenantDb } from '@app/database';
import { Public, rateLimitAddress } from '@app/observability';
import { ConsentPages } from '../consent-pages.js';
import { LinkRoutes } from '../link-routes.js';
import { consentPage, errorPage, neutralPage, unsubscribePage } from '../pages.js';
import { practiceBranding } from '../practice-branding.js';
import { PORTAL_LIMITS, PortalRateLimits } from '../rate-limits.js';
import {
  ApiFormBody,
  ApiFormGuards,
  ApiLinkToken,
  ApiNeutralPage,
  ApiPage,
  ApiPortalCookies,
  PUBLIC_PAGE,
  csrfField,
} from './page-docs.js';
import { PageResponder } from './page-response.js';

const answerSchema = z.object({
  decision: z.enum(['accept', 'decline']).meta({ description: 'The button pressed' }),
});
const csrfOnlyForm = z.object({ csrf: csrfField });
type Respond = () => void;

/**
 * `/c/:token`: the consent request page (the exact disclosure version, Accept / Decline).
 * `/u/:token`: "stop unencrypted email" from a plain PHI email. GET never changes anything (mail
 * scanners open links); the answer is a CSRF-checked form post.
 */
@ApiTags('patient pages')
@ApiPortalCookies({ session: false })
@Public()
@Controller()
export class ConsentPagesController {
  constructor(
    private readonly routes: LinkRoutes,
    private readonly db: TenantDb,
    private readonly consent: ConsentPages,
    private readonly limits: PortalRateLimits,
    private readonly page: PageResponder,
  ) {}

  @Get('c/:token')
  @ApiLinkToken('consent request')
  @ApiOperation({
    ...PUBLIC_PAGE,
    summary: 'Consent request page: the exact disclosure, Accept / Decline',
    description: 'Opening changes nothing (mail scanners open links); an answered request shows its answer.',
  })
  @ApiPage(200, 'The disclosure with Accept and Decline, or the answer already given')
  @ApiNeutralPage()
  async consentForm(
    @Param('token') token: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const route = await this.routes.find('consent_requests', token);
    if (!route) return this.neutral(req, res);
    const respond = await this.db.forTenant(route.tenantId, async (tx): Promise<Respond> => {
      const request = await this.consent.request(tx, route.id);
      if (!request || request.state === 'dead') return () => this.neutral(req, res);
      this.consent.opened(tx, request);
      const branding = await practiceBranding(tx);
      return () =>
        this.page.render(req, res, 200, (f) => consentPage(f, { token, csrf: f.csrf, request }), branding);
    });
    respond();
  }

  @Post('c/:token')
  @ApiLinkToken('consent request')
  @ApiOperation({
    ...PUBLIC_PAGE,
    summary: 'Answer a consent request (recorded in the consent ledger with the disclosure shown)',
  })
  @ApiFormBody(answerSchema.extend({ csrf: csrfField }))
  @ApiPage(200, '"Thank you": the answer is recorded')
  @ApiPage(400, '"Please choose": the decision is neither accept nor decline')
  @ApiFormGuards()
  @ApiNeutralPage()
  async consentAnswer(
    @Param('token') token: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    if (!(await this.guardPost(req, res))) return;
    const route = await this.routes.find('consent_requests', token);
    if (!route) return this.neutral(req, res);
    const input = answerSchema.safeParse((req.body as unknown) ?? {});
    const respond = await this.db.forTenant(route.tenantId, async (tx): Promise<Respond> => {
      const branding = await practiceBranding(tx);
      if (!input.success)
        return () =>
          this.page.render(
            req,
            res,
            400,
            (f) => errorPage(f, 'Please choose', 'Choose Accept or Decline.'),
            branding,
          );
      const request = await this.consent.answer(
        tx,
        route.id,
        input.data.decision === 'accept' ? 'granted' : 'declined',
      );
      if (!request || request.state === 'dead') return () => this.neutral(req, res);
      return () =>
        this.page.render(req, res, 200, (f) => consentPage(f, { token, csrf: f.csrf, request }), branding);
    });
    respond();
  }

  @Get('u/:token')
  @ApiLinkToken('unsubscribe')
  @ApiOperation({
    ...PUBLIC_PAGE,
    summary: '"Stop unencrypted email" page, linked from a plain email with health information',
    description: 'Opening changes nothing (mail scanners open links); the confirmation is a form post.',
  })
  @ApiPage(200, 'The confirmation form')
  @ApiNeutralPage()
  async unsubscribeForm(
    @Param('token') token: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const route = await this.routes.find('unsubscribe_links', token);
    if (!route) return this.neutral(req, res);
    const branding = await this.db.forTenant(route.tenantId, (tx) => practiceBranding(tx));
    this.page.render(
      req,
      res,
      200,
      (f) => unsubscribePage(f, { token, csrf: f.csrf, done: false }),
      branding,
    );
  }

  @Post('u/:token')
  @ApiLinkToken('unsubscribe')
  @ApiOperation({
    ...PUBLIC_PAGE,
    summary: 'Stop unencrypted email to this address: later messages go as secure messages',
  })
  @ApiFormBody(csrfOnlyForm)
  @ApiPage(200, '"Done": unencrypted email to this address is stopped')
  @ApiFormGuards()
  @ApiNeutralPage()
  async unsubscribe(
    @Param('token') token: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    if (!(await this.guardPost(req, res))) return;
    const route = await this.routes.find('unsubscribe_links', token);
    if (!route) return this.neutral(req, res);
    const respond = await this.db.forTenant(route.tenantId, async (tx): Promise<Respond> => {
      if (!(await this.consent.unsubscribe(tx, route.id))) return () => this.neutral(req, res);
      const branding = await practiceBranding(tx);
      return () =>
        this.page.render(
          req,
          res,
          200,
          (f) => unsubscribePage(f, { token, csrf: f.csrf, done: true }),
          branding,
        );
    });
    respond();
  }

  private async guardPost(req: FastifyRequest, res: FastifyReply): Promise<boolean> {
    if (!this.page.csrfChecked(req, res)) return false;
    if (await this.limits.allow('ip', rateLimitAddress(req.ip), PORTAL_LIMITS.postsPerIp)) return true;
    this.page.tooMany(req, res);
    return false;
  }

  private neutral(req: FastifyRequest, res: FastifyReply): void {
    this.page.render(req, res, 404, (f) => neutralPage(f), null);
  }
}
