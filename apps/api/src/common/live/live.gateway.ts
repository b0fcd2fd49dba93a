import type { IncomingMessage } from 'node:http';
import { Inject, Logger, OnModuleDestroy } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace } from 'socket.io';
import { errorMessage, type ServerToClientEvents } from '@palabre/contracts';
import { isScreenRole, isStaffRole } from '@palabre/domain';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { ActorResolver } from '../auth/actor-resolver';
import { AppError, toAppError } from '../errors/app-error';
import { clientAddressReader } from '../http/client-address';
import { CommandDispatcher } from '../commands/command-dispatcher';
import { RealtimeEmitter } from './emitter';
import { PresenceService } from './presence.service';
import { FloodCoolOffs } from '../commands/rate-limit';
import { rooms } from './rooms';
import type { LiveSocket } from './live-socket';
import { VolatileFanout } from './volatile-fanout';

const REVALIDATE_MS = 60_000;

function tokenExpiry(token: string): number {
  const decoded = jwt.decode(token);
  const exp = decoded && typeof decoded === 'object' ? decoded.exp : undefined;
  return typeof exp === 'number' ? exp * 1000 : Infinity;
}

/**
 * The `/live` namespace: handshake authentication, rooms and presence.
 * Commands are not Nest message handlers: the CommandDispatcher routes them to the feature
 * providers' `@OnCommand` methods. Keep `@SubscribeMessage` off this namespace: Nest would bind
 * every such handler to every socket again (docs/decisions.md).
 */
@WebSocketGateway({ namespace: '/live' })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger('Live');
  private readonly perAddress = new Map<string, number>();
  private readonly clientAddress: (req: IncomingMessage) => string;
  private sweep?: NodeJS.Timeout;

  constructor(
    private readonly actors: ActorResolver,
    private readonly emitter: RealtimeEmitter,
    private readonly presence: PresenceService,
    private readonly dispatcher: CommandDispatcher,
    private readonly fanout: VolatileFanout,
    private readonly floods: FloodCoolOffs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.clientAddress = clientAddressReader(config.trustProxy);
  }

  afterInit(namespace: Namespace<Record<string, never>, ServerToClientEvents>): void {
    this.emitter.attach(namespace);
    this.fanout.attach(namespace);
    // Long-lived sockets are revalidated: an expired token is disconnected (the client rejoins).
    this.sweep = setInterval(() => {
      const now = Date.now();
      for (const socket of namespace.sockets.values()) {
        if (((socket.data as { expiresAt?: number }).expiresAt ?? Infinity) <= now) socket.disconnect(true);
      }
      this.floods.sweep(now);
    }, REVALIDATE_MS);
    this.sweep.unref();
    namespace.use((raw, next) => {
      const socket = raw as unknown as LiveSocket;
      const address = this.clientAddress(socket.request);
      socket.data.address = address;
      if ((this.perAddress.get(address) ?? 0) >= this.config.maxConnectionsPerIp) {
        return next(Object.assign(new Error('RATE_LIMITED'), { data: { code: 'RATE_LIMITED', message: errorMessage('RATE_LIMITED') } }));
      }
      const token: unknown = socket.handshake.auth?.token;
      this.actors
        .participant(typeof token === 'string' ? token : undefined)
        .then((actor) => {
          // Cut off for flooding a moment ago (see FloodCoolOffs): try again later.
          if (this.floods.active(actor.participantId)) throw new AppError('RATE_LIMITED');
          // All the participant's sockets share one bucket; past the cap: TOO_MANY_CONNECTIONS.
          socket.data.bucket = this.floods.admit(actor.participantId, socket);
          socket.data.actor = actor;
          socket.data.expiresAt = tokenExpiry(token as string);
          next();
        })
        .catch((error: unknown) => {
          const appError = toAppError(error);
          // The client reads err.data.code to tell "sign in again" from "try later".
          next(Object.assign(new Error(appError.code), { data: appError.toBody() }));
        });
    });
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    const actor = socket.data.actor;
    if (!actor) return void socket.disconnect(true);
    // Before any await: a command sent right after the handshake must find its listener.
    this.dispatcher.attach(socket);
    const address = socket.data.address;
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
    const joined = [rooms.session(actor.sessionId), rooms.participant(actor.participantId)];
    if (isStaffRole(actor.role)) joined.push(rooms.staff(actor.sessionId));
    if (isScreenRole(actor.role)) joined.push(rooms.screens(actor.sessionId));
    if (actor.groupId) joined.push(rooms.group(actor.groupId));
    await socket.join(joined);
    this.presence.mark(actor.sessionId);
  }

  /** Live sockets counted against the per-address limit, all addresses together (tests, diagnostics). */
  get addressedConnections(): number {
    let total = 0;
    for (const count of this.perAddress.values()) total += count;
    return total;
  }

  onModuleDestroy(): void {
    if (this.sweep) clearInterval(this.sweep);
  }

  handleDisconnect(socket: LiveSocket): void {
    const actor = socket.data.actor;
    const address = socket.data.address;
    const count = (this.perAddress.get(address) ?? 1) - 1;
    if (count <= 0) this.perAddress.delete(address);
    else this.perAddress.set(address, count);
    if (actor) this.presence.mark(actor.sessionId);
  }
}
