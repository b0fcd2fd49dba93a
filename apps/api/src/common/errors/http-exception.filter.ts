import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { httpStatusOf, type ErrorCode } from '@palabre/contracts';
import { AppError, toAppError } from './app-error';
import { reportDatabaseUnavailable } from './database-outage';
import { localeOf } from '../http/locale';

/** Maps every error to `{ error: { code, message } }` with the code's HTTP status. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const error = exception instanceof HttpException ? fromHttpException(exception) : toAppError(exception);
    if (error.code === 'INTERNAL') this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    // An outage met outside the command path (a REST route's own transaction): the same one warning.
    else if (error.code === 'DATABASE_UNAVAILABLE' && !(exception instanceof AppError)) reportDatabaseUnavailable(exception);
    if (res.headersSent) return;
    res.status(httpStatusOf(error.code)).json({ error: error.toBody(localeOf(req)) });
  }
}

/** Framework errors (unknown route, body too large, malformed JSON) keep the same envelope. */
function fromHttpException(exception: HttpException): AppError {
  const status = exception.getStatus();
  const code: ErrorCode = status === 404 ? 'NOT_FOUND' : status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status < 500 ? 'VALIDATION_FAILED' : 'INTERNAL';
  return new AppError(code);
}
