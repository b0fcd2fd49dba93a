import { SURVEY_LIMITS } from '@palabre/contracts/meta';
import { QuestionDraft, questionIssues, QuestionType, type QuestionView } from '@palabre/contracts';

/** What the "add a question" form holds: text as typed, turned into a draft on submit. */
export interface QuestionFormValues {
  prompt: string;
  type: QuestionType;
  /** One option per line. */
  options: string;
  minSelections: string;
  maxSelections: string;
  topK: string;
  /** Ranking: start each member from a complete order of their own (shuffled) instead of nothing ranked. */
  prefill: boolean;
  budget: string;
  scaleMax: string;
  minLabel: string;
  maxLabel: string;
  gradeCount: '6' | '7';
  /** Who may answer; '' keeps the default (verified members when the session has a roster). */
  eligibility: '' | 'present' | 'verified';
}

/** The question types in the contract's order (the form's select). */
export const QUESTION_TYPES: readonly QuestionType[] = QuestionType.options;

export const EMPTY_QUESTION: QuestionFormValues = {
  prompt: '', type: 'single', options: '', minSelections: '1', maxSelections: '2', topK: '', prefill: false,
  budget: '100', scaleMax: '5', minLabel: '', maxLabel: '', gradeCount: '7', eligibility: '',
};

export type QuestionField =
  | 'prompt' | 'options' | 'minSelections' | 'maxSelections' | 'topK' | 'budget' | 'scaleMax' | 'minLabel' | 'maxLabel';

/** An i18n key of `surveys:builder.errors` with its interpolation values. */
export interface FieldError { key: string; values?: Record<string, string | number> }
export type FieldErrors = Partial<Record<QuestionField, FieldError>>;

export function hasOptions(type: QuestionType): boolean {
  return type !== 'scale' && type !== 'yesno' && type !== 'text';
}

export function optionLabels(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

// Empty means "not given" for optional fields; anything else must be a whole number.
const toInt = (value: string): number => (value.trim() === '' ? Number.NaN : Number(value.trim()));
const optionalText = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

/** The draft the form describes; numbers may be NaN, which validation reports on their field. */
export function buildDraft(v: QuestionFormValues): QuestionDraft {
  const draft = draftOfType(v);
  return v.eligibility ? { ...draft, eligibility: v.eligibility } : draft;
}

function draftOfType(v: QuestionFormValues): QuestionDraft {
  const prompt = v.prompt;
  // Ids follow the line order: stable enough for a new question, unique by construction.
  const options = optionLabels(v.options).map((label, i) => ({ id: `o${i + 1}`, label }));
  switch (v.type) {
    case 'single': return { type: 'single', prompt, options };
    case 'multiple': return { type: 'multiple', prompt, options, minSelections: toInt(v.minSelections), maxSelections: toInt(v.maxSelections) };
    case 'ranking': return { type: 'ranking', prompt, options, ...(v.topK.trim() !== '' && { topK: toInt(v.topK) }), ...(v.prefill && { prefill: 'shuffled' as const }) };
    case 'points': return { type: 'points', prompt, options, budget: toInt(v.budget) };
    case 'scale': {
      const minLabel = optionalText(v.minLabel);
      const maxLabel = optionalText(v.maxLabel);
      return { type: 'scale', prompt, max: toInt(v.scaleMax), ...(minLabel && { minLabel }), ...(maxLabel && { maxLabel }) };
    }
    case 'majority': return { type: 'majority', prompt, options, gradeCount: v.gradeCount === '6' ? 6 : 7 };
    case 'yesno': return { type: 'yesno', prompt };
    case 'text': return { type: 'text', prompt };
  }
}

const FIELD_OF: Record<string, QuestionField> = {
  prompt: 'prompt', options: 'options', minSelections: 'minSelections', maxSelections: 'maxSelections',
  topK: 'topK', budget: 'budget', max: 'scaleMax', minLabel: 'minLabel', maxLabel: 'maxLabel',
};

/**
 * The schema's messages are English and technical: each issue is mapped, by the field it names
 * and the cross-field rule it breaks (the same `questionIssues` the server runs), to a French
 * sentence of the catalogue.
 */
function errorFor(field: QuestionField, path: (string | number)[], message: string, draft: QuestionDraft): FieldError {
  const labels = 'options' in draft ? draft.options.map((o) => o.label) : [];
  switch (field) {
    case 'prompt': return { key: 'prompt', values: { max: SURVEY_LIMITS.promptMax } };
    case 'options':
      if (message === 'Duplicate option label' && typeof path[1] === 'number') return { key: 'optionDuplicate', values: { option: labels[path[1]] ?? '' } };
      if (path.length > 1) return { key: 'optionLength', values: { max: SURVEY_LIMITS.optionLabelMax } };
      return { key: 'options', values: { min: SURVEY_LIMITS.optionsMin, max: SURVEY_LIMITS.optionsMax } };
    case 'minSelections': return { key: message === 'minSelections exceeds maxSelections' ? 'minAboveMax' : 'positive' };
    case 'maxSelections': return { key: message === 'maxSelections exceeds the number of options' ? 'aboveOptions' : 'positive' };
    case 'topK': return { key: message === 'topK exceeds the number of options' ? 'aboveOptions' : 'positive' };
    case 'budget': return { key: 'budget', values: { max: SURVEY_LIMITS.pointsBudgetMax } };
    case 'scaleMax': return { key: 'scaleMax', values: { min: SURVEY_LIMITS.scaleMaxMin, max: SURVEY_LIMITS.scaleMaxMax } };
    case 'minLabel':
    case 'maxLabel': return { key: 'scaleLabel', values: { max: 60 } };
  }
}

/**
 * Validates with the shared schema, then with `questionIssues` on its own: the schema skips
 * its cross-field rules while a field is invalid, and the form should show both at once.
 */
export function validateQuestion(values: QuestionFormValues): { draft: QuestionDraft; errors: FieldErrors } {
  const draft = buildDraft(values);
  const parsed = QuestionDraft.safeParse(draft);
  const issues = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message }))),
    ...questionIssues(draft),
  ];
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = FIELD_OF[String(issue.path[0])];
    // The first issue of a field is the one shown; later ones repeat or follow from it.
    if (field && !errors[field]) errors[field] = errorFor(field, issue.path, issue.message, draft);
  }
  return { draft: parsed.success ? parsed.data : draft, errors };
}

/**
 * The draft of a stored question with one option moved from `from` to `to` (ids and labels
 * kept, so nothing but the order changes), for `survey.question.update`; null without options.
 */
export function draftWithOptionMoved(question: QuestionView, from: number, to: number): QuestionDraft | null {
  const { config } = question;
  if (!('options' in config)) return null;
  if (to < 0 || to >= config.options.length || from === to) return null;
  const options = [...config.options];
  const [moved] = options.splice(from, 1);
  options.splice(to, 0, moved);
  return { ...config, options, prompt: question.prompt } as QuestionDraft;
}
