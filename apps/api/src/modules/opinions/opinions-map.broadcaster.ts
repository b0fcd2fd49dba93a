import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { opinionAgreements } from '@palabre/domain';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Coalescer } from '../../common/live/coalescer';
import { RealtimeEmitter } from '../../common/live/emitter';
import { rooms } from '../../common/live/rooms';
import { activityDisplayRooms, activityRooms, readReportBackOpen } from '../sessions/audience';
import { mapInputs, publicMap } from './opinions-map';
import { OpinionMapWorker } from './opinions-map.worker';
import { opinionsRepository } from './opinions.repository';

/** Gathers the answers of a burst: one recompute per map per second at most. */
const COALESCE_MS = 1000;
/** The advisory lock class of opinion maps (the key is the activity's hash): one node computes a map at a time. */
const MAP_LOCK_CLASS = 2326;

/**
 * Recomputes an opinion map after answers or moderation, coalesced per activity and read back
 * from the committed rows: stores it (snapshots read the stored map), sends it to the map's
 * displays (console, projectors), what each group agrees with most to the map's whole audience
 * (phones included), and tells each member whose group changed.
 *
 * The mathematics runs in a worker thread (OpinionMapWorker), so answers are acknowledged while a
 * map is computed; the answers are read and sent to it packed (one row, one string of votes per
 * member), so the event loop's share of a recompute is ~16 ms of CPU at 100,000 answers
 * (bench/opinion-inputs.mjs). At most one recompute per map is in flight on a node: a request
 * during one runs once more after it, on the answers committed by then (the latest answers win). With several
 * nodes (Redis configured), a PostgreSQL advisory lock per map lets one node compute at a time; a
 * node that finds the lock taken tries again after the coalescing delay, so its own answers are
 * counted. The events go through the socket.io Redis adapter to every node's sockets.
 */
@Injectable()
export class OpinionsMapBroadcaster implements OnModuleDestroy {
  private readonly logger = new Logger(OpinionsMapBroadcaster.name);
  private readonly coalescer = new Coalescer<string>({
    delayMs: COALESCE_MS,
    deliver: (activityId) => this.recompute(activityId),
    onError: (error, activityId) => this.logger.error(`Opinion map ${activityId} not recomputed: ${String(error)}`),
  });

  private readonly worker = new OpinionMapWorker();
  /** The recompute in flight per map, and the maps asked again meanwhile. */
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  /** What this node did (diagnostics and tests): maps computed, and deferred to another node. */
  readonly counts = { computed: 0, deferred: 0 };

  constructor(
    private readonly db: DataSource,
    private readonly emitter: RealtimeEmitter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Call after the commit that changed the map's answers or statements. */
  mark(activityId: string): void {
    this.coalescer.mark(activityId);
  }

  /**
   * Recomputes now (tests, and the seed): the same path as a coalesced delivery. Resolves when the
   * map of the answers committed before the call is out (or when another node holds the map's lock).
   */
  recompute(activityId: string): Promise<void> {
    const running = this.running.get(activityId);
    if (running) {
      this.again.add(activityId);
      return running;
    }
    const run = (async () => {
      try {
        do {
          this.again.delete(activityId);
          await this.locked(activityId);
        } while (this.again.has(activityId));
      } finally {
        this.running.delete(activityId);
        this.again.delete(activityId);
      }
    })();
    this.running.set(activityId, run);
    return run;
  }

  /** One node at a time computes a map: the only one when there is no Redis, else the lock's holder. */
  private async locked(activityId: string): Promise<void> {
    if (!this.config.redisUrl) return this.compute(activityId);
    // A session lock on a connection of its own: no transaction stays open during the computation,
    // and the lock goes with the connection if this node dies.
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      if (!(await opinionsRepository.tryLockMap(runner.manager, MAP_LOCK_CLASS, activityId))) {
        this.counts.deferred++;
        this.coalescer.mark(activityId);
        return;
      }
      try {
        await this.compute(activityId);
      } finally {
        await opinionsRepository.unlockMap(runner.manager, MAP_LOCK_CLASS, activityId);
      }
    } finally {
      await runner.release();
    }
  }

  private async compute(activityId: string): Promise<void> {
    const activity = await opinionsRepository.mapActivity(this.db.manager, activityId);
    if (!activity) return;
    const { packed, participantOf, config } = await mapInputs(this.db.manager, activityId);
    const map = await this.worker.compute(packed, { consensusThreshold: config.consensusThreshold });
    this.counts.computed++;
    const view = publicMap(activityId, map);
    const agreements = opinionAgreements(map);
    const groups = Object.fromEntries(map.points.map((p) => [participantOf.get(p.memberId)!, p.group]));
    const previous = await opinionsRepository.saveMapState(this.db.manager, activityId, { map: view, agreements, groups });
    const subject = { sessionId: activity.session_id, groupId: activity.group_id, state: activity.state };
    const reportBackOpen = await readReportBackOpen(this.db.manager, activity.session_id);
    const version = Number(activity.version);
    // The whole map (~130 KiB at 500 statements × 250 members) to the console and the projectors;
    // every phone of the map's audience gets what it shows, a few hundred bytes.
    this.emitter.emit(activityDisplayRooms(subject, reportBackOpen), 'opinions.map.updated', { sessionId: activity.session_id, version, activityId, map: view });
    this.emitter.emit(activityRooms(subject, reportBackOpen), 'opinions.agreements.updated', { sessionId: activity.session_id, version, activityId, agreements });
    for (const participantId of new Set([...Object.keys(previous), ...Object.keys(groups)])) {
      const group = groups[participantId] ?? null;
      if ((previous[participantId] ?? null) === group) continue;
      this.emitter.emit(rooms.participant(participantId), 'opinions.group.updated', { sessionId: activity.session_id, version, activityId, group });
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.coalescer.close();
    await this.worker.close();
  }
}
