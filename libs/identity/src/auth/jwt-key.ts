import { createSecretKey, type KeyObject } from 'node:crypto';

/**
 * JWT_SECRET as a KeyObject. Given a string, jsonwebtoken first tries (and fails) to parse it as
 * a PEM public key on every call: ~0.7 ms of OpenSSL error handling per request. A KeyObject
 * skips that; the HMAC itself costs microseconds.
 */
export function jwtKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}
