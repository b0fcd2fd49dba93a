import { useTranslation } from 'react-i18next';
import { MAJORITY_GRADES } from '@palabre/contracts/meta';
import type { LiveResults, QuestionResults, QuestionView, ResultChart } from '@palabre/contracts';
import { barFraction, gradeColours, resultChart, type ChartLabeller } from '@palabre/domain';
import { currentLocale } from '../../../i18n';
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
            <span className="results-label">{b.label}</span>
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
  const options = 'options' in question.config ? question.config.options : [];
  const label: ChartLabeller = (key, kind) => (kind === 'option' ? (options.find((o) => o.id === key)?.label ?? key) : kind === 'choice' ? t(`yesno.${key}`) : key);
  return <>{render(r, resultChart(r, label), (key, opts) => t(key, opts ?? {}))}</>;
}

type T = (key: string, opts?: Record<string, unknown>) => string;

// What each bar is, what it plots and how long it is all come from `resultChart` (libs/domain),
// which the exports and the minutes draw too; this only words it for the screen.
function render(r: QuestionResults, chart: ResultChart, t: T) {
  const width = (value: number) => barFraction(chart, value) * 100;
  const ranked = (b: ResultChart['bars'][number]) => (b.rank === null ? b.label : `${b.rank}. ${b.label}`);
  switch (r.type) {
    case 'single':
    case 'multiple':
      return <Bars caption={t('method.count')} bars={chart.bars.map((b, i) => ({ key: b.key, label: b.label, value: b.value, width: width(b.value), text: `${b.value} · ${formatNumber(r.options[i].percent)} %` }))} />;
    case 'ranking':
      return <Bars caption={t('method.borda')} bars={chart.bars.map((b) => ({ key: b.key, label: ranked(b), value: b.value, width: width(b.value), text: t('results.points', { count: b.value }) }))} />;
    case 'points': {
      const share = new Map(r.options.map((o) => [o.optionId, o.share]));
      return <Bars caption={t('method.points', { budget: r.budget })} bars={chart.bars.map((b) => ({ key: b.key, label: b.label, value: b.value, width: width(b.value), text: `${b.value} · ${formatNumber(share.get(b.key) ?? 0)} %` }))} />;
    }
    case 'scale':
      return (
        <>
          <p className="results-summary">{t('results.scale', { mean: chart.mean === null ? '—' : formatNumber(chart.mean), median: chart.median === null ? '—' : formatNumber(chart.median) })}</p>
          <Bars caption={t('method.scale')} bars={chart.bars.map((b) => ({ key: b.key, label: b.label, value: b.value, width: width(b.value), text: `${b.value}` }))} />
        </>
      );
    case 'majority': {
      const grades = MAJORITY_GRADES[r.gradeCount][currentLocale()];
      const colours = gradeColours(r.gradeCount);
      return (
        <figure className="results">
          <figcaption className="results-method">{t('method.majority')}</figcaption>
          <ol className="results-bars">
            {chart.bars.map((b) => (
              <li key={b.key} className="results-bar">
                <span className="results-label">{ranked(b)}</span>
                {/* The merit profile: one segment per grade, best first, as long as its share of the ballots. */}
                <span className="results-track results-profile" aria-hidden="true">
                  {(b.segments ?? []).map((n, g) => (
                    <span key={g} className="results-grade" style={{ width: `${width(n)}%`, background: colours[g] }} />
                  ))}
                </span>
                <span className="results-value">{b.majorityGrade === null ? '—' : grades[b.majorityGrade]}</span>
              </li>
            ))}
          </ol>
        </figure>
      );
    }
    case 'yesno':
      return <Bars caption={t('method.count')} bars={chart.bars.map((b) => ({ key: b.key, label: b.label, value: b.value, width: width(b.value), text: `${b.value} · ${formatNumber(r.choices.find((c) => c.choice === b.key)?.percent ?? 0)} %` }))} />;
    case 'text':
      return (
        <figure className="results">
          <figcaption className="results-method">{t('method.words')}</figcaption>
          <ul className="word-cloud">
            {chart.bars.map((b) => (
              <li key={b.key} style={{ fontSize: `${1 + barFraction(chart, b.value) * 2}em` }}>
                {b.label} <span className="visually-hidden">({b.value})</span>
              </li>
            ))}
          </ul>
        </figure>
      );
  }
}
