import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Coalescer } from '../../common/live/coalescer';
import { RealtimeEmitter } from '../../common/live/emitter';
import { rooms } from '../../common/live/rooms';
import { activityRooms, readReportBackOpen } from '../sessions/audience';
import { floorRepository } from './floor.repository';
import { publicList, readList } from './floor.views';

const COALESCE_MS = 120;

/**
 * A list's state, coalesced per list and read back from the database after the commit: 250
 * requests in ten seconds are ordered and sent a few times a second, not 250 times to 250 phones,
 * and the last state a client receives is the stored one.
 */
@Injectable()
export class FloorBroadcaster implements OnModuleDestroy {
  private readonly coalescer = new Coalescer<string>({ delayMs: COALESCE_MS, deliver: (activityId) => this.broadcast(activityId) });

  constructor(
    private readonly db: DataSource,
    private readonly emitter: RealtimeEmitter,
  ) {}

  /** Call after the commit that changed the list. */
  mark(activityId: string): void {
    this.coalescer.mark(activityId);
  }

  private async broadcast(activityId: string): Promise<void> {
    const activity = await floorRepository.listActivity(this.db.manager, activityId);
    if (!activity) return;
    const list = await readList(this.db.manager, { id: activityId, sessionId: activity.session_id, config: activity.config });
    const envelope = { sessionId: activity.session_id, version: activity.version };
    // Staff get every waiting request with its reason; everyone else who may read the item, the next three.
    const staff = rooms.staff(activity.session_id);
    this.emitter.emit(staff, 'floor.list.updated', { ...envelope, list });
    const audience = activityRooms({ sessionId: activity.session_id, groupId: activity.group_id, state: activity.state }, await readReportBackOpen(this.db.manager, activity.session_id));
    this.emitter.emitExcept(audience, staff, 'floor.list.updated', { ...envelope, list: publicList(list) });
  }

  onModuleDestroy(): void {
    this.coalescer.close();
  }
}
