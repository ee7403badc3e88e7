import { Body, Controller, HttpCode, Options, Param, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiErrors,
  ApiZodBody,
  ApiZodResponse,
  AppError,
  hasMediaType,
  Public,
  rateLimitAddress,
  ZodValidationPipe,
} from '@app/observability';
import { type FormSubmission, formSubmissionSchema, isHoneypotFilled } from './form-submission.schema.js';
import { FormSubmissionsService } from './form-submissions.service.js';
import { INTAKE_LIMITS } from './intake-limits.js';
import { IntakeRateLimiter } from './intake-rate-limiter.js';
import { type PublicChannel, PublicChannels } from './public-channel.repository.js';
import { answerPreflight, applyCors } from './public-cors.js';
import {
  ApiAllowedOrigin,
  ApiCorsHeaders,
  ApiPreflight,
  ApiTooManyRequests,
} from './public-intake.openapi.js';

const validate = new ZodValidationPipe(formSubmissionSchema);

/** The one answer of a submission, stored or not (a bot that filled the honeypot gets it too). */
const receivedSchema = z.object({ received: z.literal(true) });

/** A key of another form, or not a form key at all, names no form: 404. */
const FormKeyParam = () =>
  ApiParam({
    name: 'formKey',
    description: 'The form’s public key (`formKey` of its channel)',
    schema: { type: 'string', pattern: '^wf_[A-Za-z0-9_-]{32}$' },
  });

/** Web form intake from the practice's websites: CORS per form, rate limited, honeypot, consent boxes. */
@ApiTags('public intake')
@Public()
@Controller('v1/public/forms')
export class PublicFormsController {
  constructor(
    private readonly channels: PublicChannels,
    private readonly submissions: FormSubmissionsService,
    private readonly limiter: IntakeRateLimiter,
  ) {}

  @Options(':formKey/submissions')
  @ApiOperation({ summary: 'CORS preflight: allowed only for the form’s allowed origins' })
  @FormKeyParam()
  @ApiPreflight('POST, OPTIONS')
  @ApiErrors({ 404: ['not_found'] })
  async preflight(
    @Param('formKey') formKey: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    answerPreflight(req, res, (await this.form(formKey)).allowedOrigins, 'POST, OPTIONS');
  }

  @Post(':formKey/submissions')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Submit a web form: a new lead contact and its conversation (an address another contact holds is kept as ' +
      'an unproven claim, flagged for staff). A ticked consent box sends a consent request to that address; ' +
      'consent is granted only by the answer from it. JSON only; the hidden honeypot field `website` must stay empty.',
    description:
      `At most ${INTAKE_LIMITS.formPerIp.limit} submissions per client address every ` +
      `${INTAKE_LIMITS.formPerIp.windowSeconds / 60} minutes per form, and ${INTAKE_LIMITS.formPerForm.limit} ` +
      `a minute per form. A submission whose honeypot is filled gets the same answer and stores nothing.`,
  })
  @FormKeyParam()
  @ApiAllowedOrigin(true)
  @ApiConsumes('application/json')
  @ApiZodBody(formSubmissionSchema)
  @ApiZodResponse(202, receivedSchema, {
    description: 'Received (a new lead, or the same answer for a bot)',
    example: { received: true },
  })
  @ApiCorsHeaders(202)
  @ApiErrors({ 400: ['validation_failed'], 404: ['not_found'], 415: ['unsupported_media_type'] })
  @ApiTooManyRequests(
    ['rate_limited'],
    'rate_limited: too many submissions from this address or to this form',
  )
  async submit(
    @Param('formKey') formKey: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<z.output<typeof receivedSchema>> {
    const form = await this.form(formKey);
    applyCors(req, res, form.allowedOrigins);
    await this.limiter.hit(res, INTAKE_LIMITS.formPerIp, `${form.id}:${rateLimitAddress(req.ip)}`);
    await this.limiter.hit(res, INTAKE_LIMITS.formPerForm, form.id);
    if (!hasMediaType(req, 'application/json'))
      throw new AppError(415, 'unsupported_media_type', 'Send the submission as application/json');
    // A bot that filled the honeypot gets the same answer as a person, and nothing is stored.
    if (isHoneypotFilled(body)) return { received: true };
    const input: FormSubmission = validate.transform(body, { type: 'body' });
    await this.submissions.submit(form, input, { ip: req.ip, userAgent: req.headers['user-agent'] });
    return { received: true };
  }

  private async form(formKey: string): Promise<PublicChannel> {
    const form = await this.channels.resolve(formKey, 'webform');
    if (!form) throw AppError.notFound('Form');
    return form;
  }
}
