import type {
  MultipleBallot, MultipleChoiceConfig, MultipleResults, QuestionOption,
  SingleBallot, SingleChoiceConfig, SingleResults, YesNoBallot, YesNoResults,
} from '@palabre/contracts';
import { percent, percentOf, rankBy } from './shared';

type OptionCount = SingleResults['options'][number];

/** Per option: how many ballots chose it, most chosen first. Expects validated ballots. */
function countOptions(options: readonly QuestionOption[], chosen: readonly (readonly string[])[], present: number | null): OptionCount[] {
  const counts = new Map(options.map((o) => [o.id, 0]));
  for (const ids of chosen) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  const rows = options.map((o) => {
    const count = counts.get(o.id) ?? 0;
    return { optionId: o.id, count, percent: percent(count, chosen.length), percentOfPresent: percentOf(count, present) };
  });
  return rankBy(rows, (a, b) => b.count - a.count);
}

/** Single choice: percentages of ballots sum to 100 (up to rounding). */
export function countSingle(question: SingleChoiceConfig, ballots: readonly SingleBallot[], present: number | null = null): SingleResults {
  const options = countOptions(question.options, ballots.map((b) => [b.optionId]), present);
  return { type: 'single', method: 'count', ballots: ballots.length, present, options };
}

/** Multiple choice: each percentage is of ballots, so they may sum to more than 100. */
export function countMultiple(question: MultipleChoiceConfig, ballots: readonly MultipleBallot[], present: number | null = null): MultipleResults {
  const options = countOptions(question.options, ballots.map((b) => b.optionIds), present);
  return { type: 'multiple', method: 'count', ballots: ballots.length, present, options };
}

/** Yes / no / abstain, with the French "suffrages exprimés" (yes + no) as a second base. */
export function countYesNo(ballots: readonly YesNoBallot[], present: number | null = null): YesNoResults {
  const count = { yes: 0, no: 0, abstain: 0 };
  for (const b of ballots) count[b.choice] += 1;
  const expressed = count.yes + count.no;
  const choices = (['yes', 'no', 'abstain'] as const).map((choice) => ({
    choice,
    count: count[choice],
    percent: percent(count[choice], ballots.length),
    percentOfPresent: percentOf(count[choice], present),
    percentOfExpressed: choice === 'abstain' ? null : percentOf(count[choice], expressed),
  }));
  return { type: 'yesno', method: 'count', ballots: ballots.length, present, expressed, choices };
}
