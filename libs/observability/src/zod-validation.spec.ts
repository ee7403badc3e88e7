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

  describe('control characters (issue 19: a NUL reached Postgres as a 500, or a stored address)', () => {
    const loose = new ZodValidationPipe(
      z.object({
        email: z.string(),
        notes: z.array(z.string()).optional(),
        extra: z.record(z.string(), z.string()).optional(),
      }),
    );

    function refusal(value: unknown): Array<{ path: string; message: string }> {
      try {
        loose.transform(value, meta);
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).code).toBe('validation_failed');
        return (err as AppError).details as Array<{ path: string; message: string }>;
      }
      return expect.unreachable();
    }

    it.each(['\u0000', '\u0001', '\u0007', '\u000b', '\u000c', '\u001b', '\u007f', '\u009b'])(
      'refuses %j in any string, naming the field and not the value',
      (ch) => {
        const details = refusal({ email: `secret${ch}@b.co`, notes: ['fine', `x${ch}`] });
        expect(details.map((d) => d.path)).toEqual(['email', 'notes.1']);
        expect(JSON.stringify(details)).not.toContain('secret');
      },
    );

    it('refuses them in field names, naming the object that holds them', () => {
      expect(refusal({ email: 'a@b.co', extra: { 'k\u0000': 'v' } })).toEqual([
        { path: 'extra', message: expect.stringMatching(/field names/) },
      ]);
      expect(refusal('\u0000').map((d) => d.path)).toEqual(['(body)']);
    });

    it('lets tab, line feed and carriage return through (text has lines)', () => {
      expect(loose.transform({ email: 'a@b.co', notes: ['line 1\r\n\tline 2\n'] }, meta)).toEqual({
        email: 'a@b.co',
        notes: ['line 1\r\n\tline 2\n'],
      });
    });

    it('walks a deeply nested body without overflowing the stack', () => {
      let deep: unknown = 'x\u0000';
      for (let i = 0; i < 100_000; i++) deep = [deep];
      expect(refusal({ email: 'a@b.co', notes: deep })).toHaveLength(1);
    });
  });
});
