import { useTranslation } from 'react-i18next';
import { MAJORITY_GRADES } from '@palabre/contracts/meta';
import type { LiveResults, MajorityResults, QuestionResults, QuestionView, ResultChart, TextResults } from '@palabre/contracts';
import { barFraction, resultChart, type ChartLabeller } from '@palabre/domain';
import { CONTENT_LANG, currentLocale } from '../../../i18n';
import { formatNumber } from '../../../ui/format';
import { meritProfile } from '../charts/merit-profile';
import { layoutWordCloud } from '../charts/word-cloud-layout';

/** `compact`: phones and the console; `screen`: the projector, where everything is larger. */
export type ChartSize = 'compact' | 'screen';

interface Bar {
  key: string;
  label: string;
  /** Width of the bar, 0..100. */
  width: number;
  text: string;
}

type T = (key: string, opts?: Record<string, unknown>) => string;

/** One line per option: its label and figure, then a full-width bar that grows as ballots arrive. */
function Bars({ bars, caption }: { bars: Bar[]; caption: string }) {
  return (
    <figure className="results">
      <figcaption className="results-method">{caption}</figcaption>
      <ul className="results-bars">
        {bars.map((b) => (
          <li key={b.key} className="results-bar">
            <span className="results-row">
              <span className="results-label" lang={CONTENT_LANG}>{b.label}</span>
              <span className="results-value">{b.text}</span>
            </span>
            <span className="results-track" aria-hidden="true">
              <span className="results-fill" style={{ width: `${Math.max(0, Math.min(100, b.width))}%` }} />
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** Grade colours, best (green) to worst (red), for 6 or 7 grades. */
function gradeColour(grade: number, count: number): string {
  const hue = 140 - (grade / Math.max(1, count - 1)) * 140;
  return `hsl(${Math.round(hue)} 65% 34%)`;
}

/**
 * Majority judgment as merit profiles: every option's grades as one stacked bar, best grade on
 * the left, with the median line at 50 %: the grade under the line is the majority grade.
 */
function MeritProfiles({ r, label, t }: { r: MajorityResults; label: (id: string) => string; t: T }) {
  const grades = MAJORITY_GRADES[r.gradeCount][currentLocale()];
  return (
    <figure className="results merit">
      <figcaption className="results-method">{t('method.majority')}</figcaption>
      <ul className="merit-legend" aria-label={t('results.gradesLegend')}>
        {grades.map((name, grade) => (
          <li key={name}>
            <span className="merit-swatch" style={{ background: gradeColour(grade, grades.length) }} aria-hidden="true" />
            {name}
          </li>
        ))}
      </ul>
      <ol className="results-bars">
        {r.options.map((o) => {
          const profile = meritProfile(o.distribution);
          const grade = o.majorityGrade === null ? '—' : grades[o.majorityGrade];
          return (
            <li key={o.optionId} className="results-bar" data-testid="merit-profile">
              <span className="results-row">
                <span className="results-label" lang={CONTENT_LANG}>
                  {o.rank}. {label(o.optionId)}
                </span>
                <span className="results-value">{t('results.majorityGrade', { grade })}</span>
              </span>
              <span className="merit-track" aria-hidden="true">
                {profile.map((s) =>
                  s.width > 0 ? (
                    <span key={s.grade} className="merit-segment" style={{ left: `${s.start}%`, width: `${s.width}%`, background: gradeColour(s.grade, grades.length) }} />
                  ) : null,
                )}
                <span className="merit-median" />
              </span>
              <span className="visually-hidden">
                {profile.map((s) => `${grades[s.grade]} ${s.count}`).join(', ')}
              </span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}

const CLOUD_FRAMES: Record<ChartSize, Parameters<typeof layoutWordCloud>[1]> = {
  compact: { width: 420, height: 320, minFont: 16, maxFont: 44 },
  screen: { width: 1600, height: 620, minFont: 40, maxFont: 120 },
};

/** Words sized by how many answers use them, laid out in 2D; the list with counts is the text alternative. */
function WordCloud({ r, size, t }: { r: TextResults; size: ChartSize; t: T }) {
  const layout = layoutWordCloud(r.words, CLOUD_FRAMES[size]);
  return (
    <figure className="results">
      <figcaption className="results-method">{t('method.words')}</figcaption>
      <svg className="word-cloud" viewBox={`0 0 ${layout.width} ${layout.height}`} aria-hidden="true" data-testid="word-cloud">
        {layout.words.map((w) => (
          <text key={w.word} x={w.x} y={w.y} fontSize={w.fontSize} textAnchor="middle" dominantBaseline="central" className={`cloud-word cloud-word-${w.rank % 5}`}>
            {w.word}
          </text>
        ))}
      </svg>
      <ul className="visually-hidden">
        {r.words.map((w) => (
          <li key={w.word}>{t('results.wordCount', { word: w.word, count: w.count })}</li>
        ))}
      </ul>
    </figure>
  );
}

/** The chart of one question's results, naming the method that produced the order in one line. */
export function QuestionResultsView({ question, live, size = 'compact' }: { question: QuestionView; live: LiveResults; size?: ChartSize }) {
  const { t } = useTranslation('surveys');
  const r = live.results;
  if (!r) return null;
  const options = 'options' in question.config ? question.config.options : [];
  const label = (id: string) => options.find((o) => o.id === id)?.label ?? id;
  const labeller: ChartLabeller = (key, kind) => (kind === 'option' ? label(key) : kind === 'choice' ? t(`yesno.${key}`) : key);
  return <>{render(r, resultChart(r, labeller), label, (key, opts) => t(key, opts ?? {}), size)}</>;
}

// What each bar is, what it plots, its order and its length come from `resultChart` (libs/domain),
// which the exports and the minutes draw too; this only words it for the phone or the projector.
function render(r: QuestionResults, chart: ResultChart, label: (id: string) => string, t: T, size: ChartSize) {
  const width = (value: number) => barFraction(chart, value) * 100;
  const ranked = (b: ResultChart['bars'][number]) => (b.rank === null ? b.label : `${b.rank}. ${b.label}`);
  switch (r.type) {
    case 'single':
    case 'multiple':
      return <Bars caption={t(`method.${r.type}`)} bars={chart.bars.map((b, i) => ({ key: b.key, label: b.label, width: width(b.value), text: `${b.value} · ${formatNumber(r.options[i]?.percent ?? 0)} %` }))} />;
    case 'ranking': {
      const places = r.topK ?? r.options.length;
      return <Bars caption={t('method.borda', { first: Math.max(0, places - 1) })} bars={chart.bars.map((b) => ({ key: b.key, label: ranked(b), width: width(b.value), text: t('results.points', { count: b.value }) }))} />;
    }
    case 'points': {
      const share = new Map(r.options.map((o) => [o.optionId, o.share]));
      return <Bars caption={t('method.points', { budget: r.budget })} bars={chart.bars.map((b) => ({ key: b.key, label: b.label, width: width(b.value), text: `${b.value} · ${formatNumber(share.get(b.key) ?? 0)} %` }))} />;
    }
    case 'scale':
      return (
        <>
          <p className="results-summary">{t('results.scale', { mean: chart.mean === null ? '—' : formatNumber(chart.mean), median: chart.median === null ? '—' : formatNumber(chart.median) })}</p>
          <Bars caption={t('method.scale', { max: r.max })} bars={chart.bars.map((b) => ({ key: b.key, label: b.label, width: width(b.value), text: `${b.value}` }))} />
        </>
      );
    case 'majority':
      return <MeritProfiles r={r} label={label} t={t} />;
    case 'yesno':
      return <Bars caption={t('method.yesno')} bars={chart.bars.map((b) => ({ key: b.key, label: b.label, width: width(b.value), text: `${b.value} · ${formatNumber(r.choices.find((c) => c.choice === b.key)?.percent ?? 0)} %` }))} />;
    case 'text':
      return <WordCloud r={r} size={size} t={t} />;
  }
}
