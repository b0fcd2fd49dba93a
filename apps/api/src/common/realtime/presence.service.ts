import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { isStaffRole } from '@palabre/domain';
import type { PresenceView } from '@palabre/contracts';
import { DataSource } from 'typeorm';
import { RealtimeEmitter } from './emitter';
import { rooms } from './rooms';
import type { LiveSocketData } from './live-socket';

const COALESCE_MS = 500;

/**
 * Who is connected, computed from the sockets in the session room (across nodes with the
 * Redis adapter) and broadcast at most twice a second per session, whatever the churn.
 */
@Injectable()
export class PresenceService implements OnModuleDestroy {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly emitter: RealtimeEmitter,
    private readonly db: DataSource,
  ) {}

  changed(sessionId: string): void {
    if (this.timers.has(sessionId)) return;
    this.timers.set(
      sessionId,
      setTimeout(() => {
        this.timers.delete(sessionId);
        void this.broadcast(sessionId).catch(() => undefined);
      }, COALESCE_MS),
    );
  }

  async view(sessionId: string, forStaff: boolean): Promise<PresenceView> {
    const server = this.emitter.server;
    if (!server) return { connected: 0, ...(forStaff ? { online: [] } : {}) };
    const sockets = await server.in(rooms.session(sessionId)).fetchSockets();
    const online = new Map<string, { id: string; displayName: string; role: LiveSocketData['actor']['role'] }>();
    for (const s of sockets) {
      const actor = (s.data as LiveSocketData).actor;
      if (actor && actor.role !== 'observer') online.set(actor.participantId, { id: actor.participantId, displayName: actor.displayName, role: actor.role });
    }
    const list = [...online.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'));
    return forStaff ? { connected: list.length, online: list } : { connected: list.length };
  }

  private async broadcast(sessionId: string): Promise<void> {
    const staffView = await this.view(sessionId, true);
    const rows: { version: number }[] = await this.db.query('SELECT version FROM session WHERE id = $1', [sessionId]);
    const version = rows[0]?.version ?? 0;
    // Members see the count; staff (in both rooms) get the list right after, which supersedes it.
    this.emitter.emit(rooms.session(sessionId), 'presence.updated', { sessionId, version, presence: { connected: staffView.connected } });
    this.emitter.emit(rooms.staff(sessionId), 'presence.updated', { sessionId, version, presence: staffView });
  }

  onModuleDestroy(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}

export { isStaffRole };
