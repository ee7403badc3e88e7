import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { ownerPool } from '@app/testing';
import { AppError } from './app-error.js';
import { ErrorFilter } from './error.filter.js';

/** An error as body-parser raises it (http-errors), before and after Nest maps it. */
function bodyParserError(status: number, type: string, message: string): Error {
  return Object.assign(new SyntaxError(message), { status, statusCode: status, type, expose: true });
}

/** Issue 19: error bodies never echo input (a body fragment, a path, a charset). */
describe('ErrorFilter', () => {
  const filter = new ErrorFilter();

  it("answers Nest's unknown-route 404 without the path", () => {
    const { status, body } = filter.render(new NotFoundException('Cannot GET /v1/x/pat.doe@mail.test'));
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'not_found', message: 'No such resource' } });
  });

  it('answers a malformed JSON body without quoting it, mapped by Nest or not', () => {
    const raw = bodyParserError(
      400,
      'entity.parse.failed',
      `Unexpected token 'h', "hunter2" is not valid JSON`,
    );
    for (const err of [raw, new BadRequestException(raw.message, { cause: raw })]) {
      const { status, body } = filter.render(err);
      expect(status).toBe(400);
      expect(body).toEqual({ error: { code: 'bad_request', message: 'The request body is not valid JSON' } });
    }
  });

  it('answers an unsupported charset without naming it', () => {
    const raw = bodyParserError(415, 'charset.unsupported', 'unsupported charset "HUNTER2"');
    const { status, body } = filter.render(new HttpException(raw.message, 415, { cause: raw }));
    expect(status).toBe(415);
    expect(JSON.stringify(body)).not.toContain('HUNTER2');
  });

  it('keeps the message of an AppError (written for the client) and its status, 5xx included', () => {
    expect(filter.render(new AppError(409, 'email_taken', 'That email is in use')).body.error.message).toBe(
      'That email is in use',
    );
    const notReady = filter.render(new AppError(503, 'not_ready', 'Not ready', { redis: 'down' }));
    expect(notReady).toEqual({
      status: 503,
      body: { error: { code: 'not_ready', message: 'Not ready', details: { redis: 'down' } } },
    });
  });

  it('hides any other 5xx behind internal_error', () => {
    const { status, body } = filter.render(new HttpException('db password=xyz', 503));
    expect(status).toBe(500);
    expect(body.error.code).toBe('internal_error');
  });

  it('answers a real Postgres deadlock with 409 concurrent_change (the request may be sent again)', async () => {
    const pool = ownerPool();
    const [a, b] = [await pool.connect(), await pool.connect()];
    try {
      // Two transactions take the same two locks in opposite orders.
      await a.query('BEGIN');
      await b.query('BEGIN');
      await a.query('SELECT pg_advisory_xact_lock(19001)');
      await b.query('SELECT pg_advisory_xact_lock(19002)');
      const first = a.query('SELECT pg_advisory_xact_lock(19002)');
      const second = b.query('SELECT pg_advisory_xact_lock(19001)');
      const outcomes = await Promise.allSettled([first, second]);
      const lost = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect((lost.reason as { code?: string }).code).toBe('40P01');
      const { status, body } = filter.render(lost.reason);
      expect(status).toBe(409);
      expect(body).toEqual({
        error: {
          code: 'concurrent_change',
          message: 'Another change to the same records happened at the same time; try again',
        },
      });
    } finally {
      await a.query('ROLLBACK').catch(() => undefined);
      await b.query('ROLLBACK').catch(() => undefined);
      a.release();
      b.release();
      await pool.end();
    }
  });
});
