import { DiscoveryService } from '@nestjs/core';
import type { CommandName, CommandPayload, CommandResult } from '@palabre/contracts';
import type { ParticipantActor } from '../auth/actor';
import type { CommandContext } from './command-runner';

/** A command's use case, run inside its transaction with the opId stored (CommandRunner.execute). */
export type CommandMethod<C extends CommandName> = (ctx: CommandContext<C>) => Promise<CommandResult<C>>;

/** A command that manages its own writes (the ballot batcher's group commits). */
export type BatchedCommandMethod<C extends CommandName> = (actor: ParticipantActor, payload: CommandPayload<C>) => Promise<CommandResult<C>>;

export interface CommandMeta {
  name: CommandName;
  batched: boolean;
}

/** Nest's discoverable metadata; read once at startup by the CommandDispatcher. */
export const CommandMetadata = DiscoveryService.createDecorator<CommandMeta>();

/**
 * Marks a provider's method as the handler of one `/live` command. The dispatcher runs the
 * pipeline for it — rate limit, role, payload schema, then the method inside a transaction with
 * its opId stored — so a handler only ever sees a validated payload and cannot skip a check. Its
 * result is the ack's `data`; side effects after the commit go through `tx.afterCommit` in the
 * use case. Typed so that a handler whose result does not match the command's fails to compile.
 */
export function OnCommand<C extends CommandName>(name: C) {
  return <M extends CommandMethod<C>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    CommandMetadata({ name, batched: false })(target, key, descriptor);
  };
}

/** Like OnCommand, for a handler that writes through its own batching (it gets the checked actor and payload, no transaction). */
export function OnBatchedCommand<C extends CommandName>(name: C) {
  return <M extends BatchedCommandMethod<C>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    CommandMetadata({ name, batched: true })(target, key, descriptor);
  };
}
