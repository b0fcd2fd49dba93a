import { z } from 'zod';
import {
  BallotValue, MajorityBallot, MajorityConfig, MAJORITY_GRADES, MultipleBallot, MultipleChoiceConfig, PointsBallot, PointsConfig, QuestionConfig, RankingBallot, RankingConfig,
  ScaleBallot, ScaleConfig, SingleBallot, SingleChoiceConfig, TextBallot, TextConfig, YesNoBallot, YesNoConfig, type QuestionType,
} from '@palabre/contracts';
import { fieldsOf, jsonSchemaOf, type SchemaField } from './json-schema';

const OPTIONS = [{ id: 'mobilites', label: 'Mobilités du quotidien' }, { id: 'sante', label: 'Accès aux soins' }, { id: 'ecoles', label: 'Écoles rurales' }];

/**
 * Each question type: its configuration and ballot value contracts, the tally method, and one
 * example of each (parsed against the contracts when the doc is generated, so they cannot drift).
 */
export const QUESTION_TYPE_DOCS: Record<QuestionType, { config: z.ZodType; ballot: z.ZodType; method: string; example: { config: QuestionConfig; ballot: BallotValue } }> = {
  single: { config: SingleChoiceConfig, ballot: SingleBallot, method: '`count`: votes per option, most first', example: { config: { type: 'single', options: OPTIONS }, ballot: { type: 'single', optionId: 'sante' } } },
  multiple: {
    config: MultipleChoiceConfig,
    ballot: MultipleBallot,
    method: '`count`: votes per option (a ballot counts once per option it selects), most first',
    example: { config: { type: 'multiple', options: OPTIONS, minSelections: 1, maxSelections: 2 }, ballot: { type: 'multiple', optionIds: ['mobilites', 'ecoles'] } },
  },
  ranking: {
    config: RankingConfig,
    ballot: RankingBallot,
    method: '`borda`: n−1 points for a first place … 0 for the last or unranked; most points first',
    example: { config: { type: 'ranking', options: OPTIONS }, ballot: { type: 'ranking', ranking: ['sante', 'mobilites', 'ecoles'] } },
  },
  points: {
    config: PointsConfig,
    ballot: PointsBallot,
    method: '`points`: points given per option, most first',
    example: { config: { type: 'points', options: OPTIONS, budget: 100 }, ballot: { type: 'points', allocation: { mobilites: 60, sante: 40 } } },
  },
  scale: {
    config: ScaleConfig,
    ballot: ScaleBallot,
    method: '`scale`: distribution of the values 1..max, mean and median',
    example: { config: { type: 'scale', max: 5, minLabel: 'Pas du tout d’accord', maxLabel: 'Tout à fait d’accord' }, ballot: { type: 'scale', value: 4 } },
  },
  majority: {
    config: MajorityConfig,
    ballot: MajorityBallot,
    method: `\`majority_judgment\`: majority (lower median) grade per option, ties broken by the shares better and worse; grades best first (7: ${MAJORITY_GRADES[7].fr.join(', ')}; 6: ${MAJORITY_GRADES[6].fr.join(', ')})`,
    example: { config: { type: 'majority', options: OPTIONS, gradeCount: 6 }, ballot: { type: 'majority', grades: { mobilites: 0, sante: 1, ecoles: 4 } } },
  },
  yesno: { config: YesNoConfig, ballot: YesNoBallot, method: '`count`: yes, no, abstain; percentages of the votes cast (yes + no) beside', example: { config: { type: 'yesno' }, ballot: { type: 'yesno', choice: 'abstain' } } },
  text: {
    config: TextConfig,
    ballot: TextBallot,
    method: '`word_frequency`: answers citing each word (case, accents and punctuation aside, stop words dropped), top 50',
    example: { config: { type: 'text' }, ballot: { type: 'text', text: 'Plus de coopération entre territoires' } },
  },
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function fields(rows: SchemaField[]): string[] {
  return ['| Field | Type | Required | Description |', '|---|---|---|---|', ...rows.map((f) => `| \`${f.path}\` | ${cell(f.type)} | ${f.required ? 'yes' : 'no'} | ${cell(f.description)} |`)];
}

/** The « Question types » part of the generated reference: configs, ballot values, examples. */
export function questionTypesDoc(): string[] {
  const lines = [
    '## Survey question types: configurations and ballot values',
    '',
    'A question\'s `config` (in `survey.question.add`, `survey.question.update`, survey views and results) is one of the',
    'shapes below, chosen by `type`; a ballot\'s `value` (in `ballot.cast`) is the shape of the same `type`.',
    'Rules that depend on the question (known option ids, budget, range, text length) are checked by',
    '`validateBallot` in libs/domain, which answers a precise error code.',
    '',
  ];
  for (const [type, doc] of Object.entries(QUESTION_TYPE_DOCS)) {
    const config = QuestionConfig.parse(doc.example.config);
    const ballot = BallotValue.parse(doc.example.ballot);
    lines.push(
      `### \`${type}\``,
      '',
      `Tally: ${doc.method}.`,
      '',
      '**Configuration**',
      '',
      ...fields(fieldsOf(jsonSchemaOf(doc.config, 'input'))),
      '',
      '**Ballot value**',
      '',
      ...fields(fieldsOf(jsonSchemaOf(doc.ballot, 'input'))),
      '',
      'Example:',
      '',
      '```json',
      `{ "config": ${JSON.stringify(config)}, "value": ${JSON.stringify(ballot)} }`,
      '```',
      '',
    );
  }
  return lines;
}
