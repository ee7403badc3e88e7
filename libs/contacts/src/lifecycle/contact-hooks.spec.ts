import { describe, expect, it } from 'vitest';
import type { TenantTx } from '@app/database';
import { ContactHooks } from './contact-hooks.js';

const tx = {} as TenantTx;

describe('ContactHooks', () => {
  it('runs merge hooks in ascending order and sums what each reports', async () => {
    const hooks = new ContactHooks();
    const ran: string[] = [];
    hooks.register('consent', 40, {
      mergeContact: async () => (ran.push('consent'), { consentsCopied: 2 }),
    });
    hooks.register('conversations', 10, {
      mergeContact: async () => (ran.push('conversations'), { conversationsMoved: 1, messagesMoved: 3 }),
    });
    hooks.register('channels', 20, { retireAddress: async () => ({ linksRetracted: 9 }) });
    expect(hooks.names()).toEqual(['conversations', 'channels', 'consent']);
    expect(await hooks.mergeContact(tx, 's', 'o')).toEqual({
      conversationsMoved: 1,
      messagesMoved: 3,
      consentsCopied: 2,
      foldedConversationId: null,
    });
    expect(ran).toEqual(['conversations', 'consent']);
    expect(await hooks.retireAddress(tx, 'c', 'sms', Buffer.alloc(1))).toEqual({
      channel: 'sms',
      linksRetracted: 9,
      consentRequestsCancelled: 0,
    });
  });

  it('refuses a second hook under the same name', () => {
    const hooks = new ContactHooks();
    hooks.register('delivery', 30, {});
    expect(() => hooks.register('delivery', 30, {})).toThrow(/registered twice/);
  });
});
