import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './app-error.js';
import { ZodValidationPipe } from './zod-validation.js';

describe('ZodValidationPipe', () => {
  const pipe = new ZodValidationPipe(z.object({ email: z.email(), age: z.coerce.number().int().min(0) }));
  const meta = { type: 'body' as const };

  it('returns the parsed (coerced) value', () => {
    expect(pipe.transform({ email: 'a@b.co', age: '4' }, meta)).toEqual({ email: 'a@b.co', age: 4 });
  });

  it('answers 400 validation_failed with per-field details and no submitted values', () => {
    try {
      pipe.transform({ email: 'secret-phi-value', age: -1 }, meta);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      const e = err as AppError;
      expect(e.getStatus()).toBe(400);
      expect(e.code).toBe('validation_failed');
      expect((e.details as Array<{ path: string }>).map((d) => d.path).toSorted()).toEqual(['age', 'email']);
      expect(JSON.stringify(e.details)).not.toContain('secret-phi-value');
    }
  });

  it('treats a missing body as an empty object', () => {
    expect(() => pipe.transform(undefined, meta)).toThrow(AppError);
  });
});
