import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectionState, useSessionSnapshot } from '../../../lib/live';
import { ConnectionBanner } from '../../../ui/ConnectionBanner';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { Countdown } from '../../room/components/Countdown';
import { ProjectionLine } from '../../room/components/ScreenControl';
import { useRoom } from '../../room/hooks/useRoom';
import { projection } from '../../room/projection';

const WIDTH = 1920;
const HEIGHT = 1080;

/**
 * The projector itself, scaled into the monitor: the real /screen page in a frame, so the
 * lectern sees exactly what the room sees (the projector's own access and results visibility).
 */
function ProjectorFrame({ code }: { code: string }) {
  const { t } = useTranslation('staff');
  const box = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0.5);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const fit = () => setScale(Math.min(el.clientWidth / WIDTH, el.clientHeight / HEIGHT));
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="monitor-frame" ref={box}>
      <iframe
        title={t('monitor.frame')}
        src={`/screen/${encodeURIComponent(code)}`}
        width={WIDTH}
        height={HEIGHT}
        tabIndex={-1}
        style={{ transform: `scale(${scale})` }}
      />
    </div>
  );
}

/** The confidence monitor: what the projector shows, the countdown large, the current and next items. */
export function MonitorView() {
  const { t } = useTranslation('staff');
  const { data: snapshot, error } = useSessionSnapshot();
  const connection = useConnectionState();
  const room = useRoom();
  useDocumentTitle(snapshot ? t('monitor.pageTitle', { title: snapshot.session.title }) : t('monitor.title'));
  if (!snapshot) return error ? <ErrorMessage error={error} /> : <Loading />;
  const plenary = snapshot.activities.filter((a) => a.groupId === null);
  const index = plenary.findIndex((a) => a.id === room.currentActivityId);
  const current = plenary[index];
  const next = plenary[index + 1];
  return (
    <div className="monitor">
      <ConnectionBanner state={connection} />
      <header className="monitor-header">
        <h1>{t('monitor.title')}</h1>
        <div className="monitor-timer">
          <Countdown large />
        </div>
        <dl className="monitor-items">
          <div>
            <dt>{t('monitor.current')}</dt>
            <dd data-testid="monitor-current">{current?.title ?? t('monitor.none')}</dd>
          </div>
          <div>
            <dt>{t('monitor.next')}</dt>
            <dd data-testid="monitor-next">{next?.title ?? t('monitor.none')}</dd>
          </div>
        </dl>
        <ProjectionLine shown={projection(room, snapshot.activities)} />
      </header>
      <ProjectorFrame code={snapshot.session.joinCode} />
    </div>
  );
}
