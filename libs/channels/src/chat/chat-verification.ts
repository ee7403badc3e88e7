import type { ChatSession } from './chat-sessions.js';

/** Where a chat visitor asks for their code: the phone or the email they typed. */
export type ChatCodeChannel = 'sms' | 'email';

/**
 * A chat visitor proves the address they typed with a one-time code sent there by the delivery
 * workers (the delivery library provides it; channels cannot import delivery, which depends on
 * channels). Once proven, a claim joins the contact that holds the address and the session may
 * receive that contact's replies in the chat.
 */
export interface ChatAddressVerifier {
  /** Queues a code to the session contact's address on `channel`; answers how long it will be valid. */
  sendCode(session: ChatSession, channel: ChatCodeChannel): Promise<{ expiresInSeconds: number }>;
  /** Accepts the code or throws (400 invalid_code, 423 verification_locked). */
  confirm(session: ChatSession, code: string): Promise<void>;
}

/** Injection token of the ChatAddressVerifier (provided by the delivery library's ChatVerificationModule). */
export const CHAT_ADDRESS_VERIFIER = Symbol('CHAT_ADDRESS_VERIFIER');
