import { AgendaControls } from './AgendaControls';
import { RunningNow } from './RunningNow';
import { ScreenControl } from './ScreenControl';

/** The console's room column: agenda and countdown, what is running, projector control. */
export function RoomConsole() {
  return (
    <div className="stack">
      <AgendaControls />
      <RunningNow />
      <ScreenControl />
    </div>
  );
}
