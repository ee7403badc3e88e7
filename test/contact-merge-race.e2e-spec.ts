import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestService } from '@app/conversations';
import { TenantDb } from '@app/database';
import { type StaffMember, StaffClient, ownerPool } from '@app/testing';
import { createPublicChannel } from './intake-fixtures.js';
import { freshPhone, startListeningApi, untilWaitingOn } from './ingestion-fixtures.js';

const PAIRS = 10;
const TEXTS_PER_PAIR = 3;
const ROUNDS = 3;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A merge moves everything of the merged contact to the survivor; an inbound message being
 * stored for the merged contact at the same time must end up with the survivor too, never on a
 * conversation of its own that the merge did not see.
 */
describe('contact merge racing inbound messages', () => {
  let app: INestApplication;
  let owner: pg.Pool;
  let c: StaffClient;
  let admin: StaffMember;
  let channelId: string;

  beforeAll(async () => {
    app = await startListeningApi({ ALLOW_SIGNUP: 'true' });
    owner = ownerPool();
    c = new StaffClient(app);
    admin = await c.signupPractice();
    channelId = (await createPublicChannel(app, owner, 'webform', { tenantId: admin.practiceId })).id;
  });

  afterAll(async () => {
    await app?.close();
    await owner?.end();
  });

  /** A message from the phone number, matched to its contact by address as an inbound SMS is. */
  const text = (phone: string, body: string) =>
    app.get(TenantDb).forTenant(admin.practiceId, (tx) =>
      app.get(IngestService).ingestInbound(tx, {
        channelId: channelId,
        channel: 'webform',
        from: { phone },
        body,
        actor: { type: 'patient', id: 'test' },
      }),
    );

  /** A message for a contact id read before the merge (a chat session or portal link bound to it). */
  const knownContactMessage = (contactId: string) =>
    app.get(TenantDb).forTenant(admin.practiceId, (tx) =>
      app.get(IngestService).ingestInbound(tx, {
        channelId: channelId,
        channel: 'webform',
        from: {},
        contactId,
        body: 'sent through a session bound to the contact',
        actor: { type: 'patient', id: contactId },
      }),
    );

  async function contactWithPhone(): Promise<{ contactId: string; phone: string }> {
    const phone = freshPhone();
    const first = await text(phone, 'first text');
    return { contactId: first.contactId!, phone };
  }

  const mergeOf = (survivorId: string, mergedId: string) =>
    c.post(`/v1/contacts/${survivorId}/merge`, { otherContactId: mergedId }, admin.accessToken);

  /**
   * The interleaving that loses the message, made certain: the merge has locked both contacts and
   * waits (on a conversation row this test holds) while `inbound` starts; then both go on.
   */
  async function inboundDuringMerge<T>(
    survivorId: string,
    mergedId: string,
    inbound: () => Promise<T>,
  ): Promise<T> {
    const holder = await owner.connect();
    try {
      const holderPid = (await holder.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
      await holder.query('BEGIN');
      await holder.query(
        `SELECT 1 FROM conversations WHERE contact_id = $1 AND status <> 'closed' FOR UPDATE`,
        [mergedId],
      );
      const merge = mergeOf(survivorId, mergedId).then((res) => res);
      await untilWaitingOn(owner, holderPid, 1);
      const message = inbound();
      await untilWaitingOn(owner, holderPid, 2);
      await holder.query('COMMIT');
      expect((await merge).status).toBe(200);
      return await message;
    } finally {
      holder.release();
    }
  }

  /** What of these contacts' messages and conversations a merge left behind on a merged contact. */
  const leftOnMerged = async (contactIds: string[]) =>
    (
      await owner.query(
        `SELECT
           (SELECT count(*)::int FROM conversations c JOIN contacts k ON k.id = c.contact_id
            WHERE k.id = ANY($1) AND k.merged_into IS NOT NULL AND c.status <> 'closed') AS "activeOnMerged",
           (SELECT count(*)::int FROM conversations c JOIN contacts k ON k.id = c.contact_id
            WHERE k.id = ANY($1) AND k.merged_into IS NOT NULL) AS "conversationsOnMerged",
           (SELECT count(*)::int FROM messages m JOIN contacts k ON k.id = m.contact_id
            WHERE k.id = ANY($1) AND k.merged_into IS NOT NULL) AS "messagesOnMerged",
           (SELECT count(*)::int FROM messages m JOIN conversations c ON c.id = m.conversation_id
            WHERE (m.contact_id = ANY($1) OR c.contact_id = ANY($1)) AND m.contact_id <> c.contact_id)
            AS "messagesOffTheirConversation"`,
        [contactIds],
      )
    ).rows[0];
  const NOTHING_LEFT = {
    activeOnMerged: 0,
    conversationsOnMerged: 0,
    messagesOnMerged: 0,
    messagesOffTheirConversation: 0,
  };

  it('a text matched by address while the merge holds the contacts lands with the survivor', async () => {
    const survivor = await contactWithPhone();
    const merged = await contactWithPhone();
    const result = await inboundDuringMerge(survivor.contactId, merged.contactId, () =>
      text(merged.phone, 'sent while staff merged'),
    );
    expect(result.contactId).toBe(survivor.contactId);
    expect(await leftOnMerged([survivor.contactId, merged.contactId])).toEqual(NOTHING_LEFT);
  });

  it('a message for a contact id read before the merge (session, link) lands with the survivor', async () => {
    const survivor = await contactWithPhone();
    const merged = await contactWithPhone();
    const result = await inboundDuringMerge(survivor.contactId, merged.contactId, () =>
      knownContactMessage(merged.contactId),
    );
    expect(result.contactId).toBe(survivor.contactId);
    // After the merge committed, the stale id still reaches the survivor.
    expect((await knownContactMessage(merged.contactId)).contactId).toBe(survivor.contactId);
    expect(await leftOnMerged([survivor.contactId, merged.contactId])).toEqual(NOTHING_LEFT);
  });

  it('many merges and inbound messages at once leave no conversation or message on a merged contact', async () => {
    const involved: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const pairs = await Promise.all(
        Array.from({ length: PAIRS }, async () => ({
          survivor: await contactWithPhone(),
          merged: await contactWithPhone(),
        })),
      );
      involved.push(...pairs.flatMap((p) => [p.survivor.contactId, p.merged.contactId]));
      const merges = await Promise.all([
        ...pairs.map(({ survivor, merged }) => mergeOf(survivor.contactId, merged.contactId)),
        ...pairs.flatMap(({ merged }) => [
          ...Array.from({ length: TEXTS_PER_PAIR }, (_, i) =>
            pause(i * 7).then(() => text(merged.phone, `text ${i} during the merge`)),
          ),
          pause(5).then(() => knownContactMessage(merged.contactId)),
        ]),
      ]);
      for (const res of merges.slice(0, PAIRS)) expect((res as { status: number }).status).toBe(200);
    }

    expect(await leftOnMerged(involved)).toEqual(NOTHING_LEFT);
  });
});
