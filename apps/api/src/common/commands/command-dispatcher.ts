import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { Ack, CommandName, Locale } from '@palabre/contracts';
import type { ParticipantActor } from '../auth/actor';
import { AppError } from '../errors/app-error';
import { CommandRunner, type CommandContext } from './command-runner';
import { socketLocale, type LiveSocket } from '../live/live-socket';
import { CommandMetadata, type CommandMeta } from './on-command';
import { FloodCoolOffs } from './rate-limit';

type Handler = (...args: unknown[]) => Promise<unknown>;
type AckFn = (answer: unknown) => void;

/**
 * The `/live` command table and the one listener all sockets share.
 *
 * Nest's gateway binding costs memory per connection: on every connection it binds each
 * `@SubscribeMessage` handler to the socket (`callback.bind(instance, client)`), and the adapter
 * keeps those ~80 functions and their records for the socket's life. Here the table
 * (command → bound method) is built once at startup from the providers' `@OnCommand` methods,
 * and a socket holds a single `onAny` entry pointing at one shared function.
 *
 * The dispatcher runs the whole pipeline for every command, so a handler cannot forget a step:
 * rate limit (here, before anything else), then role and payload schema (CommandRunner.answer),
 * then the handler — inside a transaction with its opId stored (CommandRunner.execute), or, for
 * a batched handler, with the checked actor and payload. Every message gets an ack: the result as
 * `{ ok: true, data }` (also when the handler returns nothing), a refusal as its code, an event
 * nobody handles NOT_FOUND, a handler that throws INTERNAL (logged) — never a silence or a crash.
 */
@Injectable()
export class CommandDispatcher implements OnModuleInit {
  private readonly logger = new Logger('Command');
  private readonly handlers = new Map<string, { run: Handler; owner: string; batched: boolean }>();

  /** socket.io calls `onAny` listeners with the socket as `this`, so one function serves every socket. */
  private readonly listener: (this: LiveSocket, event: string, ...args: unknown[]) => void;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly runner: CommandRunner,
    floods: FloodCoolOffs,
  ) {
    const dispatch = (socket: LiveSocket, event: string, args: unknown[]) =>
      this.dispatch(socket, event, args).catch((error: unknown) => this.logger.error(`${event}: ${stackOf(error)}`));
    this.listener = function (this: LiveSocket, event: string, ...args: unknown[]) {
      // The rate limit comes first and costs next to nothing: a flood is answered from a
      // ready-made refusal, with no handler, promise or exception per message.
      const bucket = this.data.bucket;
      if (!bucket.take()) {
        const ack = args.at(-1);
        if (typeof ack === 'function') (ack as AckFn)(RATE_LIMITED[socketLocale(this)]);
        // Still sending far above the limit: close the socket and refuse its handshakes for a while.
        if (floods.isFlood(bucket)) {
          floods.start(this.data.actor.participantId);
          this.disconnect(true);
        }
        return;
      }
      void dispatch(this, event, args);
    };
  }

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object') continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const meta: CommandMeta | undefined = this.discovery.getMetadataByDecorator(CommandMetadata, wrapper, method);
        if (!meta) continue;
        const { name, batched } = meta;
        const owner = `${instance.constructor.name}.${method}`;
        const taken = this.handlers.get(name);
        // Two handlers for one command would make the ack depend on module order: refuse to start.
        if (taken) throw new Error(`Command "${name}" has two handlers: ${taken.owner} and ${owner}`);
        const fn = (instance as Record<string, Handler>)[method];
        this.handlers.set(name, { run: fn.bind(instance), owner, batched });
      }
    }
  }

  /** Every command with a handler, and which method handles it (for tests and diagnostics). */
  table(): Map<string, string> {
    return new Map([...this.handlers].map(([name, { owner }]) => [name, owner]));
  }

  /** The socket's only message listener. */
  attach(socket: LiveSocket): void {
    socket.onAny(this.listener as (event: string, ...args: unknown[]) => void);
  }

  private async dispatch(socket: LiveSocket, event: string, args: unknown[]): Promise<void> {
    // socket.io passes the payload(s), then the client's ack function if it asked for one.
    const ack = typeof args.at(-1) === 'function' ? (args.pop() as AckFn) : undefined;
    const body = args.length <= 1 ? args[0] : args;
    const handler = this.handlers.get(event);
    if (!handler) {
      // An event nobody handles still gets an answer: never silence.
      ack?.(refusal(new AppError('NOT_FOUND'), socket));
      return;
    }
    const name = event as CommandName;
    // The table is keyed by name, so the handler's types are the command's: checked by OnCommand.
    const perform = (actor: ParticipantActor, payload: unknown): Promise<never> =>
      (handler.batched ? handler.run(actor, payload) : this.runner.execute(actor, name, payload as never, (ctx: CommandContext<CommandName>) => handler.run(ctx) as never)) as Promise<never>;
    const answer = await this.runner.answer(socket, name, body, perform);
    ack?.(answer);
  }
}

/** The rate-limit refusal in each language, built once. */
const RATE_LIMITED: Record<Locale, Ack<never>> = {
  fr: Object.freeze({ ok: false as const, error: new AppError('RATE_LIMITED').toBody('fr') }),
  en: Object.freeze({ ok: false as const, error: new AppError('RATE_LIMITED').toBody('en') }),
};

function refusal(error: AppError, socket: LiveSocket): Ack<never> {
  return { ok: false, error: error.toBody(socketLocale(socket)) };
}

function stackOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
