import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import type { Observable } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { SOCKET_MESSAGE_MAX_BYTES } from '@palabre/contracts';

/** The largest socket message accepted: the contract's bound, sized for the longest command (a text put to amendment). */
export const MAX_MESSAGE_BYTES = SOCKET_MESSAGE_MAX_BYTES;

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

  /**
   * Nest calls this on every connection, for every gateway, with that gateway's handlers bound
   * to the socket. `/live` commands go through the CommandDispatcher instead, so the list is
   * empty; then nothing is kept for the socket (Nest's default would still store a disconnect
   * observable per socket). A gateway that did use `@SubscribeMessage` still works, at Nest's cost.
   */
  override bindMessageHandlers(socket: Socket, handlers: MessageMappingProperties[], transform: (data: unknown) => Observable<unknown>): void {
    if (handlers.length > 0) super.bindMessageHandlers(socket, handlers, transform);
  }
}
