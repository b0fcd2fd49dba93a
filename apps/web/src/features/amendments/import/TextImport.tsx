import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionSnapshot } from '../../../lib/live';
import { groupsState } from '../../groups/patchers';
import { browserDocxConverter } from './mammoth-script';
import { docxToSource, synthesisToSource, type ImportProblem, type ImportResult } from './text-source';

/**
 * Where a text can come from besides typing it: a DOCX file (converted in the browser) or a
 * working group's validated synthesis. Either fills the text box; the facilitator then saves it.
 */
export function TextImport({ onSource }: { onSource: (source: string) => void }) {
  const { t } = useTranslation('amendments');
  const { data: snapshot } = useSessionSnapshot();
  const [problem, setProblem] = useState<ImportProblem | null>(null);
  const [reading, setReading] = useState(false);
  const groups = snapshot ? groupsState(snapshot) : undefined;
  const names = new Map((groups?.activities ?? []).flatMap((a) => a.groups.map((g) => [g.id, g.name] as const)));
  const validated = (groups?.details ?? []).filter((d) => d.synthesis.state === 'validated' && names.has(d.groupId));

  const take = (result: ImportResult) => {
    if ('problem' in result) return setProblem(result.problem);
    setProblem(null);
    onSource(result.source);
  };
  async function readFile(file: File | undefined) {
    if (!file) return;
    setReading(true);
    try {
      take(await docxToSource(await file.arrayBuffer(), browserDocxConverter));
    } finally {
      setReading(false);
    }
  }

  return (
    <div className="stack">
      <label className="stack">
        {t('import.docx')}
        <input type="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" disabled={reading} onChange={(e) => void readFile(e.target.files?.[0])} />
      </label>
      {validated.length > 0 && (
        <label className="stack">
          {t('import.synthesis')}
          <select
            value=""
            onChange={(e) => {
              const detail = validated.find((d) => d.groupId === e.target.value);
              if (detail) take(synthesisToSource(detail.synthesis, { findings: t('import.findings'), proposals: t('import.proposals'), disagreements: t('import.disagreements') }));
            }}
          >
            <option value="">{t('import.pickGroup')}</option>
            {validated.map((d) => (
              <option key={d.groupId} value={d.groupId}>
                {names.get(d.groupId)}
              </option>
            ))}
          </select>
        </label>
      )}
      {reading && <p className="muted" role="status">{t('import.reading')}</p>}
      {problem && <p role="alert" className="error">{t(problem)}</p>}
    </div>
  );
}
