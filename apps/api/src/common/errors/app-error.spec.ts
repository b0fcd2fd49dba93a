import { Logger, type ArgumentsHost } from '@nestjs/common';
import { AppError, isDatabaseUnavailable, toAppError } from './app-error';
import { HttpExceptionFilter } from './http-exception.filter';

/** TypeORM's own error shape for a statement on a runner its connection's error event released. */
function releasedRunner(name = 'QueryRunnerAlreadyReleasedError'): Error {
  const error = new Error('Query runner already released. Cannot run queries anymore.');
  error.name = name;
  return error;
}

/** A response double that records what the filter answers (status and JSON body). */
function respond(exception: unknown): { status: number; body: { error: { code: string; message: string } } } {
  const sent = { status: 0, body: undefined as unknown };
  const res = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ headers: { 'accept-language': 'fr-FR' } }), getResponse: () => res }) } as unknown as ArgumentsHost;
  new HttpExceptionFilter().catch(exception, host);
  return sent as { status: number; body: { error: { code: string; message: string } } };
}

describe('a database outage is told apart from a bug in one place', () => {
  // The filter logs the INTERNAL case's stack and the outage's warning: not this spec's subject.
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['error', 'warn', 'log']));

  it('a connection ended under a transaction (released query runner) is an outage, whichever TypeORM name it has', () => {
    expect(isDatabaseUnavailable(releasedRunner())).toBe(true);
    expect(isDatabaseUnavailable(releasedRunner('QueryRunnerProviderAlreadyReleasedError'))).toBe(true);
    expect(toAppError(releasedRunner()).code).toBe('DATABASE_UNAVAILABLE');
  });

  it('driver codes and messages of a restart are outages; an ordinary failure stays INTERNAL', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(toAppError(new TypeError('x is undefined')).code).toBe('INTERNAL');
    expect(toAppError(new AppError('NOT_FOUND')).code).toBe('NOT_FOUND');
  });

  it('a REST route whose own transaction lost its connection answers 503 DATABASE_UNAVAILABLE in French, not 500', () => {
    const { status, body } = respond(releasedRunner());
    expect(status).toBe(503);
    expect(body.error.code).toBe('DATABASE_UNAVAILABLE');
    expect(body.error.message).toMatch(/momentanément indisponible/);
    expect(respond(new TypeError('boom')).status).toBe(500);
  });
});
