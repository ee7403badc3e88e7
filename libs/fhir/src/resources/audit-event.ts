import type { AuditEventRow } from '@app/audit';
import type { AuditEvent, AuditEventEntity, Device, Patient, Reference } from '@medplum/fhirtypes';
import { SYSTEMS } from './fhir-systems.js';

/** An audit chain event, as the audit lib lists it (targets of export lines may lack a type). */
export type AuditChainEvent = Omit<AuditEventRow, 'target'> & {
  target: { type: string | null; id: string | null } | null;
};

/** AuditEvent.outcome (audit-event-outcome): 0 success, 4 minor failure (refused), 8 serious failure. */
const OUTCOME: Record<string, '0' | '4' | '8'> = { success: '0', denied: '4', failure: '8' };

/** The CRUDE action a dotted verb names (audit-event-action). */
function actionOf(verb: string): AuditEvent['action'] {
  const last = verb.split('.').at(-1) ?? '';
  if (/^(read|viewed|downloaded|exported|searched|listed|opened)$/.test(last)) return 'R';
  if (/^(created|added|recorded|granted|issued|sent|queued|received)$/.test(last)) return 'C';
  if (/^(deleted|removed)$/.test(last)) return 'D';
  if (/^(updated|changed|assigned|revoked|merged|status_changed|retracted)$/.test(last)) return 'U';
  return 'E';
}

/** Who acted, as a reference: a patient (contact) by reference, anyone else by identifier. */
function actorReference(actor: { type: string; id: string }): Reference<Patient | Device> {
  if (actor.type === 'patient' && isUuid(actor.id)) return { reference: `Patient/${actor.id}` };
  return {
    identifier: { system: `${SYSTEMS.actorType}:${actor.type}`, value: actor.id },
    display: actor.type,
  };
}

/** What an event is about: a patient or a message by reference, anything else by identifier. */
function entityOf(event: AuditChainEvent): AuditEventEntity | null {
  const { target } = event;
  const detail = Object.entries(event.metadata).map(([type, value]) => ({
    type,
    valueString: value === null ? 'null' : String(value),
  }));
  if (!target?.id && detail.length === 0) return null;
  let what: Reference | undefined;
  if (target?.id) {
    if (target.type === 'contact' && isUuid(target.id)) what = { reference: `Patient/${target.id}` };
    else if (target.type === 'message' && isUuid(target.id))
      what = { reference: `Communication/${target.id}` };
    else
      what = {
        identifier: { system: `${SYSTEMS.targetType}:${target.type ?? 'unknown'}`, value: target.id },
        ...(target.type ? { display: target.type } : {}),
      };
  }
  return { ...(what ? { what } : {}), ...(detail.length ? { detail } : {}) };
}

/**
 * An event of the practice's audit chain as an AuditEvent: the dotted action as `type` (this
 * API's code system) and its CRUDE `action`, the actor as the requesting agent (with the client
 * address), the target and the event's metadata (ids, counts, reasons: never PHI) as the entity.
 */
export function auditEventOf(event: AuditChainEvent): AuditEvent {
  const entity = entityOf(event);
  return {
    resourceType: 'AuditEvent',
    id: event.id,
    meta: { lastUpdated: event.occurredAt },
    type: { system: SYSTEMS.auditAction, code: event.action },
    action: actionOf(event.action),
    recorded: event.occurredAt,
    outcome: OUTCOME[event.outcome] ?? '8',
    agent: [
      {
        type: { coding: [{ system: SYSTEMS.actorType, code: event.actor.type }] },
        who: actorReference(event.actor),
        requestor: event.actor.type !== 'system' && event.actor.type !== 'provider',
        ...(event.ip ? { network: { address: event.ip, type: '2' as const } } : {}),
      },
    ],
    source: { observer: { display: 'Inbox audit chain' } },
    ...(entity ? { entity: [entity] } : {}),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(value: string): boolean {
  return UUID.test(value);
}
