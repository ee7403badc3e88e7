import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MESSAGE_STATUSES, type MessageStatus, canTransition, nextStatus } from './message-status.js';

// The expected matrix, written out by hand (row = current status, column = reported status;
// Y = the reported status is stored). Independent of MESSAGE_STATUS_TRANSITIONS, so a wrong
// table fails here.
const MATRIX = `
              queued  sending  sent  delivered  read  failed  undelivered
  queued        .        Y      Y       Y        Y      Y         Y
  sending       .        .      Y       Y        Y      Y         Y
  sent          .        .      .       Y        Y      Y         Y
  delivered     .        .      .       .        Y      .         .
  read          .        .      .       .        .      .         .
  failed        .        .      .       .        .      .         .
  undelivered   .        .      .       .        .      .         .
`;
const [header, ...rows] = MATRIX.trim()
  .split('\n')
  .map((line) => line.trim().split(/\s+/));
const COLUMNS = header!;
const EXPECTED = new Map(rows.map(([from, ...cells]) => [from!, cells]));

function expected(from: MessageStatus, to: MessageStatus): boolean {
  return EXPECTED.get(from)?.[COLUMNS.indexOf(to)] === 'Y';
}

describe('message status machine', () => {
  it('covers exactly the statuses of the matrix', () => {
    expect([...MESSAGE_STATUSES]).toEqual(COLUMNS);
    expect([...EXPECTED.keys()]).toEqual(COLUMNS);
  });

  const pairs = MESSAGE_STATUSES.flatMap((from) => MESSAGE_STATUSES.map((to) => [from, to] as const));
  it.each(pairs)('%s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(expected(from, to));
    expect(nextStatus(from, to)).toBe(expected(from, to) ? to : null);
  });

  it('never lets a late sent overwrite delivered, nor anything leave a failure', () => {
    expect(nextStatus('delivered', 'sent')).toBeNull();
    expect(nextStatus('failed', 'delivered')).toBeNull();
    expect(nextStatus('undelivered', 'sent')).toBeNull();
  });

  it('leaves statuses outside the machine (inbound received, unknown) untouched', () => {
    for (const to of MESSAGE_STATUSES) {
      expect(nextStatus('received', to)).toBeNull();
      expect(nextStatus('', to)).toBeNull();
    }
  });

  it('ends in the same state whatever order the callbacks of one delivery arrive in', () => {
    // A successful delivery reports queued, sending, sent, delivered; a failed one ends in a failure.
    const success: MessageStatus[] = ['sending', 'sent', 'delivered'];
    const failure: MessageStatus[] = ['sending', 'sent', 'undelivered'];
    for (const [events, final] of [
      [success, 'delivered'],
      [failure, 'undelivered'],
    ] as const) {
      fc.assert(
        fc.property(fc.shuffledSubarray(events, { minLength: events.length }), fc.nat(3), (order, dup) => {
          // Duplicates (retries) too: replay a prefix of the sequence again at the end.
          const replayed = [...order, ...order.slice(0, dup)];
          const end = replayed.reduce<MessageStatus>(
            (status, event) => nextStatus(status, event) ?? status,
            'queued',
          );
          expect(end).toBe(final);
        }),
      );
    }
  });
});
