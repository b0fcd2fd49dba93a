import { ParseUUIDPipe } from '@nestjs/common';
import { AppError } from '../errors/app-error';

/** A malformed id is "not found", like an unknown one: the answer leaks nothing. */
export const UuidParam = new ParseUUIDPipe({ exceptionFactory: () => new AppError('NOT_FOUND') });
