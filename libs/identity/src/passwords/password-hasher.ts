import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

/** OWASP's argon2id baseline (19 MiB, 2 passes): ~20 ms here, cheap enough for login bursts. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * argon2id hashing. `verifyNothing` runs the same work against a throwaway hash so a login for an
 * unknown email costs the same time as a wrong password for a known one.
 */
@Injectable()
export class PasswordHasher {
  private readonly dummyHash: Promise<string> = argon2.hash('not-a-real-password-just-timing', OPTIONS);

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      // A malformed stored hash must fail closed, not 500.
      return false;
    }
  }

  async verifyNothing(password: string): Promise<false> {
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
