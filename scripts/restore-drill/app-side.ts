import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { AuditKeyRing, AuditService, type ChainCheck, openAuditDataSource } from '@app/audit';
import { KeyRingService } from '@app/crypto';
import { auditRoleUrl, PIPELINED, TenantDb } from '@app/database';
import { Metrics } from '@app/observability';

/** What a written thread left: its conversation and messages, and one message whose text is known. */
export interface WrittenThread {
  conversationId: string;
  messageIds: string[];
  sample: { messageId: string; body: string };
}

/**
 * The application's side of the drill, on one cluster: writes as the RLS-bound app role through
 * `TenantDb` (the tenant setting, forced row-level security, encrypted columns under the
 * practice's own keys, audit events sealed into the keyed chain by the audit sealer role), and
 * the checks a restored database must pass the way the app sees it.
 */
export class AppSide {
  private constructor(
    private readonly appSource: DataSource,
    private readonly sealerSource: DataSource,
    private readonly appUrl: string,
    private readonly db: TenantDb,
    private readonly keyRing: KeyRingService,
    private readonly audit: AuditService,
  ) {}

  static async open(appUrl: string, masterKey: string): Promise<AppSide> {
    const appSource = await new DataSource({
      type: 'postgres',
      url: appUrl,
      logging: false,
      extra: { ...PIPELINED, max: 2, application_name: 'restore-drill' },
    }).initialize();
    const sealerSource = await openAuditDataSource(auditRoleUrl(appUrl), 'restore-drill-audit', 1);
    const db = new TenantDb(appSource);
    const config = { MASTER_KEY: masterKey, MASTER_KEY_PREVIOUS: [], DATA_KEY_CACHE_SECONDS: 60 };
    return new AppSide(
      appSource,
      sealerSource,
      appUrl,
      db,
      new KeyRingService(config, undefined, db),
      new AuditService(db, new TenantDb(sealerSource), AuditKeyRing.fromConfig(config), new Metrics()),
    );
  }

  /** A practice and its key ring, as signup makes them (the practice row under its own tenant setting). */
  async createPractice(name: string): Promise<string> {
    const practiceId = randomUUID();
    await this.db.forTenant(practiceId, async (tx) => {
      await tx.execute(`INSERT INTO practices (id, name) VALUES ($1, $2)`, [practiceId, name]);
      await this.keyRing.createTenantKeys(tx);
      this.audit.record(tx, {
        action: 'restore_drill.practice_created',
        target: { type: 'practice', id: practiceId },
      });
    });
    return practiceId;
  }

  /** A contact, its conversation and `count` messages (alternating in and out), each message audited. */
  async writeThread(practiceId: string, label: string, count: number): Promise<WrittenThread> {
    const contactId = randomUUID();
    const conversationId = randomUUID();
    const messages = Array.from({ length: count }, (_, i) => ({
      id: randomUUID(),
      body: `${label}: message ${i + 1} of ${count}`,
      direction: i % 2 === 0 ? 'inbound' : 'outbound',
    }));
    await this.db.forTenant(practiceId, async (tx) => {
      const cipher = await this.keyRing.forTenant(tx);
      const phone = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
      await tx.execute(
        `INSERT INTO contacts (id, tenant_id, name_enc, phone_enc, phone_bidx, lead_stage)
         VALUES ($1, $2, $3, $4, $5, 'new')`,
        [
          contactId,
          practiceId,
          cipher.encrypt('contacts.name', `Drill Contact ${label}`),
          cipher.encrypt('contacts.phone', phone),
          cipher.blindIndex('phone', phone),
        ],
      );
      await tx.execute(
        `INSERT INTO conversations (id, tenant_id, contact_id, status, last_message_at, last_channel)
         VALUES ($1, $2, $3, 'open', now(), 'sms')`,
        [conversationId, practiceId, contactId],
      );
      await tx.execute(
        `INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel, direction, body_enc, status)
         SELECT m.id, $1, $2, $3, 'sms', m.direction, m.body_enc,
                CASE m.direction WHEN 'inbound' THEN 'received' ELSE 'delivered' END
         FROM unnest($4::uuid[], $5::text[], $6::bytea[]) AS m(id, direction, body_enc)`,
        [
          practiceId,
          conversationId,
          contactId,
          messages.map((m) => m.id),
          messages.map((m) => m.direction),
          messages.map((m) => cipher.encrypt('messages.body', m.body)),
        ],
      );
      for (const m of messages) {
        this.audit.record(tx, {
          action: 'restore_drill.message_written',
          target: { type: 'message', id: m.id },
          metadata: { conversationId, phase: label },
        });
      }
    });
    return {
      conversationId,
      messageIds: messages.map((m) => m.id),
      sample: { messageId: messages[0]!.id, body: messages[0]!.body },
    };
  }

  /** Seals every practice's queued audit events into the chain and waits for background seals. */
  async settleAudit(practiceIds: string[]): Promise<void> {
    await this.audit.idle();
    for (const practiceId of practiceIds) await this.audit.seal(practiceId);
  }

  /** The practice's whole audit chain, checked with the audit key (as GET /v1/audit-events/verify does). */
  verifyAuditChain(practiceId: string): Promise<ChainCheck> {
    return this.db.forTenant(practiceId, (tx) => this.audit.verify(tx));
  }

  /** How many messages the app role sees under the practice's tenant setting. */
  async messagesSeenAs(practiceId: string): Promise<number> {
    const [row] = await this.db.forTenant(practiceId, (tx) =>
      tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages`),
    );
    return row!.n;
  }

  /** How many messages the app role sees with no tenant setting at all (forced RLS: none). */
  async messagesSeenWithoutTenant(): Promise<number> {
    const client = new pg.Client({ connectionString: this.appUrl });
    await client.connect();
    try {
      return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages`)).rows[0]!.n;
    } finally {
      await client.end();
    }
  }

  /** The stored body of a message, decrypted with the practice's keys (unwrapped by the master key). */
  async messageBody(practiceId: string, messageId: string): Promise<string | null> {
    return this.db.forTenant(practiceId, async (tx) => {
      const [row] = await tx.query<{ body_enc: Buffer }>(`SELECT body_enc FROM messages WHERE id = $1`, [
        messageId,
      ]);
      if (!row) return null;
      return (await this.keyRing.forTenant(tx)).decryptString('messages.body', row.body_enc);
    });
  }

  async close(): Promise<void> {
    await this.audit.idle();
    await this.appSource.destroy();
    await this.sealerSource.destroy();
  }
}
