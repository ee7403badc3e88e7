import { Injectable } from '@nestjs/common';
import { sendGridError, sendGridErrors } from './sendgrid-api-error.js';

/** SendGrid's Enforced TLS settings of one account (`/v3/user/settings/enforced_tls`). */
export interface EnforcedTlsSettings {
  require_tls: boolean;
  require_valid_cert: boolean;
  version: number;
}

const VERSIONS = [1.1, 1.2, 1.3];

/** Enforced TLS per API key (each key is its own account here), off by default as at SendGrid. */
@Injectable()
export class EnforcedTlsStore {
  private readonly accounts = new Map<string, EnforcedTlsSettings>();

  get(apiKey: string): EnforcedTlsSettings {
    return {
      ...(this.accounts.get(apiKey) ?? { require_tls: false, require_valid_cert: false, version: 1.1 }),
    };
  }

  /** Either setting on makes the account's mail require TLS (SendGrid's rule). */
  requiresTls(apiKey: string): boolean {
    const settings = this.get(apiKey);
    return settings.require_tls || settings.require_valid_cert;
  }

  /** PATCH semantics: only the fields given change. */
  update(apiKey: string, patch: unknown): EnforcedTlsSettings {
    const body = typeof patch === 'object' && patch !== null ? (patch as Record<string, unknown>) : {};
    const next = this.get(apiKey);
    for (const field of ['require_tls', 'require_valid_cert'] as const) {
      const value = body[field];
      if (value === undefined) continue;
      if (typeof value !== 'boolean')
        throw sendGridErrors.badRequest([sendGridError('must be a boolean', field)]);
      next[field] = value;
    }
    if (body.version !== undefined) {
      if (typeof body.version !== 'number' || !VERSIONS.includes(body.version))
        throw sendGridErrors.badRequest([sendGridError('must be one of 1.1, 1.2, 1.3', 'version')]);
      next.version = body.version;
    }
    this.accounts.set(apiKey, next);
    return { ...next };
  }
}
