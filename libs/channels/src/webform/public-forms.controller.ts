import { Body, Controller, HttpCode, Options, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiZodBody,
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

const validate = new ZodValidationPipe(formSubmissionSchema);

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
  @ApiResponse({ status: 204, description: 'Allowed origin' })
  @ApiResponse({ status: 403, description: 'origin_not_allowed (no CORS headers)' })
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
  })
  @ApiZodBody(formSubmissionSchema)
  @ApiResponse({ status: 202, description: '{received: true}' })
  @ApiResponse({ status: 400, description: 'validation_failed' })
  @ApiResponse({ status: 403, description: 'origin_not_allowed' })
  @ApiResponse({ status: 404, description: 'unknown form' })
  @ApiResponse({ status: 415, description: 'unsupported_media_type' })
  @ApiResponse({ status: 429, description: 'rate_limited (Retry-After)' })
  async submit(
    @Param('formKey') formKey: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<{ received: true }> {
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
