import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { OperationOutcome } from '@medplum/fhirtypes';
import { AppError, type FieldProblem } from '@app/observability';
import { FhirError, FhirErrorCode as E } from '../fhir.errors.js';
import { operationOutcomeOf } from '../resources/bundle.js';
import { fhirHttpErrors } from './fhir-http-errors.js';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

type IssueCode = Parameters<typeof operationOutcomeOf>[0];

const ISSUE_CODE: Record<E, IssueCode> = {
  [E.OwnerOnly]: 'forbidden',
  [E.ApiClientNotFound]: 'not-found',
  [E.InvalidParameter]: 'invalid',
  [E.ResourceNotFound]: 'not-found',
  [E.UnsupportedType]: 'not-supported',
  [E.InvalidToken]: 'login',
  [E.InsufficientScope]: 'forbidden',
  [E.InvalidClient]: 'login',
  [E.InvalidRequest]: 'invalid',
  [E.UnsupportedGrantType]: 'not-supported',
  [E.InvalidScope]: 'forbidden',
  [E.ExportNotFound]: 'not-found',
  [E.ExportInProgress]: 'throttled',
  [E.TokenRateLimited]: 'throttled',
};

/** Field problems as one diagnostic line and their FHIRPath-ish expressions (parameter names). */
function problemsOf(details: unknown): { text: string; expression: string[] } | null {
  if (!Array.isArray(details) || details.length === 0) return null;
  const problems = details as FieldProblem[];
  return {
    text: problems.map((p) => `${p.path} ${p.message}`).join('; '),
    expression: [...new Set(problems.map((p) => p.path))],
  };
}

/**
 * Every error of a FHIR route as an OperationOutcome (`application/fhir+json`), with the status
 * the FHIR lib's map gives: refused parameters 400 `invalid` naming them, unknown resources 404,
 * a missing or dead token 401 (with `WWW-Authenticate: Bearer`), a scope 403, a second export
 * 429 (with Retry-After). Anything unexpected is a bare 500 whose log carries no message.
 */
@Catch()
export class FhirErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('FhirErrors');

  catch(err: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (reply.sent || reply.raw.headersSent) {
      reply.raw.end();
      return;
    }
    const { status, outcome } = this.render(err);
    if (err instanceof FhirError && err.code === E.InvalidToken)
      reply.header('WWW-Authenticate', 'Bearer error="invalid_token"');
    if (err instanceof FhirError && err.code === E.ExportInProgress) reply.header('Retry-After', '30');
    reply.status(status).type(FHIR_JSON).send(outcome);
  }

  render(err: unknown): { status: number; outcome: OperationOutcome } {
    if (err instanceof FhirError) {
      const { status } = fhirHttpErrors.answer(err);
      const problems = problemsOf(err.details);
      return {
        status,
        outcome: operationOutcomeOf(
          ISSUE_CODE[err.code],
          problems ? `${err.message}: ${problems.text}` : err.message,
          problems?.expression,
        ),
      };
    }
    if (err instanceof AppError && err.getStatus() < 500) {
      const problems = problemsOf(err.details);
      return {
        status: err.getStatus(),
        outcome: operationOutcomeOf(
          err.getStatus() === 400 ? 'invalid' : 'processing',
          problems ? `${err.message}: ${problems.text}` : err.message,
          problems?.expression,
        ),
      };
    }
    if (err instanceof HttpException && err.getStatus() < 500)
      return {
        status: err.getStatus(),
        outcome: operationOutcomeOf('processing', 'The request could not be processed'),
      };
    this.logger.error({ err: { name: (err as Error)?.name } }, 'Unexpected error on a FHIR route');
    return { status: 500, outcome: operationOutcomeOf('exception', 'Internal error') };
  }
}
