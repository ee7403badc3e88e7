import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobData, JobHandler } from '@app/jobs';
import { DispatchService } from './dispatch.service.js';

/** `delivery.sms`: one outbound SMS (reply, secure notice or consent request) to Twilio. */
@Injectable()
export class SmsDeliveryJob implements JobHandler<'delivery.sms'> {
  readonly job = 'delivery.sms' as const;
  constructor(private readonly dispatcher: DispatchService) {}

  handle(data: JobData<'delivery.sms'>, job: Job, token?: string): Promise<void> {
    return this.dispatcher.dispatch(data.tenantId, data.messageId, job, token);
  }
}

/** `delivery.email`: one outbound email to SendGrid. */
@Injectable()
export class EmailDeliveryJob implements JobHandler<'delivery.email'> {
  readonly job = 'delivery.email' as const;
  constructor(private readonly dispatcher: DispatchService) {}

  handle(data: JobData<'delivery.email'>, job: Job, token?: string): Promise<void> {
    return this.dispatcher.dispatch(data.tenantId, data.messageId, job, token);
  }
}
