import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MessageFields, type MessageFieldsSource, type SubmittedFields } from '@app/conversations';
import type { TenantTx } from '@app/database';
import { FormSubmissionRepository } from './form-submission.repository.js';

/** Shows a web form message's submitted fields on the staff messages page (read from form_submissions). */
@Injectable()
export class WebFormMessageFields implements MessageFieldsSource, OnModuleInit {
  readonly channel = 'webform' as const;

  constructor(
    private readonly registry: MessageFields,
    private readonly submissions: FormSubmissionRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  fieldsOf(tx: TenantTx, messageIds: string[]): Promise<Map<string, SubmittedFields>> {
    return this.submissions.fieldsOfMessages(tx, messageIds);
  }
}
