import type { BallotValue, QuestionConfig, QuestionOption } from '@palabre/contracts';

/** What every ballot control receives from BallotForm. */
export interface ControlsProps<T extends BallotValue> {
  name: string;
  config: QuestionConfig;
  options: QuestionOption[];
  value: T | undefined;
  onChange: (value: T) => void;
  /** Words other members already gave (word cloud questions whose results this member may see). */
  suggestions?: readonly string[];
}

export type Of<K extends BallotValue['type']> = Extract<BallotValue, { type: K }>;
