import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';

/**
 * The lookup key of an anonymous ballot: HMAC-SHA-256 under a key derived from the server
 * secret, over the question and the participant. The server recomputes it to find (and
 * replace) a voter's own ballot; without the secret, the database cannot link a ballot to
 * anyone. The secret is TOKEN_SECRET (or the one kept under DATA_DIR), never in the database.
 */
@Injectable()
export class BallotKeys {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = createHmac('sha256', config.tokenSecret).update('palabre/anonymous-ballot/v1').digest();
  }

  of(questionId: string, participantId: string): string {
    return createHmac('sha256', this.key).update(`${questionId}:${participantId}`).digest('base64url');
  }
}
