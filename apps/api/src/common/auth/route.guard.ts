import { CanActivate, ExecutionContext, Injectable, SetMetadata, applyDecorators, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ROUTES, type RouteKey } from '@palabre/contracts';
import { z } from 'zod';
import { ROUTE_RULES } from '@palabre/domain';
import { AppError } from '../errors/app-error';
import { parseWith, refuseUnsafeText } from '../validation';
import type { Actor, ParticipantActor, StaffActor } from './actor';
import { ActorResolver, bearerOf } from './actor-resolver';

const ROUTE_KEY = 'palabre:route';
/** A route that reads no query parameter ignores them all. */
const NO_QUERY = z.object({});

/** Ties a controller method to its contract route: auth, roles and body schema come from there. */
export function Route(key: RouteKey) {
  return applyDecorators(SetMetadata(ROUTE_KEY, key));
}

type AuthedRequest = Request & { actor?: Actor };

/**
 * The one place REST authorisation happens, driven by the contracts' route table and
 * libs/domain's rules. Bodies are validated only after the caller is known.
 */
@Injectable()
export class RouteGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly actors: ActorResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Socket commands are authorised by the CommandRunner, against the command table.
    if (context.getType() !== 'http') return true;
    const key = this.reflector.get<RouteKey | undefined>(ROUTE_KEY, context.getHandler());
    // A handler without @Route is a programming error: refuse rather than leave it open.
    if (!key) throw new AppError('FORBIDDEN');
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const rule = ROUTE_RULES[key];
    const token = bearerOf(req.headers.authorization);
    if (rule.auth === 'staff') {
      const actor = await this.actors.staff(token);
      if (!rule.roles.includes(actor.role)) throw new AppError('FORBIDDEN');
      req.actor = actor;
    } else if (rule.auth === 'session') {
      const actor = await this.actors.participant(token);
      // A token of another session is refused the same way as an unknown session: nothing leaks.
      if (req.params.id !== actor.sessionId) throw new AppError('FORBIDDEN');
      if (!rule.roles.includes(actor.role)) throw new AppError('FORBIDDEN');
      req.actor = actor;
    }
    // Path and query parameters obey the same text rule as bodies; the query its route's schema.
    refuseUnsafeText(req.params);
    const query = parseWith(ROUTES[key].query ?? NO_QUERY, req.query ?? {});
    // Express 5 computes req.query on each read: pin the parsed value so @Query() sees it.
    Object.defineProperty(req, 'query', { value: query, configurable: true, enumerable: true, writable: true });
    const schema = ROUTES[key].body;
    if (schema && !ROUTES[key].contentType) req.body = parseWith(schema, req.body ?? {});
    // CSV uploads are parsed by their service; like every other text they obey the text rule.
    if (typeof req.body === 'string') refuseUnsafeText(req.body);
    return true;
  }
}

export const CurrentStaff = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffActor => {
  const actor = ctx.switchToHttp().getRequest<AuthedRequest>().actor;
  if (actor?.kind !== 'staff') throw new AppError('UNAUTHENTICATED');
  return actor;
});

export const CurrentParticipant = createParamDecorator((_: unknown, ctx: ExecutionContext): ParticipantActor => {
  const actor = ctx.switchToHttp().getRequest<AuthedRequest>().actor;
  if (actor?.kind !== 'participant') throw new AppError('UNAUTHENTICATED');
  return actor;
});
