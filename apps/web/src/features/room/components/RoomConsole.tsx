import { AgendaControls } from './AgendaControls';
import { ScreenControl } from './ScreenControl';

/** The console's room column: agenda and countdown, projector control. */
export function RoomConsole() {
  return (
    <div className="stack">
      <AgendaControls />
      <ScreenControl />
    </div>
  );
}
