import { useTranslation } from 'react-i18next';
import { MAJORITY_GRADES } from '@palabre/contracts/meta';
import type { LiveResults, QuestionResults, QuestionView } from '@palabre/contracts';
import { CONTENT_LANG, currentLocale } from '../../../i18n';
import { formatNumber } from '../../../ui/format';

interface Bar {
  key: string;
  label: string;
  value: number;
  /** Width of the bar, 0..100. */
  width: number;
  text: string;
}

function Bars({ bars, caption }: { bars: Bar[]; caption: string }) {
  return (
    <figure className="results">
      <figcaption className="results-method">{caption}</figcaption>
      <ul className="results-bars">
        {bars.map((b) => (
          <li key={b.key} className="results-bar">
            <span className="results-label" lang={CONTENT_LANG}>{b.label}</span>
            <span className="results-track" aria-hidden="true">
              <span className="results-fill" style={{ width: `${Math.max(0, Math.min(100, b.width))}%` }} />
            </span>
            <span className="results-value">{b.text}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** The chart of one question's results, naming the method that produced the order. */
export function QuestionResultsView({ question, live }: { question: QuestionView; live: LiveResults }) {
  const { t } = useTranslation('surveys');
  const r = live.results;
  if (!r) return null;
  const label = (id: string) => ('options' in question.config ? question.config.options.find((o) => o.id === id)?.label : undefined) ?? id;
  return <>{render(r, label, (key, opts) => t(key, opts ?? {}))}</>;
}

type T = (key: string, opts?: Record<string, unknown>) => string;

function render(r: QuestionResults, label: (id: string) => string, t: T) {
  switch (r.type) {
    case 'single':
    case 'multiple':
      return <Bars caption={t('method.count')} bars={r.options.map((o) => ({ key: o.optionId, label: label(o.optionId), value: o.count, width: o.percent, text: `${o.count} · ${formatNumber(o.percent)} %` }))} />;
    case 'ranking': {
      const top = Math.max(1, ...r.options.map((o) => o.score));
      return <Bars caption={t('method.borda')} bars={r.options.map((o) => ({ key: o.optionId, label: `${o.rank}. ${label(o.optionId)}`, value: o.score, width: (o.score / top) * 100, text: t('results.points', { count: o.score }) }))} />;
    }
    case 'points':
      return <Bars caption={t('method.points', { budget: r.budget })} bars={r.options.map((o) => ({ key: o.optionId, label: label(o.optionId), value: o.total, width: o.share, text: `${o.total} · ${formatNumber(o.share)} %` }))} />;
    case 'scale':
      return (
        <>
          <p className="results-summary">{t('results.scale', { mean: r.mean === null ? '—' : formatNumber(r.mean), median: r.median === null ? '—' : formatNumber(r.median) })}</p>
          <Bars caption={t('method.scale')} bars={r.distribution.map((d) => ({ key: String(d.value), label: String(d.value), value: d.count, width: d.percent, text: `${d.count}` }))} />
        </>
      );
    case 'majority': {
      const grades = MAJORITY_GRADES[r.gradeCount][currentLocale()];
      return (
        <figure className="results">
          <figcaption className="results-method">{t('method.majority')}</figcaption>
          <ol className="results-bars">
            {r.options.map((o) => (
              <li key={o.optionId} className="results-bar">
                <span className="results-label" lang={CONTENT_LANG}>{o.rank}. {label(o.optionId)}</span>
                <span className="results-value">{o.majorityGrade === null ? '—' : grades[o.majorityGrade]}</span>
              </li>
            ))}
          </ol>
        </figure>
      );
    }
    case 'yesno':
      return <Bars caption={t('method.count')} bars={r.choices.map((c) => ({ key: c.choice, label: t(`yesno.${c.choice}`), value: c.count, width: c.percent, text: `${c.count} · ${c.percent} %` }))} />;
    case 'text': {
      const top = Math.max(1, ...r.words.map((w) => w.count));
      return (
        <figure className="results">
          <figcaption className="results-method">{t('method.words')}</figcaption>
          <ul className="word-cloud">
            {r.words.map((w) => (
              <li key={w.word} style={{ fontSize: `${1 + (w.count / top) * 2}em` }}>
                {w.word} <span className="visually-hidden">({w.count})</span>
              </li>
            ))}
          </ul>
        </figure>
      );
    }
  }
}
