import type { GateDecision } from '@app/consent';
import type { DispatchMessage } from '../outbound/dispatch-read.js';
import type { OutboundRoute } from '../outbound/outbound-messages.js';

/** What a message may go out as now, by the gate asked again at send time. */
export type RouteAtSend =
  | { kind: 'blocked'; reason: string }
  /** `reroutedBecause`: a plain reply becomes a secure notice (the gate's reason, to record). */
  | { kind: 'send'; route: OutboundRoute | 'system'; reroutedBecause: string | null };

/**
 * A revocation since the reply wins: a reply accepted as plain goes out plain only if consent
 * still holds, else as a secure notice; a secure route stays secure; a block fails the message
 * (an opted-out number gets nothing). A system message goes as itself unless blocked.
 */
export function routeAtSend(
  message: Pick<DispatchMessage, 'kind' | 'route'>,
  decision: GateDecision,
): RouteAtSend {
  if (decision.route === 'blocked') return { kind: 'blocked', reason: decision.reason };
  if (message.kind === 'system') return { kind: 'send', route: 'system', reroutedBecause: null };
  if (message.route === 'plain' && decision.route === 'secure_link')
    return { kind: 'send', route: 'secure_link', reroutedBecause: decision.reason };
  return { kind: 'send', route: message.route ?? 'secure_link', reroutedBecause: null };
}
