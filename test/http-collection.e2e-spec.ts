import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlAuthClock, declaredRoutes, type DeclaredRoute } from '@app/testing';
import { DeliveryStack } from './delivery-fixtures.js';
import {
  type Exchange,
  type HttpFile,
  parseHttpFile,
  requestTarget,
  routeMatches,
  runHttpFile,
} from './http-collection.js';

const DIR = 'docs/http';
const files = new Map(
  readdirSync(DIR)
    .filter((f) => f.endsWith('.http'))
    .map((f) => [f, parseHttpFile(readFileSync(join(DIR, f), 'utf8'))] as const),
);

/** `METHOD path (line N)` of each request whose route neither server declares. */
function unknownRoutes(file: HttpFile, routes: Record<string, DeclaredRoute[]>): string[] {
  return file.requests.flatMap((request) => {
    const { server, path } = requestTarget(request);
    const known = (routes[server] ?? []).some((r) => routeMatches(r, request.method, path));
    return known ? [] : [`${request.method} ${path} (line ${request.line}, {{${server}}})`];
  });
}

const body = (exchange: Exchange | undefined) => exchange?.response.body as Record<string, any>;

// The request collections newcomers run by hand: each request is a real route, and the files run
// top to bottom against a real api, worker and sandbox, every answer a success.
describe('docs/http request collections', () => {
  let stack: DeliveryStack;
  let routes: Record<string, DeclaredRoute[]>;
  let servers: Record<string, string>;
  let owner: { email: string; password: string; totpSecret: string } | undefined;

  beforeAll(async () => {
    stack = await DeliveryStack.start();
    routes = { api: declaredRoutes(stack.api), sandbox: declaredRoutes(stack.sandbox) };
    servers = { api: stack.publicBaseUrl(), sandbox: stack.sandboxUrl };
  });
  afterAll(() => stack?.stop());

  it('holds walkthrough.http and demo.http, each request of them a route of the api or the sandbox', () => {
    expect([...files.keys()].toSorted()).toEqual(['demo.http', 'walkthrough.http']);
    for (const [name, file] of files) {
      expect(file.requests.length, name).toBeGreaterThan(5);
      expect(unknownRoutes(file, routes), name).toEqual([]);
    }
  });

  it('reports a request whose route does not exist (so the check above can fail)', () => {
    const renamed = parseHttpFile(
      [
        '### fine',
        'GET {{api}}/v1/conversations/{{id}}/messages',
        '### a renamed api route',
        'POST {{api}}/v1/conversations/{{id}}/answers',
        '### fine',
        'POST {{sandbox}}/sandbox/twilio/inbound',
        '### the sandbox has no such route',
        'GET {{sandbox}}/sandbox/twilio/inbound',
        '### a Twilio path with a parameter and a suffix',
        'GET {{sandbox}}/2010-04-01/Accounts/{{ac}}/Messages/{{sid}}.json',
      ].join('\n'),
    );
    expect(unknownRoutes(renamed, routes)).toEqual([
      'POST /v1/conversations/{{id}}/answers (line 4, {{api}})',
      'GET /sandbox/twilio/inbound (line 8, {{sandbox}})',
    ]);
  });

  it('walkthrough.http: sign-up, MFA, channel, inbound text, reply, consent, all accepted', async () => {
    const file = files.get('walkthrough.http')!;
    const done = await runHttpFile(file, {
      variables: servers,
      prompt: (name, _request, answers) => {
        expect(name).toBe('totp');
        return generate({ secret: body(answers.get('mfaSetup')).secret });
      },
      until: { consentRequestStatus: (e) => body(e).status === 'delivered' },
    });

    expect(body(done.get('login')).mfaEnrollmentRequired).toBe(true);
    expect(body(done.get('inbound')).status).toBe(200);
    expect(body(done.get('reply'))).toMatchObject({
      deliveryRoute: 'secure_link',
      routeReason: 'no_consent',
    });
    expect(body(done.get('patientYes')).body).toContain('Thank you');
    expect(body(done.get('consents')).current).toEqual([
      expect.objectContaining({ channel: 'sms', decision: 'granted', method: 'sms_keyword' }),
    ]);
    expect(body(done.get('plainReply')).deliveryRoute).toBe('plain');
    expect(body(done.get('attested'))).toMatchObject({ decision: 'granted', method: 'verbal_attested' });

    const signup = done.get('signup')!.request.body as { email: string; password: string };
    owner = { email: signup.email, password: signup.password, totpSecret: body(done.get('mfaSetup')).secret };
  });

  it("demo.http: the owner's sign-in by prompts, the inbox, the sandbox's controls, all accepted", async () => {
    expect(owner, 'walkthrough.http signed the owner up').toBeDefined();
    // The owner's last code was spent at enrolment: the api's clock moves to the next TOTP step.
    controlAuthClock(stack.api).advance(30_000);
    const answers: Record<string, () => string | Promise<string>> = {
      email: () => owner!.email,
      password: () => owner!.password,
      totp: () => generate({ secret: owner!.totpSecret, epoch: Math.floor(Date.now() / 1000) + 30 }),
    };
    const done = await runHttpFile(files.get('demo.http')!, {
      variables: servers,
      prompt: (name) => answers[name]!(),
    });
    expect(body(done.get('login')).mfaRequired).toBe(true);
    expect(typeof body(done.get('mfa')).accessToken).toBe('string');
  });
});
