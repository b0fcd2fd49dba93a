import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import type { Observable } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';

/** The largest socket message accepted (a ballot or an idea is far smaller). */
export const MAX_MESSAGE_BYTES = 64 * 1024;

/**
 * socket.io with Palabre's limits: message size, Origin allow-list for browsers,
 * and the Redis adapter when several nodes share rooms.
 */
export class LiveIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly allowedOrigins: string[],
    private readonly redisAdapter?: ServerOptions['adapter'],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...(options as ServerOptions),
      maxHttpBufferSize: MAX_MESSAGE_BYTES,
      pingInterval: 20000,
      pingTimeout: 20000,
      // Browsers must come from an allowed origin; non-browser clients (no Origin header) are let through to token auth.
      allowRequest: (req, callback) => {
        const origin = req.headers.origin;
        callback(null, !origin || this.allowedOrigins.includes(origin));
      },
      ...(this.redisAdapter ? { adapter: this.redisAdapter } : {}),
    });
    return server;
  }

  /** Per gateway (by its list of messages): where each message's handler sits in Nest's list. */
  private readonly indexes = new Map<string, Map<string, number>>();

  /**
   * One dispatcher per gateway per socket. Nest's default keeps an rxjs chain
   * (fromEvent → mergeMap → takeUntil) alive per command per socket for the connection's
   * lifetime, and even one plain listener per command costs a closure and an emitter entry per
   * command per socket, so memory per participant grew with every command a feature added
   * (bench: docs/performance.md). Here a socket holds one `onAny` closure per gateway over Nest's
   * handler list; the message → handler index is shared by every socket. Same behaviour: the
   * handler's result becomes the ack, errors are logged.
   */
  override bindMessageHandlers(socket: Socket, handlers: MessageMappingProperties[], transform: (data: unknown) => Observable<unknown>): void {
    const key = handlers.map((h) => String(h.message)).join('\n');
    let index = this.indexes.get(key);
    if (!index) {
      index = new Map(handlers.map((h, i) => [String(h.message), i]));
      this.indexes.set(key, index);
    }
    const positions = index;
    socket.onAny((event: string, ...args: unknown[]) => {
      const at = positions.get(event);
      if (at !== undefined) this.dispatch(socket, handlers[at], args, transform);
    });
  }

  private dispatch(socket: Socket, handler: MessageMappingProperties, args: unknown[], transform: (data: unknown) => Observable<unknown>): void {
    const { callback, isAckHandledManually } = handler;
    const { data, ack } = this.mapPayload(args.length === 1 ? args[0] : args);
    let result$: Observable<unknown>;
    try {
      result$ = transform(callback(data, ack));
    } catch (error) {
      this.logger.error(error);
      return;
    }
    result$.subscribe({
      next: (response) => {
        if (response === undefined || response === null) return;
        const asEvent = response as { event?: string; data?: unknown };
        if (asEvent.event) return void socket.emit(asEvent.event, asEvent.data);
        if (!isAckHandledManually && typeof ack === 'function') ack(response);
      },
      error: (error: unknown) => this.logger.error(error),
    });
  }
}
