import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { AmendmentTextUpdate, AmendmentTextView } from '@palabre/contracts';
import { DataSource } from 'typeorm';
import { Coalescer } from '../../common/realtime/coalescer';
import { RealtimeEmitter } from '../../common/realtime/emitter';
import { rooms } from '../../common/realtime/rooms';
import { activityRooms, readReportBackOpen } from '../sessions/audience';
import { amendmentsStore, publicTextView, toTextView } from './amendments.store';

const COALESCE_MS = 150;

/**
 * A text's state, coalesced per text and read back after the commit: a burst of filings and
 * co-signatures reaches the phones a few times a second. Staff get every amendment; those who may
 * read the text, the admissible ones; each author, also their own (filed, inadmissible, withdrawn).
 * The tabled lines travel only while the text may still change (see AmendmentTextUpdate).
 */
@Injectable()
export class AmendmentsBroadcaster implements OnModuleDestroy {
  private readonly coalescer = new Coalescer<string>({ delayMs: COALESCE_MS, deliver: (activityId) => this.broadcast(activityId) });

  constructor(
    private readonly db: DataSource,
    private readonly emitter: RealtimeEmitter,
  ) {}

  /** Call after the commit that changed the text. */
  mark(activityId: string): void {
    this.coalescer.mark(activityId);
  }

  private async broadcast(activityId: string): Promise<void> {
    const s = await amendmentsStore.state(this.db.manager, activityId).catch(() => null);
    if (!s) return;
    const version: { version: number }[] = await this.db.query('SELECT version FROM session WHERE id = $1', [s.activity.sessionId]);
    const envelope = { sessionId: s.activity.sessionId, version: version[0]?.version ?? 0 };
    const view = toTextView(s);
    // The tabled lines are frozen once an amendment is filed: every phone already has them.
    const wire = (text: AmendmentTextView): AmendmentTextUpdate => (s.amendments.length > 0 ? { ...text, lines: undefined } : text);
    const staff = rooms.staff(s.activity.sessionId);
    this.emitter.emit(staff, 'amendments.updated', { ...envelope, text: wire(view) });
    const audience = activityRooms({ sessionId: s.activity.sessionId, groupId: s.activity.groupId, state: s.activity.state }, await readReportBackOpen(this.db.manager, s.activity.sessionId));
    if (audience.length === 1 && audience[0] === staff) return;
    this.emitter.emitExcept(audience, staff, 'amendments.updated', { ...envelope, text: wire(publicTextView(view, null)) });
    // Authors of amendments others do not see get their own version, after the public one.
    const authors = new Set(view.amendments.filter((a) => a.status !== 'admissible' && a.authorId !== null).map((a) => a.authorId as string));
    for (const author of authors) this.emitter.emitExcept(rooms.participant(author), staff, 'amendments.updated', { ...envelope, text: wire(publicTextView(view, author)) });
  }

  onModuleDestroy(): void {
    this.coalescer.close();
  }
}
