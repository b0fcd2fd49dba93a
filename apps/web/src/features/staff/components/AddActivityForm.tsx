import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActivityKind, type FloorConfig, type OpinionsConfig, type SurveyTemplate } from '@palabre/contracts';
import { DEFAULT_FLOOR_SETTINGS, FloorSettingsFields } from '../../floor/components/FloorSettingsFields';
import { activityView } from '../../registry';
import { useCommandMutation } from '../../../lib/live';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Field } from '../../../ui/Field';
import { SelectField } from '../../../ui/SelectField';
import { TemplatePicker } from '../../surveys/components/TemplatePicker';
import { templateConfig } from '../../surveys/hooks/useSurveyTemplates';

/**
 * The kinds a facilitator may add: those the web can show on the phones, the projector and the
 * console (a kind whose server side has landed before its views is not offered).
 */
const CREATABLE_KINDS = ActivityKind.options.filter((kind) => (['participant', 'screen', 'console'] as const).every((surface) => activityView(kind, surface)));

/** Adds an activity at the end of the agenda (`activity.create`). */
export function AddActivityForm() {
  const { t } = useTranslation('staff');
  const { t: tSession } = useTranslation('session');
  const announce = useAnnounce();
  const create = useCommandMutation('activity.create');
  const [kind, setKind] = useState<ActivityKind>('survey');
  const [title, setTitle] = useState('');
  // A survey may start from a saved template: its settings and questions become the config.
  const [template, setTemplate] = useState<SurveyTemplate | null>(null);
  // An opinion map's settings are chosen here, before its first statement.
  const [opinions, setOpinions] = useState<OpinionsConfig>({ consensusThreshold: 0.6, memberStatements: 'pre' });
  // A speakers' list is created with its speaking time and balance rule.
  const [floorSettings, setFloorSettings] = useState<FloorConfig>(DEFAULT_FLOOR_SETTINGS);
  const config = kind === 'survey' && template ? { config: templateConfig(template) } : kind === 'opinions' ? { config: opinions } : kind === 'floor' ? { config: floorSettings } : {};

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(
      { kind, title: title.trim(), ...config },
      {
        onSuccess: (activity) => {
          announce(t('activity.added', { title: activity.title }));
          setTitle('');
          setTemplate(null);
          setFloorSettings(DEFAULT_FLOOR_SETTINGS);
        },
      },
    );
  };

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="add-activity-heading" aria-busy={create.isPending}>
      <h2 id="add-activity-heading">{t('activity.title')}</h2>
      <SelectField
        label={t('activity.kind')}
        name="kind"
        value={kind}
        onChange={(e) => setKind(ActivityKind.parse(e.target.value))}
        options={CREATABLE_KINDS.map((value) => ({ value, label: tSession(`kind.${value}`) }))}
      />
      {kind === 'survey' && (
        <TemplatePicker
          selectedId={template?.id ?? null}
          onSelect={(next) => {
            setTemplate(next);
            if (next && title.trim() === '') setTitle(next.name);
          }}
        />
      )}
      {kind === 'opinions' && (
        <>
          <SelectField
            label={t('activity.opinions.memberStatements')}
            name="memberStatements"
            value={opinions.memberStatements}
            onChange={(e) => setOpinions({ ...opinions, memberStatements: e.target.value as OpinionsConfig['memberStatements'] })}
            options={(['pre', 'post', 'off'] as const).map((value) => ({ value, label: t(`activity.opinions.mode.${value}`) }))}
          />
          <SelectField
            label={t('activity.opinions.threshold')}
            name="consensusThreshold"
            value={String(opinions.consensusThreshold)}
            onChange={(e) => setOpinions({ ...opinions, consensusThreshold: Number(e.target.value) })}
            options={[0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9].map((value) => ({ value: String(value), label: `${Math.round(value * 100)} %` }))}
          />
        </>
      )}
      {kind === 'floor' && <FloorSettingsFields value={floorSettings} onChange={setFloorSettings} />}
      <Field label={t('activity.name')} name="title" required maxLength={160} value={title} onChange={(e) => setTitle(e.target.value)} />
      <ErrorMessage error={create.error} />
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {t('activity.submit')}
      </button>
    </form>
  );
}
