import { Inject, Injectable } from '@nestjs/common';
import type { Result } from 'ioredis';
import { REDIS, type RedisClient, RedisKeys } from '@app/redis';
import type { SessionMfaState } from '../access/principal.js';
import type { Role } from '../access/permissions.js';

/** What every api instance needs to admit a request, kept in Redis (the database stays the truth). */
export interface CachedSession {
  userId: string;
  tenantId: string;
  /** Last activity (ms), slid forward by every admitted request. */
  seenAt: number;
  idleMs: number;
  expiresAt: number;
  mfa: SessionMfaState;
  /** Last activity as last written to the database (ms). */
  dbSeenAt: number;
}

export interface CachedUser {
  active: boolean;
  tokenVersion: number;
  role: Role;
  mfaEnabled: boolean;
  /** The practice requires MFA of every role (kept per user so admission stays one round trip). */
  practiceRequiresMfa: boolean;
}

export type CheckResult =
  { status: 'ok'; session: CachedSession; user: CachedUser } | { status: 'idle' | 'expired' | 'miss' };

/** Keys outlive the idle timeout a little, so expiry in Redis never beats the timestamp check. */
const TTL_MARGIN_MS = 60_000;
const USER_TTL_MS = 60 * 60 * 1000;

/**
 * One round trip: read session + user, decide idle/expired with the caller's clock, slide the
 * session's last activity and TTL. Atomic, so two instances never disagree about idleness.
 */
const CHECK_SCRIPT = `
local s = redis.call('HMGET', KEYS[1], 'uid', 'tid', 'seen', 'idle', 'exp', 'mfa', 'dbseen')
if not s[1] then return {'miss'} end
local u = redis.call('HMGET', KEYS[2], 'active', 'ver', 'role', 'mfa', 'mfaall')
if not u[1] or not u[5] then return {'miss'} end
local now = tonumber(ARGV[1])
if now >= tonumber(s[5]) then return {'expired'} end
if now - tonumber(s[3]) > tonumber(s[4]) then return {'idle'} end
if now > tonumber(s[3]) then
  redis.call('HSET', KEYS[1], 'seen', ARGV[1])
  s[3] = ARGV[1]
end
redis.call('PEXPIRE', KEYS[1], tonumber(s[4]) + tonumber(ARGV[2]))
return {'ok', s[1], s[2], s[3], s[4], s[5], s[6], s[7], u[1], u[2], u[3], u[4], u[5]}
`;

/** New idle timeout for a session that is still cached (its practice changed the setting). */
const SET_IDLE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HSET', KEYS[1], 'idle', ARGV[1])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[2]))
  return 1
end
return 0
`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    inboxSessionCheck(
      sessionKey: string,
      userKey: string,
      now: number,
      margin: number,
    ): Result<Array<string | null>, Context>;
    inboxSessionSetIdle(key: string, idleMs: number, margin: number): Result<number, Context>;
  }
}

@Injectable()
export class SessionCache {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {
    this.redis.defineCommand('inboxSessionCheck', { numberOfKeys: 2, lua: CHECK_SCRIPT });
    this.redis.defineCommand('inboxSessionSetIdle', { numberOfKeys: 1, lua: SET_IDLE_SCRIPT });
  }

  async check(tenantId: string, sessionId: string, userId: string, now: number): Promise<CheckResult> {
    const r = await this.redis.inboxSessionCheck(
      this.sessionKey(tenantId, sessionId),
      this.userKey(tenantId, userId),
      now,
      TTL_MARGIN_MS,
    );
    if (r[0] !== 'ok') return { status: r[0] as 'idle' | 'expired' | 'miss' };
    return {
      status: 'ok',
      session: {
        userId: r[1]!,
        tenantId: r[2]!,
        seenAt: Number(r[3]),
        idleMs: Number(r[4]),
        expiresAt: Number(r[5]),
        mfa: r[6] as SessionMfaState,
        dbSeenAt: Number(r[7]),
      },
      user: {
        active: r[8] === '1',
        tokenVersion: Number(r[9]),
        role: r[10] as Role,
        mfaEnabled: r[11] === '1',
        practiceRequiresMfa: r[12] === '1',
      },
    };
  }

  async put(sessionId: string, session: CachedSession, userId: string, user: CachedUser): Promise<void> {
    const sessionKey = this.sessionKey(session.tenantId, sessionId);
    const userKey = this.userKey(session.tenantId, userId);
    await this.redis
      .multi()
      .hset(sessionKey, {
        uid: session.userId,
        tid: session.tenantId,
        seen: session.seenAt,
        idle: session.idleMs,
        exp: session.expiresAt,
        mfa: session.mfa,
        dbseen: session.dbSeenAt,
      })
      .pexpire(sessionKey, session.idleMs + TTL_MARGIN_MS)
      .hset(userKey, {
        active: user.active ? '1' : '0',
        ver: user.tokenVersion,
        role: user.role,
        mfa: user.mfaEnabled ? '1' : '0',
        mfaall: user.practiceRequiresMfa ? '1' : '0',
      })
      .pexpire(userKey, USER_TTL_MS)
      .exec();
  }

  /** Last activity as Redis knows it (more recent than the database's copy), if cached. */
  async seenAt(tenantId: string, sessionId: string): Promise<number | null> {
    const seen = await this.redis.hget(this.sessionKey(tenantId, sessionId), 'seen');
    return seen === null ? null : Number(seen);
  }

  async markDbSeen(tenantId: string, sessionId: string, at: number): Promise<void> {
    await this.redis.hset(this.sessionKey(tenantId, sessionId), 'dbseen', at);
  }

  /** Forgets cached state, so the next request reads the database. */
  async forget(tenantId: string, input: { sessionIds?: string[]; userIds?: string[] }): Promise<void> {
    const keys = [
      ...(input.sessionIds ?? []).map((id) => this.sessionKey(tenantId, id)),
      ...(input.userIds ?? []).map((id) => this.userKey(tenantId, id)),
    ];
    if (keys.length) await this.redis.del(...keys);
  }

  async setIdle(tenantId: string, sessionIds: string[], idleMs: number): Promise<void> {
    if (!sessionIds.length) return;
    const pipeline = this.redis.pipeline();
    for (const id of sessionIds) {
      pipeline.inboxSessionSetIdle(this.sessionKey(tenantId, id), idleMs, TTL_MARGIN_MS);
    }
    await pipeline.exec();
  }

  /**
   * A practice's sessions and users share its hash tag (one Cluster slot): the check script
   * reads a session with its user, and forgetting or re-timing a practice's sessions and users
   * is one multi-key command or pipeline. Practices spread over the slots.
   */
  private sessionKey(tenantId: string, id: string): string {
    return this.keys.key('session', this.keys.tag(tenantId), id);
  }

  private userKey(tenantId: string, id: string): string {
    return this.keys.key('user', this.keys.tag(tenantId), id);
  }
}
