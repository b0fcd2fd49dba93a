import type { ChartScore, QuestionResults, ResultChart } from '@palabre/contracts';

/** What a chart item is, so a caller can name it: an option id, a yes/no/abstain choice, a scale value or a word. */
export type ChartItemKind = 'option' | 'choice' | 'value' | 'word';
export type ChartLabeller = (key: string, kind: ChartItemKind) => string;

type Bar = ResultChart['bars'][number];
const bar = (key: string, label: string, value: number, rank: number | null): Bar => ({ key, label, value, rank, majorityGrade: null, segments: null });

/**
 * The one definition of what a question's results chart plots: the projector, the exports and
 * the minutes all draw this. Each method is plotted by its own score, in its own order:
 * votes for a choice, Borda points for a ranking, points given, the merit profile for majority
 * judgment (grades stacked best first), the three answers of a yes/no, the distribution of a
 * scale (with its mean and median), answers containing a word.
 */
export function resultChart(results: QuestionResults, label: ChartLabeller = (key) => key): ResultChart {
  const chart = (score: ChartScore, bars: Bar[], extra: Partial<ResultChart> = {}): ResultChart => ({
    type: results.type,
    method: results.method,
    layout: 'bars',
    score,
    max: Math.max(1, ...bars.map((b) => b.value)),
    bars,
    gradeCount: null,
    mean: null,
    median: null,
    ...extra,
  });
  switch (results.type) {
    case 'single':
    case 'multiple':
      return chart('votes', results.options.map((o) => bar(o.optionId, label(o.optionId, 'option'), o.count, o.rank)));
    case 'ranking':
      // Highest score first: the tally already orders by points, the chart keeps that order.
      return chart('borda_points', [...results.options].sort((a, b) => a.rank - b.rank).map((o) => bar(o.optionId, label(o.optionId, 'option'), o.score, o.rank)));
    case 'points':
      return chart('points', [...results.options].sort((a, b) => a.rank - b.rank).map((o) => bar(o.optionId, label(o.optionId, 'option'), o.total, o.rank)));
    case 'scale':
      return chart('votes', results.distribution.map((d) => bar(String(d.value), label(String(d.value), 'value'), d.count, null)), { mean: results.mean, median: results.median });
    case 'majority':
      return {
        ...chart(
          'votes',
          [...results.options]
            .sort((a, b) => a.rank - b.rank)
            .map((o) => ({ ...bar(o.optionId, label(o.optionId, 'option'), sum(o.distribution), o.rank), majorityGrade: o.majorityGrade, segments: [...o.distribution] })),
        ),
        layout: 'merit_profile',
        // Every bar is as long as the ballots: the segments are shares of the same whole.
        max: Math.max(1, results.ballots),
        gradeCount: results.gradeCount,
      };
    case 'yesno': {
      const count = (c: 'yes' | 'no' | 'abstain') => results.choices.find((x) => x.choice === c)?.count ?? 0;
      return chart('votes', (['yes', 'no', 'abstain'] as const).map((c) => bar(c, label(c, 'choice'), count(c), null)));
    }
    case 'text':
      return { ...chart('answers', results.words.map((w, i) => bar(w.word, label(w.word, 'word'), w.count, i + 1))), layout: 'words' };
  }
}

/** A bar's length as a fraction of the chart's full width, 0..1. */
export function barFraction(chart: ResultChart, value: number): number {
  return Math.max(0, Math.min(1, value / chart.max));
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

// Diverging blues (good) to reds (bad), a neutral middle for 7 grades; dark enough against white.
const GRADE_COLOURS = {
  6: ['#1e3a8a', '#2563eb', '#60a5fa', '#fca5a5', '#dc2626', '#7f1d1d'],
  7: ['#1e3a8a', '#2563eb', '#60a5fa', '#cbd5e1', '#fca5a5', '#dc2626', '#7f1d1d'],
} as const;

/** The colour of each majority-judgment grade (best first), the same on screen and in print. */
export function gradeColours(gradeCount: 6 | 7): readonly string[] {
  return GRADE_COLOURS[gradeCount];
}
