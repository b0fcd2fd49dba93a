import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupImportReport } from '@palabre/contracts';
import { apiRequest } from '../../../lib/api';
import { getStaffAuth } from '../../../lib/session-store';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';

/** Placement from a CSV file (`participant;groupe`), sent as text/csv with the staff sign-in. */
export function CsvImport({ sessionId, activityId }: { sessionId: string; activityId: string }) {
  const { t } = useTranslation('groups');
  const announce = useAnnounce();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<GroupImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await apiRequest('groups.import', { params: { id: sessionId, activityId }, body: await file.text(), token: getStaffAuth()?.token });
      setReport(result);
      announce(t('csv.done', { count: result.assigned }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-busy={busy}>
      <div className="field">
        <label htmlFor={`csv-${activityId}`}>{t('csv.label')}</label>
        <p className="hint" id={`csv-hint-${activityId}`}>{t('csv.hint')}</p>
        <input id={`csv-${activityId}`} type="file" accept=".csv,text/csv" aria-describedby={`csv-hint-${activityId}`} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <button type="submit" className="button" disabled={!file || busy}>{t('csv.submit')}</button>
      <ErrorMessage error={error} />
      {report && (
        <div role="status">
          <p>{t('csv.done', { count: report.assigned })}</p>
          {report.errors.length > 0 && <ul>{report.errors.map((e) => <li key={e.line}>{t('csv.lineError', { line: e.line, message: e.message })}</li>)}</ul>}
        </div>
      )}
    </form>
  );
}
