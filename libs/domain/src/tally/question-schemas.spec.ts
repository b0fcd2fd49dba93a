import { QuestionDraft } from '@palabre/contracts';

// The contracts schemas the tallies rely on: a question that passes them can always be tallied.
const options = (...ids: string[]) => ids.map((id) => ({ id, label: `Option ${id}` }));
const issues = (draft: unknown) => {
  const r = QuestionDraft.safeParse(draft);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('question drafts', () => {
  it('accepts a draft of every question type', () => {
    const drafts = [
      { type: 'single', options: options('a', 'b') },
      { type: 'multiple', options: options('a', 'b', 'c'), minSelections: 1, maxSelections: 3 },
      { type: 'ranking', options: options('a', 'b', 'c'), topK: 2 },
      { type: 'points', options: options('a', 'b'), budget: 100 },
      { type: 'scale', max: 10, minLabel: 'Pas du tout', maxLabel: 'Tout à fait' },
      { type: 'majority', options: options('a', 'b'), gradeCount: 7 },
      { type: 'yesno' },
      { type: 'text' },
    ];
    for (const d of drafts) expect([d.type, issues({ prompt: 'Quelle priorité ?', ...d })]).toEqual([d.type, []]);
  });

  it('refuses fewer than 2 or more than 30 options', () => {
    expect(issues({ prompt: 'Q', type: 'single', options: options('a') })).toEqual(['options']);
    const many = options(...Array.from({ length: 31 }, (_, i) => `o${i}`));
    expect(issues({ prompt: 'Q', type: 'single', options: many })).toEqual(['options']);
  });

  it('refuses two options with the same id or the same label', () => {
    const twice = [{ id: 'a', label: 'Santé' }, { id: 'a', label: 'santé' }];
    expect(issues({ prompt: 'Q', type: 'single', options: twice })).toEqual(['options.1.id', 'options.1.label']);
  });

  it('keeps minimum ≤ maximum ≤ number of options for multiple choice', () => {
    expect(issues({ prompt: 'Q', type: 'multiple', options: options('a', 'b'), minSelections: 2, maxSelections: 1 })).toEqual(['minSelections']);
    expect(issues({ prompt: 'Q', type: 'multiple', options: options('a', 'b'), minSelections: 1, maxSelections: 3 })).toEqual(['maxSelections']);
  });

  it('keeps top-k within the number of options', () => {
    expect(issues({ prompt: 'Q', type: 'ranking', options: options('a', 'b'), topK: 3 })).toEqual(['topK']);
  });

  it('keeps a scale between 2 and 10 steps and majority judgment on 6 or 7 grades', () => {
    expect(issues({ prompt: 'Q', type: 'scale', max: 11 })).toEqual(['max']);
    expect(issues({ prompt: 'Q', type: 'majority', options: options('a', 'b'), gradeCount: 5 })).toEqual(['gradeCount']);
  });

  it('requires a prompt of 1 to 300 characters', () => {
    expect(issues({ prompt: '  ', type: 'yesno' })).toEqual(['prompt']);
    expect(issues({ prompt: 'x'.repeat(301), type: 'yesno' })).toEqual(['prompt']);
  });

  it('refuses option ids that could not be ballot keys', () => {
    expect(issues({ prompt: 'Q', type: 'single', options: [{ id: '__proto__', label: 'A' }, { id: 'b', label: 'B' }] })).toEqual(['options.0.id']);
    expect(issues({ prompt: 'Q', type: 'single', options: [{ id: 'a b', label: 'A' }, { id: 'b', label: 'B' }] })).toEqual(['options.0.id']);
  });
});
