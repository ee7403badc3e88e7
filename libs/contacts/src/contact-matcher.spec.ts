import { randomBytes, randomInt } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyRingService } from '@app/crypto';
import { TenantDb } from '@app/database';
import { appDataSource, newTenantId, ownerPool } from '@app/testing';
import { ContactMatcher, UnusableSenderAddressError } from './contact-matcher.js';
import { ContactRepository } from './contact.repository.js';

const phone = () => `+1555${String(randomInt(10_000_000)).padStart(7, '0')}`;
const email = () => `p.${randomBytes(4).toString('hex')}@example.org`;

describe('ContactMatcher (match by blind index, or create)', () => {
  let owner: pg.Pool;
  let ds: DataSource;
  let db: TenantDb;
  let contacts: ContactRepository;
  let matcher: ContactMatcher;
  const [a, b] = [newTenantId(), newTenantId()];

  beforeAll(async () => {
    owner = ownerPool();
    ds = await appDataSource(12);
    db = new TenantDb(ds);
    const keys = new KeyRingService({
      MASTER_KEY: randomBytes(32).toString('base64'),
      MASTER_KEY_PREVIOUS: [],
      DATA_KEY_CACHE_SECONDS: 60,
    });
    contacts = new ContactRepository(keys, { DEFAULT_PHONE_REGION: 'US' });
    matcher = new ContactMatcher(keys, contacts, { DEFAULT_PHONE_REGION: 'US' });
    for (const t of [a, b]) {
      await owner.query(`INSERT INTO practices (id, name) VALUES ($1, 'Matcher test')`, [t]);
      await db.forTenant(t, (tx) => keys.createTenantKeys(tx));
    }
  });
  afterAll(async () => {
    await ds.destroy();
    await owner.end();
  });

  it('creates a new lead with every address it was given, active now', async () => {
    const address = { phone: phone(), email: email(), name: 'Ana Web' };
    const match = await db.forTenant(a, (tx) => matcher.matchOrCreate(tx, address));
    expect(match).toMatchObject({ created: true, ambiguous: false });
    const contact = await db.forTenant(a, (tx) => contacts.get(tx, match.contactId));
    expect(contact).toMatchObject({ ...address, leadStage: 'new' });
    expect(contact?.lastActivityAt).toBeInstanceOf(Date);
  });

  it('matches by phone first, then by email', async () => {
    const known = { phone: phone(), email: email() };
    const first = await db.forTenant(a, (tx) => matcher.matchOrCreate(tx, known));
    const byEmail = await db.forTenant(a, (tx) =>
      matcher.matchOrCreate(tx, { phone: phone(), email: known.email }),
    );
    expect(byEmail).toEqual({ contactId: first.contactId, created: false, ambiguous: false });

    // The phone belongs to `first`, the email to `other`: the phone decides.
    const otherEmail = email();
    const other = await db.forTenant(a, (tx) => matcher.matchOrCreate(tx, { email: otherEmail }));
    const phoneWins = await db.forTenant(a, (tx) =>
      matcher.matchOrCreate(tx, { phone: known.phone, email: otherEmail }),
    );
    expect(phoneWins.contactId).toBe(first.contactId);
    expect(phoneWins.contactId).not.toBe(other.contactId);
  });

  it('never matches a contact of another practice', async () => {
    const address = { email: email() };
    const inA = await db.forTenant(a, (tx) => matcher.matchOrCreate(tx, address));
    const inB = await db.forTenant(b, (tx) => matcher.matchOrCreate(tx, address));
    expect(inB.created).toBe(true);
    expect(inB.contactId).not.toBe(inA.contactId);
  });

  it('flags a shared address as ambiguous and picks the most recently active contact', async () => {
    const shared = email();
    const [older, newer] = await db.forTenant(a, async (tx) => [
      await contacts.create(tx, { email: shared }),
      await contacts.create(tx, { email: shared }),
    ]);
    await owner.query(`UPDATE contacts SET last_activity_at = now() - interval '1 hour' WHERE id = $1`, [
      newer!.id,
    ]);
    await owner.query(`UPDATE contacts SET last_activity_at = now() - interval '1 day' WHERE id = $1`, [
      older!.id,
    ]);
    const match = await db.forTenant(a, (tx) => matcher.matchOrCreate(tx, { email: shared.toUpperCase() }));
    expect(match).toEqual({ contactId: newer!.id, created: false, ambiguous: true });
  });

  it('creates one contact for concurrent first messages from one email address', async () => {
    const address = { email: email() };
    const matches = await Promise.all(
      Array.from({ length: 8 }, () => db.forTenant(a, (tx) => matcher.matchOrCreate(tx, address))),
    );
    expect(new Set(matches.map((m) => m.contactId)).size).toBe(1);
    expect(matches.filter((m) => m.created)).toHaveLength(1);
  });

  it.each([
    [{}],
    [{ phone: 'abc' }],
    [{ email: 'not-an-email', name: 'Someone' }],
    [{ phone: null, email: '' }],
  ])('refuses a sender without a usable address: %o', async (sender) => {
    await expect(db.forTenant(a, (tx) => matcher.matchOrCreate(tx, sender))).rejects.toBeInstanceOf(
      UnusableSenderAddressError,
    );
  });
});
