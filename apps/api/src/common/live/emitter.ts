import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { EventName, EventPayload, ServerToClientEvents } from '@palabre/contracts';

/** Sends server → client facts. The namespace is attached by the live gateway at init. */
@Injectable()
export class RealtimeEmitter {
  private namespace?: Namespace<Record<string, never>, ServerToClientEvents>;

  attach(namespace: Namespace<Record<string, never>, ServerToClientEvents>): void {
    this.namespace = namespace;
  }

  get server(): Namespace<Record<string, never>, ServerToClientEvents> | undefined {
    return this.namespace;
  }

  emit<E extends EventName>(room: string | string[], event: E, payload: EventPayload<E>): void {
    if (!this.namespace) return;
    // socket.io's typed emit cannot follow a generic event name; the map still checks the payload above.
    (this.namespace.to(room) as unknown as { emit(e: string, p: unknown): void }).emit(event, payload);
  }

  /** Like `emit`, but not to the sockets in `except` (they get their own version of the fact). */
  emitExcept<E extends EventName>(room: string | string[], except: string, event: E, payload: EventPayload<E>): void {
    if (!this.namespace) return;
    (this.namespace.to(room).except(except) as unknown as { emit(e: string, p: unknown): void }).emit(event, payload);
  }

  /** Disconnect every socket of a participant (revocation), on every node. */
  disconnectParticipant(room: string): void {
    // A short delay lets the 'participant.revoked' event reach the phone before the socket closes.
    setTimeout(() => this.namespace?.in(room).disconnectSockets(true), 50).unref();
  }
}
