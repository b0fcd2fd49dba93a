import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { AmendmentTextUpdate, AmendmentTextView } from '@palabre/contracts';
import { DataSource } from 'typeorm';
import { Coalescer } from '../../common/live/coalescer';
import { RealtimeEmitter } from '../../common/live/emitter';
import { rooms } from '../../common/live/rooms';
import { activityRooms, readReportBackOpen } from '../sessions/audience';
import { amendmentsRepository } from './amendments.repository';
import { publicTextView, toTextView } from './amendments.views';

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
    const state = await amendmentsRepository.state(this.db.manager, activityId).catch(() => null);
    if (!state) return;
    const envelope = { sessionId: state.activity.sessionId, version: await amendmentsRepository.sessionVersion(this.db.manager, state.activity.sessionId) };
    const view = toTextView(state);
    // The tabled lines are frozen once an amendment is filed: every phone already has them.
    const wire = (text: AmendmentTextView): AmendmentTextUpdate => (state.amendments.length > 0 ? { ...text, lines: undefined } : text);
    const staff = rooms.staff(state.activity.sessionId);
    this.emitter.emit(staff, 'amendments.updated', { ...envelope, text: wire(view) });
    const audience = activityRooms({ sessionId: state.activity.sessionId, groupId: state.activity.groupId, state: state.activity.state }, await readReportBackOpen(this.db.manager, state.activity.sessionId));
    if (audience.length === 1 && audience[0] === staff) return;
    this.emitter.emitExcept(audience, staff, 'amendments.updated', { ...envelope, text: wire(publicTextView(view, null)) });
    // Authors of amendments others do not see get their own version, after the public one.
    const authors = new Set(view.amendments.filter((amendment) => amendment.status !== 'admissible' && amendment.authorId !== null).map((amendment) => amendment.authorId as string));
    for (const author of authors) this.emitter.emitExcept(rooms.participant(author), staff, 'amendments.updated', { ...envelope, text: wire(publicTextView(view, author)) });
  }

  onModuleDestroy(): void {
    this.coalescer.close();
  }
}
