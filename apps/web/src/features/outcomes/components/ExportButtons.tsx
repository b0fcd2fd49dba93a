import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '@palabre/contracts';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { downloadExport } from '../api';

const FORMATS: readonly ExportFormat[] = ['pdf', 'docx', 'xlsx', 'csv', 'json'];

interface ExportButtonsProps {
  token: string;
  sessionId: string;
  /** Narrows the exports to one activity. */
  activity?: { id: string; title: string };
}

/** One button per export format; the file is fetched with the staff token and saved. */
export function ExportButtons({ token, sessionId, activity }: ExportButtonsProps) {
  const { t } = useTranslation('outcomes');
  const announce = useAnnounce();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);

  const download = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      const name = await downloadExport(token, sessionId, format, activity?.id);
      announce(t('exports.done', { name }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="stack">
      <div className="button-row" role="group" aria-label={activity ? t('exports.activityGroup', { title: activity.title }) : t('exports.title')}>
        {FORMATS.map((format) => (
          <button key={format} type="button" className="button" disabled={busy !== null} aria-busy={busy === format} onClick={() => void download(format)}>
            {t(`exports.format.${format}`)}
          </button>
        ))}
      </div>
      <ErrorMessage error={error} />
    </div>
  );
}
