import { useEffect, useRef, useState } from 'react';
import type { RoomSnapshot } from '@palabre/contracts';
import { useSessionSnapshot } from '../../../lib/live';
import { EMPTY_ROOM, remainingMs } from '../patchers';

export function useRoom(): RoomSnapshot {
  return useSessionSnapshot((s) => s.features.room ?? EMPTY_ROOM).data ?? EMPTY_ROOM;
}

/**
 * The countdown, ticking locally. The offset between this device's clock and the server's is
 * taken when a timer update arrives (serverNow), so phones with a wrong clock still agree.
 */
export function useCountdown(room: RoomSnapshot): number | null {
  const offset = useRef(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    offset.current = new Date(room.serverNow).getTime() - Date.now();
    // A snapshot read long ago would give a stale offset: only trust recent server times.
    if (Math.abs(offset.current) > 24 * 3600 * 1000) offset.current = 0;
  }, [room.serverNow]);
  useEffect(() => {
    if (!room.timer?.endsAt) return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [room.timer?.endsAt]);
  return remainingMs(room, offset.current, now);
}
