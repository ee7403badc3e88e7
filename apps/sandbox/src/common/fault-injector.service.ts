import { Injectable } from '@nestjs/common';
import { randomHex } from './ids.js';

export type FaultProvider = 'twilio' | 'sendgrid';
export type FaultStatus = 429 | 500 | 503;

export interface FaultRequest {
  provider: FaultProvider;
  /** Only sends to this address (phone or email) fail; any send when absent. */
  to?: string;
  status: FaultStatus;
  times: number;
  /** Provider error code to answer with (Twilio's `code`); a per-status default otherwise. */
  code?: number;
}

export interface Fault extends FaultRequest {
  id: string;
  remaining: number;
}

/** Makes the next N matching sends fail with a chosen HTTP status, to test retries and backoff. */
@Injectable()
export class FaultInjector {
  private faults: Fault[] = [];

  add(request: FaultRequest): Fault {
    const fault: Fault = { ...request, id: `fault_${randomHex(6)}`, remaining: request.times };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }

  /** Uses up one failure of the first fault matching this send, oldest fault first. */
  take(provider: FaultProvider, recipients: string[]): Fault | null {
    const lowered = recipients.map((r) => r.toLowerCase());
    const fault = this.faults.find(
      (f) => f.provider === provider && (f.to === undefined || lowered.includes(f.to.toLowerCase())),
    );
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return { ...fault };
  }
}
