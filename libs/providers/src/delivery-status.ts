/**
 * The delivery statuses a provider report can mean, spelled as the store's status machine
 * spells them (`MessageStatus` in @app/conversations accepts every one of them).
 */
export type ReportedStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'read' | 'undelivered' | 'failed';

/** The provider took the message (or already had it): its id and the status it reported. */
export interface AcceptedMessage {
  providerMessageId: string;
  status: ReportedStatus;
}
