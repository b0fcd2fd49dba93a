import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyTemplate } from '@palabre/contracts';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useSurveyTemplates } from '../hooks/useSurveyTemplates';

interface TemplatePickerProps {
  selectedId: string | null;
  onSelect: (template: SurveyTemplate | null) => void;
}

/** "Partir d'un modèle": the signed-in account's templates, for a new survey activity. */
export function TemplatePicker({ selectedId, onSelect }: TemplatePickerProps) {
  const { t } = useTranslation('surveys');
  const id = useId();
  const templates = useSurveyTemplates();
  if (templates.isPending) return <p className="muted">{t('templates.loading')}</p>;
  if (templates.isError) return <ErrorMessage error={templates.error} />;
  if (templates.data.length === 0) return <p className="muted">{t('templates.empty')}</p>;
  const list = templates.data;
  return (
    <div className="field">
      <label htmlFor={id}>{t('templates.label')}</label>
      <p className="hint" id={`${id}-hint`}>{t('templates.hint')}</p>
      <select id={id} aria-describedby={`${id}-hint`} value={selectedId ?? ''} onChange={(e) => onSelect(list.find((tpl) => tpl.id === e.target.value) ?? null)}>
        <option value="">{t('templates.none')}</option>
        {list.map((tpl) => (
          <option key={tpl.id} value={tpl.id}>{t('templates.option', { name: tpl.name, count: tpl.questions.length })}</option>
        ))}
      </select>
    </div>
  );
}
