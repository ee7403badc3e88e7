/** Deterministic BullMQ job id of one wake-up (no ':' allowed): re-snoozing to another time is another job. */
export function wakeJobId(conversationId: string, due: Date): string {
  return `wake-${conversationId}-${due.getTime()}`;
}
