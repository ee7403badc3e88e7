import { BadGatewayException, Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { requestOrigin } from '../common/request-origin.js';
import type { WebhookAnswer } from '../common/webhook-sender.service.js';
import { ZodBody } from '../common/zod-body.pipe.js';
import { SendGridInboundSimulator } from './sendgrid-inbound-simulator.service.js';
import {
  type SendGridInboundInput,
  sendGridInboundSchema,
  type TwilioInboundInput,
  twilioInboundSchema,
} from './simulation-schemas.js';
import { type InboundSmsResult, TwilioInboundSimulator } from './twilio-inbound-simulator.service.js';

/** Incoming traffic on demand: the sandbox plays the provider calling the app's webhooks. */
@Controller('sandbox')
export class SimulateController {
  constructor(
    private readonly twilioInbound: TwilioInboundSimulator,
    private readonly sendGridInbound: SendGridInboundSimulator,
  ) {}

  /** Answers `{status, contentType, body, messageSid, params}`: what the target answered and what was posted. */
  @Post('twilio/inbound')
  @HttpCode(200)
  twilio(
    @Body(new ZodBody(twilioInboundSchema)) input: TwilioInboundInput,
    @Req() request: Request,
  ): Promise<InboundSmsResult> {
    return reachTarget(this.twilioInbound.send(input, requestOrigin(request)));
  }

  /** Answers `{status, contentType, body}` of the Inbound Parse target. */
  @Post('sendgrid/inbound')
  @HttpCode(200)
  sendGrid(@Body(new ZodBody(sendGridInboundSchema)) input: SendGridInboundInput): Promise<WebhookAnswer> {
    return reachTarget(this.sendGridInbound.send(input));
  }
}

/** A target that cannot be reached is the caller's problem to see: 502 with the reason. */
async function reachTarget<T>(posting: Promise<T>): Promise<T> {
  try {
    return await posting;
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
    throw new BadGatewayException({
      error: { code: 'webhook_unreachable', message: `The webhook target could not be reached${cause}.` },
    });
  }
}
