import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { generate } from 'otplib';
import request from 'supertest';
import type { ApiClient } from '@app/api-client';
import { inMemoryApiClient } from './api-client.js';
import { controlAuthClock } from './auth-clock.js';

const TOTP_PERIOD_MS = 30_000;

/** A signed-in staff member as a test holds it. */
export interface StaffMember {
  practiceId: string;
  userId: string;
  email: string;
  password: string;
  role: string;
  accessToken: string;
  refreshToken: string;
  totpSecret?: string;
  recoveryCodes?: string[];
}

/** A random address in the IPv6 documentation range, distinct in the /64 the rate limiter keys on. */
export function testClientIp(): string {
  const hex = randomBytes(6).toString('hex');
  return `2001:db8:${hex.slice(0, 4)}:${hex.slice(4, 8)}::${hex.slice(8, 12)}`;
}

export const strongPassword = (): string => `Correct-Horse-${randomBytes(6).toString('hex')}`;
export const uniqueEmail = (label = 'staff'): string =>
  `${label}.${randomBytes(5).toString('hex')}@clinic.test`;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The 6-digit TOTP code of `secret` at `atMs`. */
export function totpAt(secret: string, atMs: number): Promise<string> {
  return generate({ secret, epoch: Math.floor(atMs / 1000) });
}

/**
 * HTTP client for the staff API with its own client address (so per-IP rate limits of one test
 * never hit another), plus the sign-up / sign-in / MFA steps most tests need.
 */
export class StaffClient {
  private readonly usedSteps = new Map<string, number>();
  /** The typed client (generated from docs/openapi.json) the sign-up and sign-in steps use. */
  readonly api: ApiClient;

  constructor(
    readonly app: INestApplication,
    readonly ip: string = testClientIp(),
  ) {
    this.api = inMemoryApiClient(app, { 'x-forwarded-for': ip });
  }

  get(path: string, token?: string) {
    return this.with(request(this.app.getHttpServer()).get(path), token);
  }

  post(path: string, body?: object, token?: string) {
    return this.with(
      request(this.app.getHttpServer())
        .post(path)
        .send(body ?? {}),
      token,
    );
  }

  patch(path: string, body: object, token?: string) {
    return this.with(request(this.app.getHttpServer()).patch(path).send(body), token);
  }

  put(path: string, body: object, token?: string) {
    return this.with(request(this.app.getHttpServer()).put(path).send(body), token);
  }

  delete(path: string, token?: string) {
    return this.with(request(this.app.getHttpServer()).delete(path), token);
  }

  /** Signs a practice up (needs ALLOW_SIGNUP=true) and signs its owner in, MFA enrolled unless told not to. */
  async signupPractice(opts: { enrolMfa?: boolean; practiceName?: string } = {}): Promise<StaffMember> {
    const email = uniqueEmail('owner');
    const password = strongPassword();
    const { data, response } = await this.api.POST('/v1/auth/signup', {
      body: {
        practiceName: opts.practiceName ?? 'Riverside Family Clinic',
        name: 'Olive Owner',
        email,
        password,
      },
    });
    if (!data) throw new Error(`signup answered ${response.status}`);
    const tokens = await this.passwordLogin(email, password);
    const owner: StaffMember = {
      practiceId: data.practiceId,
      userId: data.userId,
      email,
      password,
      role: 'owner',
      ...tokens,
    };
    return opts.enrolMfa === false ? owner : this.enrolMfa(owner);
  }

  /** Adds a user through `POST /v1/users` (with a password) and signs them in (enrolling MFA for owner/admin). */
  async addStaff(admin: StaffMember, role: string, opts: { enrolMfa?: boolean } = {}): Promise<StaffMember> {
    const email = uniqueEmail(role);
    const password = strongPassword();
    const { data, error, response } = await this.api.POST('/v1/users', {
      body: { email, name: `Test ${role}`, role: role as never, password },
      headers: bearer(admin.accessToken),
    });
    if (!data) throw new Error(`POST /v1/users answered ${response.status}: ${JSON.stringify(error)}`);
    const member: StaffMember = {
      practiceId: admin.practiceId,
      userId: data.id,
      email,
      password,
      role,
      ...(await this.passwordLogin(email, password)),
    };
    const mandatory = role === 'owner' || role === 'admin';
    return (opts.enrolMfa ?? mandatory) ? this.enrolMfa(member) : member;
  }

  /** `POST /v1/auth/login` expecting tokens (no MFA step). */
  async passwordLogin(
    email: string,
    password: string,
  ): Promise<{ accessToken: string; refreshToken: string }> {
    const { data, error, response } = await this.api.POST('/v1/auth/login', { body: { email, password } });
    if (!data || !('accessToken' in data))
      throw new Error(`login answered ${response.status}: ${JSON.stringify(data ?? error)}`);
    return { accessToken: data.accessToken, refreshToken: data.refreshToken };
  }

  /** MFA setup + enable; the member's tokens become those of the session that passed MFA. */
  async enrolMfa(member: StaffMember): Promise<StaffMember> {
    const headers = bearer(member.accessToken);
    const setup = await this.api.POST('/v1/auth/mfa/setup', { headers });
    if (!setup.data) throw new Error(`mfa/setup answered ${setup.response.status}`);
    const secret = setup.data.secret;
    const enabled = await this.api.POST('/v1/auth/mfa/enable', {
      body: { code: await this.freshTotp(secret) },
      headers,
    });
    if (!enabled.data) throw new Error(`mfa/enable answered ${enabled.response.status}`);
    return {
      ...member,
      totpSecret: secret,
      recoveryCodes: enabled.data.recoveryCodes,
      accessToken: enabled.data.accessToken,
      refreshToken: enabled.data.refreshToken,
    };
  }

  /** Full sign-in of an MFA-enrolled member (password, then a fresh TOTP code). */
  async loginWithMfa(member: StaffMember): Promise<StaffMember> {
    const login = await this.api.POST('/v1/auth/login', {
      body: { email: member.email, password: member.password },
    });
    if (!login.data || !('mfaToken' in login.data))
      throw new Error(
        `login answered ${login.response.status}: ${JSON.stringify(login.data ?? login.error)}`,
      );
    const mfa = await this.api.POST('/v1/auth/mfa', {
      body: { mfaToken: login.data.mfaToken, code: await this.freshTotp(member.totpSecret!) },
    });
    if (!mfa.data) throw new Error(`mfa answered ${mfa.response.status}: ${JSON.stringify(mfa.error)}`);
    return { ...member, accessToken: mfa.data.accessToken, refreshToken: mfa.data.refreshToken };
  }

  /**
   * A code for a time step this client has not used yet for `secret` (the api refuses a step
   * twice), moving the api's clock to the next step when the current one is spent.
   */
  async freshTotp(secret: string): Promise<string> {
    const clock = controlAuthClock(this.app);
    const step = Math.floor(clock.now() / TOTP_PERIOD_MS);
    const last = this.usedSteps.get(secret) ?? -1;
    if (step <= last) clock.advance((last + 1 - step) * TOTP_PERIOD_MS);
    const at = clock.now();
    this.usedSteps.set(secret, Math.floor(at / TOTP_PERIOD_MS));
    return totpAt(secret, at);
  }

  private with(test: request.Test, token?: string): request.Test {
    test.set('X-Forwarded-For', this.ip);
    return token ? test.set('Authorization', `Bearer ${token}`) : test;
  }
}
