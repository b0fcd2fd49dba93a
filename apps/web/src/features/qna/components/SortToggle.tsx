import '../qna.css';
import { useTranslation } from 'react-i18next';
import type { QnaSort } from '../patchers';

/** Two toggle buttons: by votes / newest first. */
export function SortToggle({ sort, onChange }: { sort: QnaSort; onChange: (sort: QnaSort) => void }) {
  const { t } = useTranslation('qna');
  return (
    <div className="button-row" role="group" aria-label={t('sort.label')}>
      {(['votes', 'newest'] as const).map((s) => (
        <button key={s} type="button" className="button" aria-pressed={sort === s} onClick={() => onChange(s)}>
          {t(`sort.${s}`)}
        </button>
      ))}
    </div>
  );
}
