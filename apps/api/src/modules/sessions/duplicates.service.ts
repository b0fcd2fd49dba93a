import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DuplicateGroup, Duplicates } from '@palabre/contracts';
import { Coalescer } from '../../common/live/coalescer';
import { RealtimeEmitter } from '../../common/live/emitter';
import { rooms } from '../../common/live/rooms';
import { sessionsRepository, type PresentMemberRow } from './sessions.repository';

/** A burst: this many joins or more from one address within BURST_WINDOW_MS of each other. */
export const BURST_MIN_JOINS = 20;
const BURST_WINDOW_MS = 5_000;
/** The console's list is sent at most this often per session. */
const COALESCE_MS = 1_000;

type Row = PresentMemberRow;

/**
 * The console's « doublons possibles »: members present who may be one person. Same browser,
 * same name, a roster name picked by a code joiner (to confirm, and flagged when that member is
 * already present or picked twice), or many joins from one address within seconds. A hint for
 * the facilitator, who confirms, merges or removes.
 */
@Injectable()
export class DuplicatesService implements OnModuleDestroy {
  private readonly coalescer = new Coalescer<string>({
    delayMs: COALESCE_MS,
    // A failure is dropped: the next change, or the console's next load, sends the list again.
    deliver: (sessionId) => this.send(sessionId).catch(() => undefined),
  });

  constructor(
    private readonly db: DataSource,
    private readonly emitter: RealtimeEmitter,
  ) {}

  async list(sessionId: string): Promise<Duplicates> {
    const rows = await sessionsRepository.presentMembers(this.db.manager, sessionId);
    const groups: DuplicateGroup[] = [];
    const add = (reason: DuplicateGroup['reason'], key: (r: Row) => string | null, keep = (members: Row[]) => members.length > 1) => {
      const by = new Map<string, Row[]>();
      for (const r of rows) {
        const k = key(r);
        if (k === null) continue;
        const members = by.get(k);
        if (members) members.push(r);
        else by.set(k, [r]);
      }
      for (const members of by.values()) if (keep(members)) groups.push({ reason, participants: members.map(view) });
    };
    add('device', (r) => r.device_hash);
    add('name', (r) => normalName(r.display_name));
    // A roster name picked by a code joiner waits for a facilitator, even when nobody else claims it.
    add('claim', (r) => r.claimed_member_id ?? r.member_id, (members) => members.length > 1 || members.some((m) => m.claimed_member_id !== null));
    for (const burst of bursts(rows)) groups.push({ reason: 'burst', participants: burst.map(view) });
    return { groups };
  }

  /** A join, a removal or a merge changed the list: the staff of the session get it within a second. */
  mark(sessionId: string): void {
    this.coalescer.mark(sessionId);
  }

  private async send(sessionId: string): Promise<void> {
    const { groups } = await this.list(sessionId);
    const version = await sessionsRepository.sessionVersion(this.db.manager, sessionId);
    if (version.length === 0) return;
    this.emitter.emit(rooms.staff(sessionId), 'duplicates.updated', { sessionId, version: version[0].version, groups });
  }

  onModuleDestroy(): void {
    this.coalescer.close();
  }
}

function view(row: Row): DuplicateGroup['participants'][number] {
  return { id: row.id, displayName: row.display_name, memberId: row.member_id, claimedMemberId: row.claimed_member_id, joinedAt: row.joined_at ? new Date(row.joined_at).toISOString() : null };
}

/** « Alice  MARTIN » and « alice martin » are one name; accents count. */
export function normalName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');
}

/**
 * Per address, the joins that have BURST_MIN_JOINS - 1 others within the window around them. Sorted
 * by time with a sliding window: a venue behind one NAT sends every join from one address, and this
 * runs every second of a join storm (a thousand joins, not a million comparisons).
 */
export function bursts(rows: readonly Row[]): Row[][] {
  const byAddress = new Map<string, Row[]>();
  for (const r of rows) {
    if (!r.join_address) continue;
    const joins = byAddress.get(r.join_address);
    if (joins) joins.push(r);
    else byAddress.set(r.join_address, [r]);
  }
  const out: Row[][] = [];
  for (const joins of byAddress.values()) {
    if (joins.length < BURST_MIN_JOINS) continue;
    const timed = joins.map((row) => ({ row, t: new Date(row.created_at).getTime() })).sort((a, b) => a.t - b.t);
    const flagged = new Set<Row>();
    // For each join, the joins within BURST_WINDOW_MS either side: [from, to) in time order.
    let from = 0;
    let to = 0;
    for (const { row, t } of timed) {
      while (timed[from].t < t - BURST_WINDOW_MS) from++;
      while (to < timed.length && timed[to].t <= t + BURST_WINDOW_MS) to++;
      if (to - from >= BURST_MIN_JOINS) flagged.add(row);
    }
    // In the order the rows came (the console lists them as read).
    if (flagged.size > 0) out.push(joins.filter((row) => flagged.has(row)));
  }
  return out;
}
