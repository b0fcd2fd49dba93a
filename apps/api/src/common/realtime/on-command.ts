import { DiscoveryService } from '@nestjs/core';
import type { Ack, CommandName, CommandResult } from '@palabre/contracts';
import type { LiveSocket } from './live-socket';

/** What a command handler is: the socket and the raw body in, the ack envelope out. */
export type CommandMethod<C extends CommandName> = (socket: LiveSocket, body: unknown) => Promise<Ack<CommandResult<C>>>;

/** Nest's discoverable metadata; read once at startup by the CommandDispatcher. */
export const CommandMetadata = DiscoveryService.createDecorator<CommandName>();

/**
 * Marks a provider's method as the handler of one `/live` command. The dispatcher calls it
 * as `method(socket, body)` and sends its result as the ack. Typed so that a handler whose
 * ack does not match the command's result fails to compile.
 */
export function OnCommand<C extends CommandName>(name: C) {
  return <M extends CommandMethod<C>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    CommandMetadata(name)(target, key, descriptor);
  };
}
