import { describe, expect, it } from 'vitest';
import type { KeyRingService } from '@app/crypto';
import type { TenantTx } from '@app/database';
import type { EmailThreadRepository } from './email-thread.repository.js';
import { EmailThreads } from './email-threads.js';

/** EmailThreads over a repository that knows one kept Message-ID (or none). */
function threadsKnowing(messageId: string | null): EmailThreads {
  const repository = { latestInboundMessageId: async () => messageId } as unknown as EmailThreadRepository;
  return new EmailThreads(repository, {} as KeyRingService);
}
const tx = {} as TenantTx;

describe('EmailThreads.replyHeaders', () => {
  it("names the patient's last Message-ID in In-Reply-To and References, bracketed", async () => {
    expect(await threadsKnowing('CAF1x.y@mail.gmail.com').replyHeaders(tx, 'c')).toEqual({
      'In-Reply-To': '<CAF1x.y@mail.gmail.com>',
      References: '<CAF1x.y@mail.gmail.com>',
    });
  });

  it('sends nothing when there is no email to answer, or an id that could smuggle a header', async () => {
    expect(await threadsKnowing(null).replyHeaders(tx, 'c')).toBeNull();
    for (const bad of ['a@b\r\nBcc: x@evil.test', 'a b@c', 'a>@b', '<a@b>', 'ä@b', 'x'.repeat(901)])
      expect(await threadsKnowing(bad).replyHeaders(tx, 'c')).toBeNull();
  });
});
