import type { RateLimit } from './intake-rate-limiter.js';

/**
 * Public intake limits. Per client address they stop one bot; per form/widget they cap what a
 * botnet can push into one practice's inbox. Generous for people: a person submits a form once.
 */
export const INTAKE_LIMITS = {
  formPerIp: { name: 'form-ip', limit: 5, windowSeconds: 600 },
  formPerForm: { name: 'form', limit: 300, windowSeconds: 60 },
  chatSessionPerIp: { name: 'chat-session-ip', limit: 10, windowSeconds: 600 },
  chatSessionPerWidget: { name: 'chat-session', limit: 300, windowSeconds: 60 },
  chatMessagePerSession: { name: 'chat-message', limit: 30, windowSeconds: 60 },
  // Each code is a text or email to someone's address: few per session and per client address.
  chatCodePerSession: { name: 'chat-code', limit: 3, windowSeconds: 900 },
  chatCodePerIp: { name: 'chat-code-ip', limit: 10, windowSeconds: 900 },
  // Guessing is capped by the session's lockout (5 wrong codes); this stops hammering across sessions.
  chatCodeConfirmPerIp: { name: 'chat-code-confirm-ip', limit: 30, windowSeconds: 900 },
} as const satisfies Record<string, RateLimit>;
