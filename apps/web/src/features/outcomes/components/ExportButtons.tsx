import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '@palabre/contracts';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { downloadExport } from '../api';

const FORMATS: readonly ExportFormat[] = ['pdf', 'docx', 'xlsx', 'csv', 'json'];

/** One button per export format; the file is fetched with the staff token and saved. */
export function ExportButtons({ token, sessionId }: { token: string; sessionId: string }) {
  const { t } = useTranslation('outcomes');
  const announce = useAnnounce();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);

  const download = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      const name = await downloadExport(token, sessionId, format);
      announce(t('exports.done', { name }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="stack">
      <div className="button-row" role="group" aria-label={t('exports.title')}>
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
