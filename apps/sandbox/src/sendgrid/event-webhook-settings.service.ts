import { Injectable } from '@nestjs/common';
import { sendGridError, sendGridErrors } from './sendgrid-api-error.js';

/** Event types the legacy Event Webhook settings switch on and off, as SendGrid names them. */
export const EVENT_FLAGS = [
  'bounce',
  'click',
  'deferred',
  'delivered',
  'dropped',
  'group_resubscribe',
  'group_unsubscribe',
  'open',
  'processed',
  'spam_report',
  'unsubscribe',
] as const;
export type EventFlag = (typeof EVENT_FLAGS)[number];

export type EventWebhookSettings = {
  enabled: boolean;
  url: string;
  oauth_client_id: string;
  oauth_token_url: string;
} & Record<EventFlag, boolean>;

interface AccountWebhook {
  settings: EventWebhookSettings;
  signed: boolean;
}

function defaultSettings(): EventWebhookSettings {
  // Every event type is on by default so a sandbox user only has to set `enabled` and `url`.
  const flags = Object.fromEntries(EVENT_FLAGS.map((flag) => [flag, true])) as Record<EventFlag, boolean>;
  return { enabled: false, url: '', oauth_client_id: '', oauth_token_url: '', ...flags };
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Event Webhook settings per API key: each key stands for one SendGrid account. */
@Injectable()
export class EventWebhookSettingsStore {
  private readonly accounts = new Map<string, AccountWebhook>();

  get(apiKey: string): EventWebhookSettings {
    return { ...this.account(apiKey).settings };
  }

  isSigned(apiKey: string): boolean {
    return this.account(apiKey).signed;
  }

  /** PATCH semantics: only the known fields given are changed. */
  update(apiKey: string, patch: unknown): EventWebhookSettings {
    const account = this.account(apiKey);
    const next = { ...account.settings };
    const body = typeof patch === 'object' && patch !== null ? (patch as Record<string, unknown>) : {};
    for (const flag of ['enabled', ...EVENT_FLAGS] as const) {
      const value = body[flag];
      if (value === undefined) continue;
      if (typeof value !== 'boolean')
        throw sendGridErrors.badRequest([sendGridError('must be a boolean', flag)]);
      next[flag] = value;
    }
    for (const field of ['url', 'oauth_client_id', 'oauth_token_url'] as const) {
      const value = body[field];
      if (value === undefined) continue;
      if (typeof value !== 'string')
        throw sendGridErrors.badRequest([sendGridError('must be a string', field)]);
      next[field] = value;
    }
    if (next.enabled && !isHttpUrl(next.url)) {
      throw sendGridErrors.badRequest([sendGridError('url must be a valid http or https URL', 'url')]);
    }
    account.settings = next;
    return { ...next };
  }

  setSigned(apiKey: string, enabled: unknown): void {
    if (typeof enabled !== 'boolean')
      throw sendGridErrors.badRequest([sendGridError('must be a boolean', 'enabled')]);
    this.account(apiKey).signed = enabled;
  }

  private account(apiKey: string): AccountWebhook {
    let account = this.accounts.get(apiKey);
    if (!account) {
      account = { settings: defaultSettings(), signed: false };
      this.accounts.set(apiKey, account);
    }
    return account;
  }
}
