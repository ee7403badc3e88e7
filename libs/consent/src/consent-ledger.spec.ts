import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '@app/audit';
import { ContactRepository } from '@app/contacts';
import { KeyRingService } from '@app/crypto';
import { TenantDb } from '@app/database';
import { appDataSource, appPool, newTenantId, ownerPool, testAuditService } from '@app/testing';
import { ConsentLedger, InvalidAddressError } from './consent-ledger.js';
import { currentDisclosure } from './disclosures.js';

describe('ConsentLedger', () => {
  let owner: pg.Pool;
  let app: pg.Pool;
  let ds: DataSource;
  let db: TenantDb;
  let audit: AuditService;
  let contacts: ContactRepository;
  let ledger: ConsentLedger;
  const tenant = newTenantId();
  const sms = currentDisclosure('sms');
  const email = currentDisclosure('email');
  const grantSms = (contactId: string, address: string) => ({
    contactId,
    channel: 'sms' as const,
    address,
    decision: 'granted' as const,
    method: 'sms_keyword' as const,
    disclosure: { version: sms.version, hash: sms.hash },
  });

  const newContact = (phone: string, mail?: string) =>
    db.forTenant(tenant, (tx) => contacts.create(tx, { name: 'Pat', phone, email: mail }));

  beforeAll(async () => {
    owner = ownerPool();
    app = appPool();
    ds = await appDataSource();
    db = new TenantDb(ds);
    const config = {
      MASTER_KEY: randomBytes(32).toString('base64'),
      MASTER_KEY_PREVIOUS: [],
      DATA_KEY_CACHE_SECONDS: 60,
      DEFAULT_PHONE_REGION: 'US',
    };
    const keys = new KeyRingService(config);
    audit = await testAuditService(db);
    contacts = new ContactRepository(keys, config);
    ledger = new ConsentLedger(keys, audit, config);
    await owner.query(`INSERT INTO practices (id, name) VALUES ($1, 'Consent test')`, [tenant]);
    await db.forTenant(tenant, (tx) => keys.createTenantKeys(tx));
  });
  afterAll(async () => {
    await audit.idle();
    await ds.destroy();
    await owner.end();
    await app.end();
  });

  it('derives the current state from the latest record, keeping the whole history', async () => {
    const c = await newContact('555-300-0001');
    await db.forTenant(tenant, async (tx) => {
      await ledger.record(tx, grantSms(c.id, '(555) 300-0001'));
      await ledger.record(tx, {
        contactId: c.id,
        channel: 'sms',
        address: '+15553000001',
        decision: 'revoked',
        method: 'staff_revoked',
      });
    });
    const [current, history] = await db.forTenant(tenant, async (tx) => [
      await ledger.current(tx, c.id),
      await ledger.history(tx, c.id),
    ]);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({
      channel: 'sms',
      address: '+15553000001',
      decision: 'revoked',
      method: 'staff_revoked',
    });
    expect(history.map((r) => r.decision)).toEqual(['revoked', 'granted']);
    expect(history[1]!.disclosureHash).toBe(sms.hash.toString('hex'));
  });

  it('keeps consent per channel and per exact address', async () => {
    const c = await newContact('555-300-0002', 'pat2@example.com');
    await db.forTenant(tenant, (tx) => ledger.record(tx, grantSms(c.id, '5553000002')));
    await db.forTenant(tenant, async (tx) => {
      expect(await ledger.decisionFor(tx, c.id, 'sms', '+1 555 300 0002')).toBe('granted');
      expect(await ledger.decisionFor(tx, c.id, 'email', 'pat2@example.com')).toBeNull(); // SMS consent is not email consent
      expect(await ledger.decisionFor(tx, c.id, 'sms', '5553009999')).toBeNull(); // a new number needs new consent
    });
  });

  it('refuses a grant without the disclosure shown, and addresses that are not addresses', async () => {
    const c = await newContact('555-300-0003');
    await db.forTenant(tenant, async (tx) => {
      await expect(
        ledger.record(tx, { ...grantSms(c.id, '5553000003'), disclosure: undefined }),
      ).rejects.toThrow(/disclosure/);
    });
    await db.forTenant(tenant, async (tx) => {
      await expect(
        ledger.record(tx, {
          contactId: c.id,
          channel: 'email',
          address: 'not-an-email',
          decision: 'declined',
          method: 'email_link',
        }),
      ).rejects.toBeInstanceOf(InvalidAddressError);
    });
  });

  it('stores addresses and evidence encrypted', async () => {
    const c = await newContact('555-300-0004');
    await db.forTenant(tenant, (tx) =>
      ledger.record(tx, {
        contactId: c.id,
        channel: 'email',
        address: 'secret.patient@example.com',
        decision: 'granted',
        method: 'verbal_attested',
        evidence: { attestation: 'Patient agreed on the phone, 3pm call' },
        disclosure: { version: email.version, hash: email.hash },
      }),
    );
    const { rows } = await owner.query(`SELECT * FROM consent_records WHERE contact_id = $1`, [c.id]);
    const raw = Object.values(rows[0])
      .map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v)))
      .join('|');
    expect(raw).not.toContain('secret.patient');
    expect(raw).not.toContain('agreed on the phone');
  });

  it('is append-only: the app role cannot update or delete, and the owner is stopped by the trigger', async () => {
    const c = await newContact('555-300-0005');
    await db.forTenant(tenant, (tx) => ledger.record(tx, grantSms(c.id, '5553000005')));
    const client = await app.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
      await expect(client.query(`UPDATE consent_records SET decision = 'granted'`)).rejects.toThrow(
        /permission denied/,
      );
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    await expect(
      owner.query(`UPDATE consent_records SET decision = 'declined' WHERE contact_id = $1`, [c.id]),
    ).rejects.toThrow(/append-only/);
    await expect(owner.query(`DELETE FROM consent_records WHERE contact_id = $1`, [c.id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('STOP opts the number out for the practice and revokes every grant on it (families share phones)', async () => {
    const [parent, child] = [await newContact('555-300-0006'), await newContact('555-300-0006')];
    await db.forTenant(tenant, async (tx) => {
      await ledger.record(tx, grantSms(parent.id, '5553000006'));
      await ledger.record(tx, grantSms(child.id, '5553000006'));
    });
    await db.forTenant(tenant, async (tx) => {
      await ledger.recordSmsOptOut(tx, {
        phone: '+15553000006',
        action: 'opt_out',
        source: 'keyword',
        keyword: 'STOP',
      });
      const revoked = await ledger.revokeAddress(tx, 'sms', '+15553000006', 'opt_out_keyword');
      expect(revoked.map((r) => r.contactId).toSorted()).toEqual([parent.id, child.id].toSorted());
    });
    await db.forTenant(tenant, async (tx) => {
      expect(await ledger.isSmsOptedOut(tx, '(555) 300-0006')).toBe(true);
      expect(await ledger.decisionFor(tx, child.id, 'sms', '5553000006')).toBe('revoked');
      // START re-subscribes SMS but does not restore PHI consent.
      await ledger.recordSmsOptOut(tx, {
        phone: '5553000006',
        action: 'opt_in',
        source: 'keyword',
        keyword: 'START',
      });
    });
    await db.forTenant(tenant, async (tx) => {
      expect(await ledger.isSmsOptedOut(tx, '5553000006')).toBe(false);
      expect(await ledger.decisionFor(tx, parent.id, 'sms', '5553000006')).toBe('revoked');
    });
  });

  it('audits every consent change', async () => {
    const c = await newContact('555-300-0007');
    await db.forTenant(tenant, (tx) => ledger.record(tx, grantSms(c.id, '5553000007')));
    const events = await db.forTenant(tenant, (tx) => audit.list(tx, { targetId: c.id, limit: 10 }));
    expect(events.map((e) => e.action)).toContain('consent.granted');
  });
});
