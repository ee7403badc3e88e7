import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import argon2 from 'argon2';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { rateLimitAddress } from '@app/observability';
import { REDIS, type RedisClient, RedisKeys } from '@app/redis';
import { JobQueue } from './job-queue.service.js';

export const QUEUE_DASHBOARD_PATH = '/ops/queues';
const OPERATOR = 'operator';
/** Password checks one client address may fail within the window before it gets 429s. */
export const OPS_DASHBOARD_MAX_FAILURES = 10;
export const OPS_DASHBOARD_FAILURE_WINDOW_SECONDS = 15 * 60;
/** How long a checked `Authorization` value is let through without hashing it again (the board polls). */
const CHECKED_FOR_MS = 5 * 60_000;
/** Longer than any password anyone types; refused before hashing. */
const MAX_CREDENTIALS_LENGTH = 1024;

/**
 * Bull Board for platform operators, read-only, on the worker's internal port: the queues are
 * shared by every practice, so no practice's staff (not even an owner) may see them. Jobs
 * carry ids only, never PHI. HTTP Basic, user `operator`, password verified against an argon2id
 * hash (salted, slow); each client address may fail 10 times in 15 minutes, then gets 429s
 * (counted in Redis, so every worker process shares the count). Not mounted at all without
 * `OPS_DASHBOARD_PASSWORD_HASH`.
 */
export async function mountQueueDashboard(
  app: NestFastifyApplication,
  passwordHash: string | undefined,
): Promise<boolean> {
  if (!passwordHash) return false;
  const board = new FastifyAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: app
      .get(JobQueue)
      .all()
      .map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    serverAdapter: board,
  });
  const gate = new OperatorGate(
    passwordHash,
    new FailureCounter(app.get<RedisClient>(REDIS), app.get(RedisKeys)),
  );
  // A plugin of its own: the gate's hook runs for the dashboard's routes only.
  await app.register(async (dashboard: FastifyInstance) => {
    dashboard.addHook('onRequest', gate.hook());
    await dashboard.register(board.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
  return true;
}

/** Failed password checks per client address, in Redis (fixed window from the first failure). */
class FailureCounter {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  /**
   * Takes one attempt from the address's allowance before the password is checked, so parallel
   * guesses cannot all slip past a count read first. Null: allowed; else seconds until it is.
   */
  async take(address: string): Promise<number | null> {
    const key = this.key(address);
    const [[, attempts], [, ttl]] = (await this.redis
      .multi()
      .incr(key)
      .expire(key, OPS_DASHBOARD_FAILURE_WINDOW_SECONDS, 'NX')
      .ttl(key)
      .exec()) as [[null, number], [null, number], [null, number]];
    return attempts > OPS_DASHBOARD_MAX_FAILURES ? Math.max(1, ttl) : null;
  }

  /** The password was right: the attempt was not a failure. */
  async giveBack(address: string): Promise<void> {
    await this.redis.decr(this.key(address));
  }

  private key(address: string): string {
    return this.keys.key('ops-dashboard', 'failures', address);
  }
}

class OperatorGate {
  private readonly logger = new Logger('QueueDashboard');
  /** Keyed per process: the MAC of the last `Authorization` value that passed, never the value. */
  private readonly macKey = randomBytes(32);
  private checked: { mac: Buffer; until: number } | null = null;

  constructor(
    private readonly passwordHash: string,
    private readonly failures: FailureCounter,
  ) {}

  /** An onRequest hook: lets the request on, or answers it (and returns the reply, so Fastify stops). */
  hook() {
    return async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
      let verdict: Awaited<ReturnType<OperatorGate['admit']>>;
      try {
        verdict = await this.admit(req);
      } catch (err) {
        // Fail closed: without the attempt count no password is checked.
        this.logger.warn(
          { err: { name: (err as Error).name } },
          'Queue dashboard: attempt count unavailable',
        );
        return reply.status(503).send({
          error: { code: 'unavailable', message: 'The dashboard is unavailable; try again shortly' },
        });
      }
      return verdict === 'ok' ? undefined : this.refuse(req, reply, verdict);
    };
  }

  private async admit(req: FastifyRequest): Promise<'ok' | 'unauthorized' | { retryAfterSeconds: number }> {
    const authorization = req.headers.authorization;
    if (!authorization) return 'unauthorized';
    // Counted first, even for credentials that passed before: past the limit, nothing tells a
    // right password from a wrong one.
    const address = rateLimitAddress(req.ip);
    const retryAfterSeconds = await this.failures.take(address);
    if (retryAfterSeconds !== null) return { retryAfterSeconds };
    const mac = createHmac('sha256', this.macKey).update(authorization).digest();
    const recentlyChecked =
      this.checked !== null && this.checked.until > Date.now() && timingSafeEqual(mac, this.checked.mac);
    if (!recentlyChecked && !(await this.verify(authorization))) return 'unauthorized';
    await this.failures.giveBack(address);
    if (!recentlyChecked) this.checked = { mac, until: Date.now() + CHECKED_FOR_MS };
    return 'ok';
  }

  private async verify(authorization: string): Promise<boolean> {
    const [scheme, encoded] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'basic' || !encoded || encoded.length > MAX_CREDENTIALS_LENGTH)
      return false;
    const [user, ...rest] = Buffer.from(encoded, 'base64').toString('utf8').split(':');
    // The hash is checked whatever the user name, so timing tells nothing about it.
    const passwordOk = await argon2.verify(this.passwordHash, rest.join(':')).catch(() => false);
    return user === OPERATOR && passwordOk;
  }

  private refuse(
    req: FastifyRequest,
    res: FastifyReply,
    verdict: 'unauthorized' | { retryAfterSeconds: number },
  ): FastifyReply {
    if (verdict !== 'unauthorized') {
      this.logger.warn({ ip: req.ip }, 'Queue dashboard: too many failed attempts from this address');
      res.header('Retry-After', String(verdict.retryAfterSeconds));
      return res.status(429).send({
        error: {
          code: 'rate_limited',
          message: 'Too many failed attempts from this address; try again later',
        },
      });
    }
    if (req.headers.authorization) this.logger.warn({ ip: req.ip }, 'Queue dashboard: credentials refused');
    res.header('WWW-Authenticate', 'Basic realm="inbox operators", charset="UTF-8"');
    return res
      .status(401)
      .send({ error: { code: 'unauthorized', message: 'Platform operator credentials required' } });
  }
}
