import { useTranslation } from 'react-i18next';
import { MAJORITY_GRADES } from '@palabre/contracts/meta';
import type { LiveResults, MajorityResults, QuestionResults, QuestionView, TextResults } from '@palabre/contracts';
import { currentLocale } from '../../../i18n';
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
              <span className="results-label">{b.label}</span>
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
                <span className="results-label">
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
  const label = (id: string) => ('options' in question.config ? question.config.options.find((o) => o.id === id)?.label : undefined) ?? id;
  return <>{render(r, label, (key, opts) => t(key, opts ?? {}), size)}</>;
}

function render(r: QuestionResults, label: (id: string) => string, t: T, size: ChartSize) {
  switch (r.type) {
    case 'single':
    case 'multiple':
      return <Bars caption={t(`method.${r.type}`)} bars={r.options.map((o) => ({ key: o.optionId, label: label(o.optionId), width: o.percent, text: `${o.count} · ${formatNumber(o.percent)} %` }))} />;
    case 'ranking': {
      const top = Math.max(1, ...r.options.map((o) => o.score));
      const places = r.topK ?? r.options.length;
      return <Bars caption={t('method.borda', { first: Math.max(0, places - 1) })} bars={r.options.map((o) => ({ key: o.optionId, label: `${o.rank}. ${label(o.optionId)}`, width: (o.score / top) * 100, text: t('results.points', { count: o.score }) }))} />;
    }
    case 'points':
      return <Bars caption={t('method.points', { budget: r.budget })} bars={r.options.map((o) => ({ key: o.optionId, label: label(o.optionId), width: o.share, text: `${o.total} · ${formatNumber(o.share)} %` }))} />;
    case 'scale':
      return (
        <>
          <p className="results-summary">{t('results.scale', { mean: r.mean === null ? '—' : formatNumber(r.mean), median: r.median === null ? '—' : formatNumber(r.median) })}</p>
          <Bars caption={t('method.scale', { max: r.max })} bars={r.distribution.map((d) => ({ key: String(d.value), label: String(d.value), width: d.percent, text: `${d.count}` }))} />
        </>
      );
    case 'majority':
      return <MeritProfiles r={r} label={label} t={t} />;
    case 'yesno':
      return <Bars caption={t('method.yesno')} bars={r.choices.map((c) => ({ key: c.choice, label: t(`yesno.${c.choice}`), width: c.percent, text: `${c.count} · ${formatNumber(c.percent)} %` }))} />;
    case 'text':
      return <WordCloud r={r} size={size} t={t} />;
  }
}
