import { readdirSync } from 'node:fs';
import * as accessAlerts from '@app/access-alerts';
import * as apiClient from '@app/api-client';
import * as audit from '@app/audit';
import * as automation from '@app/automation';
import * as channels from '@app/channels';
import * as config from '@app/config';
import * as consent from '@app/consent';
import * as contacts from '@app/contacts';
import * as conversations from '@app/conversations';
import * as crypto from '@app/crypto';
import * as database from '@app/database';
import * as delivery from '@app/delivery';
import * as fhir from '@app/fhir';
import * as identity from '@app/identity';
import * as jobs from '@app/jobs';
import * as observability from '@app/observability';
import { DomainError, ErrorFilter } from '@app/observability';
import * as platform from '@app/platform';
import * as portal from '@app/portal';
import * as providers from '@app/providers';
import * as redis from '@app/redis';
import * as reports from '@app/reports';
import * as webhooksOut from '@app/webhooks-out';
import { describe, expect, it } from 'vitest';
import { HTTP_ERROR_MAPS } from './http-errors.js';

const LIBS: Record<string, Record<string, unknown>> = {
  'access-alerts': accessAlerts,
  'api-client': apiClient,
  audit,
  automation,
  channels,
  config,
  consent,
  contacts,
  conversations,
  crypto,
  database,
  delivery,
  fhir,
  identity,
  jobs,
  observability,
  platform,
  portal,
  providers,
  redis,
  reports,
  'webhooks-out': webhooksOut,
};

type ErrorType = abstract new (...args: never[]) => DomainError;

function domainErrorClasses(): Array<[string, ErrorType]> {
  return Object.entries(LIBS).flatMap(([lib, exports]) =>
    Object.entries(exports)
      .filter(
        ([, value]) =>
          typeof value === 'function' && value !== DomainError && value.prototype instanceof DomainError,
      )
      .map(([name, value]): [string, ErrorType] => [`${lib}.${name}`, value as ErrorType]),
  );
}

describe("the api's HTTP error maps", () => {
  it('read every lib (a new lib is added to this list)', () => {
    const libs = readdirSync(new URL('../../../libs', import.meta.url), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'testing')
      .map((entry) => entry.name);
    expect(Object.keys(LIBS).toSorted()).toEqual(libs.toSorted());
  });

  it("map every module's domain error class, once", () => {
    const classes = domainErrorClasses();
    expect(classes.length).toBeGreaterThan(0);
    for (const [name, errorType] of classes) {
      const maps = HTTP_ERROR_MAPS.filter((map) => map.errorType === errorType);
      expect(maps, name).toHaveLength(1);
    }
    expect(HTTP_ERROR_MAPS).toHaveLength(classes.length);
  });

  it('render a domain error with its mapped status and public code, and an unmapped one as a bare 500', () => {
    const locked = new identity.IdentityError(identity.IdentityErrorCode.AccountLocked, 'Locked', {
      retryAfterSeconds: 5,
    });
    expect(new ErrorFilter(HTTP_ERROR_MAPS).render(locked)).toEqual({
      status: 423,
      body: { error: { code: 'account_locked', message: 'Locked', details: { retryAfterSeconds: 5 } } },
    });
    const enrolment = new identity.IdentityError(identity.IdentityErrorCode.InvalidMfaEnrolmentCode, 'No');
    expect(new ErrorFilter(HTTP_ERROR_MAPS).render(enrolment).body.error.code).toBe('invalid_mfa_code');
    expect(new ErrorFilter([]).render(locked)).toMatchObject({
      status: 500,
      body: { error: { code: 'internal_error' } },
    });
  });

  it('answer codes a module shares with the older contract under their public code', () => {
    const filter = new ErrorFilter(HTTP_ERROR_MAPS);
    const flooded = new delivery.DeliveryError(
      delivery.DeliveryErrorCode.CodesToAddressRateLimited,
      'Too many codes',
      { retryAfterSeconds: 900 },
    );
    expect(filter.render(flooded)).toEqual({
      status: 429,
      body: {
        error: { code: 'rate_limited', message: 'Too many codes', details: { retryAfterSeconds: 900 } },
      },
    });
    const denied = new conversations.ConversationsError(
      conversations.ConversationsErrorCode.AccessDenied,
      'No',
    );
    expect(filter.render(denied)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const gone = new portal.PortalError(
      portal.PortalErrorCode.SecureMessageNotFound,
      'Secure message not found',
    );
    expect(filter.render(gone)).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: 'Secure message not found' } },
    });
  });
});
