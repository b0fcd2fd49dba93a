import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ActivityKind, type ActivitySummary, type OutcomeSectionInput, type QuestionDraft, type SeedCard } from '@palabre/contracts';
import type { ActivityKindStates } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import type { Tx } from '../../common/db/transaction';
import type { Activity } from './activity.entity';

/**
 * What the working groups borrow from other kinds (survey results and ideas as starting cards,
 * a group board to put them on, a plenary survey for the report-back). A kind that offers none
 * of these says `group: null`.
 */
export interface GroupAdaptation {
  /** Top results of a plenary survey question, best first, as starting cards (origin kind 'survey'). */
  topResults?(tx: Tx, sessionId: string, surveyActivityId: string, questionId: string, count: number): Promise<SeedCard[]>;
  /** Creates a plenary survey (draft) with these questions, publishing its own events; returns its summary. */
  createFinal?(tx: Tx, actor: ParticipantActor, survey: { title: string; questions: QuestionDraft[] }): Promise<ActivitySummary>;
  /** Chosen plenary ideas as starting cards (origin kind 'idea'); ideas of another session or group answer NOT_FOUND. */
  ideaCards?(tx: Tx, sessionId: string, ideaIds: string[]): Promise<SeedCard[]>;
  /** Puts starting cards on a group's board (a `board` activity of that group, already checked). */
  seed?(tx: Tx, actor: ParticipantActor, boardActivityId: string, cards: SeedCard[]): Promise<void>;
}

/**
 * Everything a kind of activity is, in one place (decisions §13). Every hook is required; the
 * lifecycle hooks do what the kind needs inside the caller's transaction (publishing their own
 * events) and return the activity state to store; `ActivityLifecycle` stores it, tells the
 * activity's audience and writes the audit link. A kind is verified at boot: a missing hook
 * stops the server with a message naming the kind and the hook.
 */
export interface ActivityKindContract {
  /** Key of the kind's part of the session snapshot (`features.<feature>`) and of its outcome sections. */
  readonly feature: string;
  /** ACTIVITY_STATES[kind] (libs/domain): which of its states run and which are closed. */
  readonly states: ActivityKindStates;
  /** Validates `config` with the kind's schema and creates the kind's rows. Returns the stored config. */
  create(tx: Tx, activity: Activity, config: Record<string, unknown> | undefined, actor: ParticipantActor): Promise<Record<string, unknown>>;
  /** Removes the kind's rows before a draft activity is deleted. */
  remove(tx: Tx, activity: Activity): Promise<void>;
  /** A draft activity goes live for members. */
  open(tx: Tx, activity: Activity, actorId: string | null): Promise<string>;
  /** A running activity closes, with everything inside it (questions, group work), in this transaction. */
  close(tx: Tx, activity: Activity, actorId: string | null): Promise<string>;
  /** A closed activity runs again (an explicit facilitator action: what was closed inside stays closed). */
  reopen(tx: Tx, activity: Activity, actorId: string | null): Promise<string>;
  /** The kind's part of the session snapshot, as `actor` may see it. */
  snapshot(actor: ParticipantActor, manager: EntityManager): Promise<unknown>;
  /**
   * The kind's outcome sections for a session. Deterministic for the same rows (sort everything,
   * no clock, no random): sealing hashes the result and verification rebuilds it. Read with `manager` only.
   */
  outcomes(sessionId: string, manager: EntityManager): Promise<OutcomeSectionInput[]>;
  group: GroupAdaptation | null;
}

/** The hooks verified at boot (besides `feature`, `states` and `group`, which may be null but not missing). */
const HOOKS = ['create', 'remove', 'open', 'close', 'reopen', 'snapshot', 'outcomes'] as const satisfies readonly (keyof ActivityKindContract)[];

/** Why a contract cannot run, or null when it is complete. */
export function contractProblem(kind: string, contract: Partial<ActivityKindContract> | undefined): string | null {
  if (!contract) return `Activity kind "${kind}" has no contract: its feature module must register one with ActivityKinds`;
  if (typeof contract.feature !== 'string' || contract.feature === '') return `Activity kind "${kind}" has no feature name`;
  if (!contract.states || !Array.isArray(contract.states.running) || !Array.isArray(contract.states.closed)) return `Activity kind "${kind}" does not say which of its states are running and closed`;
  for (const hook of HOOKS) if (typeof contract[hook] !== 'function') return `Activity kind "${kind}" is missing its "${hook}" hook`;
  if (contract.group === undefined) return `Activity kind "${kind}" does not say what it offers the working groups (group: null when nothing)`;
  return null;
}

/**
 * The one table of activity kinds: `Record<ActivityKind, ActivityKindContract>` once every feature
 * module has registered (in its onModuleInit); checked before the server starts listening.
 */
@Injectable()
export class ActivityKinds implements OnApplicationBootstrap {
  private readonly contracts = new Map<ActivityKind, ActivityKindContract>();

  register(kind: ActivityKind, contract: ActivityKindContract): void {
    if (this.contracts.has(kind)) throw new Error(`Activity kind "${kind}" is registered twice`);
    this.contracts.set(kind, contract);
  }

  onApplicationBootstrap(): void {
    for (const kind of ActivityKind.options) {
      const problem = contractProblem(kind, this.contracts.get(kind));
      if (problem) throw new Error(problem);
    }
  }

  get(kind: ActivityKind | string): ActivityKindContract {
    const contract = this.contracts.get(kind as ActivityKind);
    if (!contract) throw new Error(`Activity kind "${kind}" has no contract`);
    return contract;
  }

  /** Every kind, in feature-name order (the order outcome sections are collected in). */
  all(): { kind: ActivityKind; contract: ActivityKindContract }[] {
    return [...this.contracts].map(([kind, contract]) => ({ kind, contract })).sort((a, b) => a.contract.feature.localeCompare(b.contract.feature));
  }

  /** The group adaptation a kind offers (throws SEED_SOURCE_UNAVAILABLE upstream when absent). */
  groupAdaptation(kind: ActivityKind): GroupAdaptation | null {
    return this.get(kind).group;
  }

  /** Every kind's part of the snapshot, keyed by feature. */
  async snapshot(actor: ParticipantActor, manager: EntityManager): Promise<Record<string, unknown>> {
    const parts: Record<string, unknown> = {};
    for (const { contract } of this.all()) parts[contract.feature] = await contract.snapshot(actor, manager);
    return parts;
  }

  /** Every kind's outcome sections, in feature-name order (unvalidated: the caller parses them). */
  async outcomes(sessionId: string, manager: EntityManager): Promise<OutcomeSectionInput[]> {
    const sections: OutcomeSectionInput[] = [];
    for (const { contract } of this.all()) sections.push(...(await contract.outcomes(sessionId, manager)));
    return sections;
  }
}
