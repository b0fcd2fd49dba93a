import { useTranslation } from 'react-i18next';
import type { SynthesisView as Synthesis } from '@palabre/contracts';

/** A synthesis as text (never HTML): findings, proposals, disagreements. */
export function SynthesisView({ synthesis, headingLevel = 3 }: { synthesis: Synthesis; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation('groups');
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="stack synthesis">
      <p className="muted">{t(`synthesis.state.${synthesis.state}`)}</p>
      <H>{t('synthesis.findings')}</H>
      <p className="pre-line">{synthesis.findings || t('synthesis.emptyField')}</p>
      <H>{t('synthesis.proposals')}</H>
      {synthesis.proposals.length === 0 ? <p>{t('synthesis.emptyField')}</p> : <ol>{synthesis.proposals.map((p, i) => <li key={i}>{p}</li>)}</ol>}
      <H>{t('synthesis.disagreements')}</H>
      <p className="pre-line">{synthesis.disagreements || t('synthesis.emptyField')}</p>
    </div>
  );
}
