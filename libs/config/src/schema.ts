import { isIP } from 'node:net';
import { z } from 'zod';

const base64Key32 = z
  .string({ error: 'required: base64 of 32 random bytes (openssl rand -base64 32)' })
  .refine((v) => Buffer.from(v, 'base64').length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(v), {
    message: 'must be base64 of exactly 32 bytes (openssl rand -base64 32)',
  });

/** The non-empty entries of a comma-separated value, trimmed. */
const commaList = (value: string): string[] =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

/** Comma-separated base64 keys (unset: none). */
const base64KeyList = z
  .string()
  .optional()
  .transform((v) => (v ? commaList(v) : []))
  .pipe(z.array(base64Key32));

const postgresUrl = z
  .string({ error: 'required: postgres://user:password@host:port/db' })
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), { message: 'must be a postgres:// URL' });

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const bool = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

const port = z.coerce.number().int().min(1).max(65535);

/** The address a process listens on: loopback unless a deployment says otherwise (containers: 0.0.0.0). */
const listenAddress = z
  .string()
  .refine((v) => isIP(v) !== 0, {
    message: 'must be an IP address to listen on (127.0.0.1: this host only; 0.0.0.0: every interface)',
  })
  .default('127.0.0.1');

/** proxy-addr's named ranges: loopback, link-local and private (unique local) networks. */
const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, an address/prefix-length, or a proxy-addr keyword. */
function isProxySpec(entry: string): boolean {
  if (PROXY_KEYWORDS.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** PHC string of argon2id: version, parameters (in any order), salt, hash. */
const ARGON2ID_ENCODED =
  /^\$argon2id\$v=19\$([a-z]=\d{1,10}(?:,[a-z]=\d{1,10})*)\$[A-Za-z0-9+/]{11,}\$[A-Za-z0-9+/]{16,}$/;

/** An argon2id hash with a salt and at least OWASP's minimum cost (19 MiB x 2 passes, or as much memory x time). */
function isStrongArgon2idHash(encoded: string): boolean {
  const params = ARGON2ID_ENCODED.exec(encoded)?.[1];
  if (!params) return false;
  const cost = Object.fromEntries(params.split(',').map((p) => [p[0], Number(p.slice(2))]));
  const { m: memoryKib = 0, t: passes = 0, p: lanes = 0 } = cost;
  return lanes >= 1 && memoryKib >= 7168 && memoryKib * passes >= 35_840;
}

/** A Redis Cluster's seed node. */
export interface RedisNode {
  host: string;
  port: number;
}

/** Where REDIS_URL points: one server (its URL as given) or a Cluster (seed nodes and credentials). */
export type RedisTarget =
  | { kind: 'single'; url: string }
  | { kind: 'cluster'; nodes: RedisNode[]; tls: boolean; username?: string; password?: string };

const CLUSTER_URL = /^(rediss?)\+cluster:\/\/(?:([^@/]*)@)?([^/?#@]+)\/?$/;
const NODE = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/;

/** Parses REDIS_URL; throws an Error naming the problem (never echoing the credentials). */
export function parseRedisUrl(url: string): RedisTarget {
  if (/^rediss?:\/\/.+/.test(url)) return { kind: 'single', url };
  const cluster = CLUSTER_URL.exec(url);
  if (!cluster) {
    throw new Error(
      'must be a redis:// URL, or redis+cluster://host:port,host:port,... for a Redis Cluster (rediss: TLS)',
    );
  }
  const [, scheme, userinfo, hosts] = cluster;
  const nodes = hosts!.split(',').map((entry) => {
    const node = NODE.exec(entry.trim());
    const number = Number(node?.[3]);
    if (!node || number < 1 || number > 65535) {
      throw new Error('each Redis Cluster seed node must be host:port (an IPv6 address in brackets)');
    }
    return { host: node[1] ?? node[2]!, port: number };
  });
  let username: string | undefined;
  let password: string | undefined;
  if (userinfo) {
    const colon = userinfo.indexOf(':');
    username = decode(colon === -1 ? userinfo : userinfo.slice(0, colon)) || undefined;
    password = colon === -1 ? undefined : decode(userinfo.slice(colon + 1)) || undefined;
  }
  return { kind: 'cluster', nodes, tls: scheme === 'rediss', username, password };
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new Error('the Redis Cluster credentials must be percent-encoded');
  }
}

function redisUrlProblem(url: string): string | null {
  try {
    parseRedisUrl(url);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** A plain namespace (`inbox`, `inbox:eu`), or the single-slot `{inbox}` of earlier versions. */
const REDIS_PREFIX_FORM = /^(?:[A-Za-z0-9_-]+(?::[A-Za-z0-9_-]+)*|\{[A-Za-z0-9_:-]+\})$/;

/** The whole prefix is one `{hash tag}`: every key lands in one Cluster slot. */
export function isSingleSlotPrefix(prefix: string): boolean {
  return prefix.startsWith('{');
}

/**
 * REDIS_PREFIX as given, or its default for REDIS_URL (a Cluster's spreads keys over slots;
 * a single server keeps the keys earlier versions wrote), and whether the two fit together.
 */
export function redisPrefixFor(
  redisUrl: string | undefined,
  prefix: string | undefined,
): { prefix: string | undefined; problem?: string } {
  let cluster = false;
  try {
    cluster = redisUrl !== undefined && parseRedisUrl(redisUrl).kind === 'cluster';
  } catch {
    return { prefix }; // REDIS_URL's own problem is reported
  }
  if (!cluster) return { prefix };
  if (prefix === undefined) return { prefix: 'inbox' };
  if (isSingleSlotPrefix(prefix)) {
    return {
      prefix,
      problem:
        'a Redis Cluster needs a plain namespace such as inbox: the {...} form puts every key in one slot',
    };
  }
  return { prefix };
}

/**
 * Every environment variable of every process, in one schema. Each process validates
 * the subset it needs (see `PROCESS_VARIABLES`) at boot and refuses to start otherwise.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: postgresUrl,
  DATABASE_MIGRATION_URL: postgresUrl.optional(),
  /**
   * The audit sealer's role, the only one that may write audit_events (provisioned by
   * `npm run migrate`). Default: DATABASE_URL with the user `<app role>_audit`, same password.
   */
  DATABASE_AUDIT_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Hot statements are prepared once per connection (SQL PREPARE). Turn off behind a pooler
   * that hands one session's statements to several server connections (PgBouncer in
   * transaction mode); they are then sent as text, planned every time.
   */
  DATABASE_PREPARED_STATEMENTS: bool.default(true),
  /** Lifetime of a FHIR API access token (client credentials), in seconds. */
  FHIR_ACCESS_TOKEN_SECONDS: z.coerce.number().int().min(60).max(3600).default(300),
  /**
   * How long a completed Bulk Data export's files stay downloadable (they hold PHI, encrypted);
   * then the worker deletes them.
   */
  FHIR_EXPORT_LIFETIME_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .max(7 * 86_400)
    .default(86_400),
  /** How long a webhook channel's route and decrypted provider secrets may stay in process memory. */
  CHANNEL_CACHE_SECONDS: z.coerce.number().int().min(1).max(300).default(30),
  /**
   * Channels whose route and decrypted provider secrets one process keeps at once (the least
   * recently used go first). Keep it above the channels that receive webhooks within
   * CHANNEL_CACHE_SECONDS: past it, traffic spread over every channel misses on each webhook
   * (a routing query and a credential decryption each). About 1.6 KB of memory per channel.
   */
  CHANNEL_CACHE_MAX_CHANNELS: z.coerce.number().int().min(100).max(10_000_000).default(20_000),
  /**
   * One Redis server (`redis://` or `rediss://`), or a Redis Cluster named by seed nodes:
   * `redis+cluster://[user:password@]host:port,host:port,...` (`rediss+cluster://`: TLS).
   */
  REDIS_URL: z
    .string({ error: 'required: redis://host:port or redis+cluster://host:port,host:port,...' })
    .superRefine((value, ctx) => {
      const problem = redisUrlProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /**
   * Namespace of every Redis key. A plain name (`inbox`) spreads keys over a Cluster's slots,
   * with a `{hash tag}` per entity keeping related keys together; the older `{inbox}` form puts
   * every key in one slot (a single server only). Default: `{inbox}` on a single server (the
   * keys of earlier versions), `inbox` on a Cluster.
   */
  REDIS_PREFIX: z
    .string()
    .regex(
      REDIS_PREFIX_FORM,
      'must be a plain namespace such as inbox (letters, digits, _ and -, parts joined by :), or the single-slot form {inbox}',
    )
    .default('{inbox}'),
  PORT: port.default(3000),
  /** Where the api listens; its clients (the load balancer or reverse proxy) must reach it there. */
  HOST: listenAddress,
  SANDBOX_PORT: port.default(4010),
  /** The provider sandbox (tests, demo): nobody outside this host needs it. */
  SANDBOX_HOST: listenAddress,
  /** The worker's own HTTP port, for health and metrics only. */
  WORKER_HEALTH_PORT: port.default(3001),
  /** Where the worker's health port (and the operators' queue dashboard) listens. */
  WORKER_HEALTH_HOST: listenAddress,
  PUBLIC_BASE_URL: httpUrl.transform((v) => v.replace(/\/+$/, '')),
  /**
   * Proxies whose X-Forwarded-For names the client (comma-separated addresses, CIDRs, or the
   * keywords loopback, linklocal, uniquelocal); `none`: the api faces clients directly.
   * Per-address rate limits and the audit trail's client address rest on it.
   */
  TRUSTED_PROXIES: z
    .string()
    .default('loopback')
    .transform((v) => (v.trim() === 'none' ? [] : commaList(v)))
    .pipe(
      z.array(
        z.string().refine(isProxySpec, {
          message: 'each entry must be an IP address, a CIDR (10.0.0.0/8) or loopback/linklocal/uniquelocal',
        }),
      ),
    ),
  MASTER_KEY: base64Key32,
  /** Comma-separated earlier master keys, kept readable during a master-key rotation. */
  MASTER_KEY_PREVIOUS: base64KeyList,
  /**
   * Comma-separated audit keys (base64) of master keys no longer configured, to verify the
   * events they sealed (`npm run audit -- derive-key` prints the current one before a rotation).
   */
  AUDIT_KEYS_PREVIOUS: base64KeyList,
  /** Worker: where signed audit chain checkpoints are written (a directory outside Postgres). */
  AUDIT_CHECKPOINT_DIR: z.string().min(1).default('data/audit-checkpoints'),
  /** Worker: how often each tenant whose chain head moved gets a new signed checkpoint. */
  AUDIT_CHECKPOINT_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  /**
   * Worker: months of `messages` and `audit_events` partitions kept created ahead of the current
   * month (PartitionMaintenanceSchedule).
   */
  PARTITION_MONTHS_AHEAD: z.coerce.number().int().min(1).max(24).default(3),
  /** Worker: how often the partition maintenance runs (idempotent; several workers may run it). */
  PARTITION_MAINTENANCE_SECONDS: z.coerce.number().int().min(10).max(86_400).default(3600),
  /** How long an unwrapped tenant data key may stay in process memory. */
  DATA_KEY_CACHE_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  /**
   * Practices whose unwrapped keys one process keeps at once (the least recently used go first).
   * Keep it above the practices one process serves within DATA_KEY_CACHE_SECONDS: past it,
   * traffic spread over every practice reads and unwraps keys in each transaction. About 1.6 KB
   * of memory per practice.
   */
  DATA_KEY_CACHE_MAX_TENANTS: z.coerce.number().int().min(100).max(10_000_000).default(20_000),
  JWT_SECRET: z
    .string({ error: 'required: at least 32 characters' })
    .min(32, 'must be at least 32 characters'),
  TWILIO_API_BASE_URL: httpUrl.optional(),
  SENDGRID_API_BASE_URL: httpUrl.optional(),
  ALLOW_SIGNUP: bool.default(false),
  /**
   * The platform's own sender for staff account emails (password reset links, invitations):
   * the From address, and the SendGrid API key it sends with (not a practice's channel key;
   * `SENDGRID_API_BASE_URL` applies). Both unset: no account emails (invitation tokens still go
   * to the admin who issued them; forgot-password sends nothing).
   */
  PLATFORM_EMAIL_FROM: z.email({ error: 'must be an email address' }).optional(),
  SENDGRID_API_KEY: z
    .string()
    .regex(/^SG\.[\x21-\x7e]+$/, 'must be a SendGrid API key (SG.…)')
    .optional(),
  DEFAULT_PHONE_REGION: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 region such as US')
    .default('US'),
  /** Provider calls one attempt may make before the message fails with a reason (transient errors). */
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** Base of the exponential retry delay (with jitter) of a transient provider error. */
  DELIVERY_BACKOFF_MS: z.coerce.number().int().min(10).max(600_000).default(2000),
  /** How long a relayed outbox row waits before the relay enqueues it again (lost-job recovery). */
  DELIVERY_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Delivery jobs one worker process runs at once, per channel queue. */
  DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  /** How often the worker's relay looks for due outbox rows. */
  DELIVERY_RELAY_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** How long an acknowledged inbound SMS may wait for its job before the relay enqueues it again. */
  INBOUND_RELAY_AFTER_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** How often the worker's relay looks for acknowledged inbound SMS whose job was lost. */
  INBOUND_RELAY_INTERVAL_MS: z.coerce.number().int().min(50).max(600_000).default(5000),
  /**
   * Outbound webhooks may name plain-http URLs and hosts that resolve to private, loopback,
   * link-local or metadata addresses (tests, local development only: it opens the SSRF the
   * checks close).
   */
  OUTBOUND_WEBHOOKS_ALLOW_PRIVATE: bool.default(false),
  /** Base of an outbound webhook's exponential retry delay (doubling per attempt, at most 6 hours). */
  OUTBOUND_WEBHOOKS_BACKOFF_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
  /** How long a webhook delivery is retried before it is marked failed (3 days). */
  OUTBOUND_WEBHOOKS_RETRY_SECONDS: z.coerce.number().int().min(1).max(2_592_000).default(259_200),
  /** An endpoint is disabled once its attempts have failed without a success for this long... */
  OUTBOUND_WEBHOOKS_DISABLE_AFTER_SECONDS: z.coerce.number().int().min(0).max(2_592_000).default(86_400),
  /** ...and at least this many times in a row. */
  OUTBOUND_WEBHOOKS_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).max(10_000).default(10),
  /** One webhook attempt's limit (connect, TLS, request and response together). */
  OUTBOUND_WEBHOOKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** How often the worker's relay looks for webhook deliveries whose job is due (new or lost). */
  OUTBOUND_WEBHOOKS_RELAY_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** How soon BullMQ notices a job whose worker died (SIGKILL) and runs it again. */
  JOB_STALLED_INTERVAL_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /**
   * On SIGTERM, how long the worker waits for its running jobs before it cuts its Redis
   * connections (BullMQ would otherwise wait forever while Redis is unreachable). Below the
   * orchestrator's kill timeout (compose: 30 s).
   */
  JOB_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
  /**
   * The platform operators' dashboard password as an argon2id encoded hash (salted, slow;
   * `node scripts/ops-password-hash.mjs` makes one): the queue dashboard (/ops/queues on the
   * worker's internal port) is mounted only when it is set.
   */
  OPS_DASHBOARD_PASSWORD_HASH: z
    .string()
    .refine(isStrongArgon2idHash, {
      message:
        'must be an argon2id encoded hash ($argon2id$v=19$m=...,t=...,p=...$salt$hash) with at least the OWASP minimum cost (memory m >= 7168 KiB and m x t >= 35840, e.g. m=19456,t=2): node scripts/ops-password-hash.mjs',
    })
    .optional(),
  /**
   * The operators' credential for `GET /metrics` on the api and the worker (`Authorization:
   * Bearer <token>`, compared in constant time). Unset: /metrics answers 404 (metrics off),
   * never an open endpoint. At least 32 characters (openssl rand -hex 32).
   */
  METRICS_TOKEN: z
    .string()
    .min(32, 'must be at least 32 characters (openssl rand -hex 32)')
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces (it is sent in an HTTP header)')
    .optional(),
  /** The earlier unsalted SHA-256 of that password: refused, so a deployment still setting it notices. */
  OPS_DASHBOARD_PASSWORD_SHA256: z
    .string()
    .optional()
    .refine((v) => v === undefined, {
      message:
        'is no longer accepted (an unsalted SHA-256): remove it and set OPS_DASHBOARD_PASSWORD_HASH to an argon2id hash (node scripts/ops-password-hash.mjs)',
    }),
});

export type Env = z.infer<typeof envSchema>;
export type EnvKey = keyof Env;

/** Which variables each process reads. Nothing else is validated (or required) for it. */
export const PROCESS_VARIABLES = {
  api: [
    'NODE_ENV',
    'LOG_LEVEL',
    'DATABASE_URL',
    'DATABASE_AUDIT_URL',
    'DATABASE_POOL_SIZE',
    'DATABASE_PREPARED_STATEMENTS',
    'REDIS_URL',
    'REDIS_PREFIX',
    'PORT',
    'HOST',
    'PUBLIC_BASE_URL',
    'TRUSTED_PROXIES',
    'MASTER_KEY',
    'MASTER_KEY_PREVIOUS',
    'AUDIT_KEYS_PREVIOUS',
    'DATA_KEY_CACHE_SECONDS',
    'DATA_KEY_CACHE_MAX_TENANTS',
    'CHANNEL_CACHE_SECONDS',
    'CHANNEL_CACHE_MAX_CHANNELS',
    'JWT_SECRET',
    'TWILIO_API_BASE_URL',
    'SENDGRID_API_BASE_URL',
    'ALLOW_SIGNUP',
    'PLATFORM_EMAIL_FROM',
    'SENDGRID_API_KEY',
    'DEFAULT_PHONE_REGION',
    'DELIVERY_MAX_ATTEMPTS',
    'DELIVERY_BACKOFF_MS',
    'DELIVERY_LEASE_SECONDS',
    'OUTBOUND_WEBHOOKS_ALLOW_PRIVATE',
    'OUTBOUND_WEBHOOKS_TIMEOUT_MS',
    'METRICS_TOKEN',
    'FHIR_ACCESS_TOKEN_SECONDS',
  ],
  worker: [
    'NODE_ENV',
    'LOG_LEVEL',
    'DATABASE_URL',
    'DATABASE_AUDIT_URL',
    'DATABASE_POOL_SIZE',
    'DATABASE_PREPARED_STATEMENTS',
    'REDIS_URL',
    'REDIS_PREFIX',
    'WORKER_HEALTH_PORT',
    'WORKER_HEALTH_HOST',
    'PUBLIC_BASE_URL',
    'MASTER_KEY',
    'MASTER_KEY_PREVIOUS',
    'AUDIT_KEYS_PREVIOUS',
    'AUDIT_CHECKPOINT_DIR',
    'AUDIT_CHECKPOINT_SECONDS',
    'PARTITION_MONTHS_AHEAD',
    'PARTITION_MAINTENANCE_SECONDS',
    'DATA_KEY_CACHE_SECONDS',
    'DATA_KEY_CACHE_MAX_TENANTS',
    'CHANNEL_CACHE_SECONDS',
    'CHANNEL_CACHE_MAX_CHANNELS',
    'TWILIO_API_BASE_URL',
    'SENDGRID_API_BASE_URL',
    // The unusual-access alert emails go from the platform's sender, like account emails.
    'PLATFORM_EMAIL_FROM',
    'SENDGRID_API_KEY',
    'DEFAULT_PHONE_REGION',
    'DELIVERY_MAX_ATTEMPTS',
    'DELIVERY_BACKOFF_MS',
    'DELIVERY_LEASE_SECONDS',
    'DELIVERY_CONCURRENCY',
    'DELIVERY_RELAY_INTERVAL_MS',
    'INBOUND_RELAY_AFTER_SECONDS',
    'INBOUND_RELAY_INTERVAL_MS',
    'OUTBOUND_WEBHOOKS_ALLOW_PRIVATE',
    'OUTBOUND_WEBHOOKS_BACKOFF_MS',
    'OUTBOUND_WEBHOOKS_RETRY_SECONDS',
    'OUTBOUND_WEBHOOKS_DISABLE_AFTER_SECONDS',
    'OUTBOUND_WEBHOOKS_DISABLE_AFTER_FAILURES',
    'OUTBOUND_WEBHOOKS_TIMEOUT_MS',
    'OUTBOUND_WEBHOOKS_RELAY_INTERVAL_MS',
    'JOB_STALLED_INTERVAL_MS',
    'JOB_SHUTDOWN_GRACE_MS',
    'OPS_DASHBOARD_PASSWORD_HASH',
    'OPS_DASHBOARD_PASSWORD_SHA256',
    'METRICS_TOKEN',
    'FHIR_EXPORT_LIFETIME_SECONDS',
  ],
  sandbox: ['NODE_ENV', 'LOG_LEVEL', 'SANDBOX_PORT', 'SANDBOX_HOST'],
  migrate: ['NODE_ENV', 'LOG_LEVEL', 'DATABASE_URL', 'DATABASE_MIGRATION_URL', 'DATABASE_AUDIT_URL'],
  /** `npm run audit`: offline verification needs only the keys. */
  audit: ['NODE_ENV', 'MASTER_KEY', 'MASTER_KEY_PREVIOUS', 'AUDIT_KEYS_PREVIOUS'],
} as const satisfies Record<string, readonly EnvKey[]>;

export type ProcessName = keyof typeof PROCESS_VARIABLES;
export type ProcessEnv<P extends ProcessName> = Pick<Env, (typeof PROCESS_VARIABLES)[P][number]>;
