import { OutcomeRecord } from '@palabre/contracts';
import { fakeBoardSection, fakeExport, fakeSurveySection } from '../../common/testing/fake-outcomes';
import { outcomeCandidates, resolveItem, synthesisPoints } from './outcome-items';

const BOARD = '11111111-1111-4111-8111-111111111111';
const SURVEY = '22222222-2222-4222-8222-222222222222';

function record(): OutcomeRecord {
  const { export: _e, ...base } = fakeExport(10);
  return OutcomeRecord.parse({ ...base, sections: [fakeBoardSection(BOARD, 'Anne'), fakeSurveySection(SURVEY, ['Anne', 'Paul'])] });
}

describe('outcome items of a sealed record', () => {
  it('splits a synthesis into its findings, each numbered proposal and its disagreements', () => {
    expect(synthesisPoints('Constats : peu d’ingénierie\nPropositions : 1. Un guichet ; 2. Un fonds commun ; 3. Des navettes\nPoints de désaccord : le calendrier')).toEqual([
      'Constats : peu d’ingénierie',
      'Un guichet',
      'Un fonds commun',
      'Des navettes',
      'Points de désaccord : le calendrier',
    ]);
  });

  it('gives the same candidates, with stable ids, for the same record', () => {
    const a = outcomeCandidates(record(), 1);
    expect(a).toEqual(outcomeCandidates(record(), 1));
    expect(a.map((c) => `${c.ref.kind}:${c.ref.itemId}`)).toEqual(['idea:i1', 'idea:i2', 'synthesis:0.0', 'survey:0.0', 'survey:0.1', 'survey:0.2']);
    expect(outcomeCandidates(record(), 8).filter((c) => c.ref.kind === 'idea').map((c) => c.ref.itemId)).toEqual(['i1']);
  });

  it('resolves an item to its evidence, or says why not', () => {
    expect(resolveItem(record(), { kind: 'idea', activityId: BOARD, itemId: 'i2' }, 5)).toEqual({ evidence: { sectionTitle: 'Faire vivre les démarches contractuelles', text: 'Réunir les élus chaque trimestre', figure: '7 soutiens', group: null } });
    expect(resolveItem(record(), { kind: 'idea', activityId: BOARD, itemId: 'i2' }, 8)).toEqual({ refused: 'below' });
    expect(resolveItem(record(), { kind: 'idea', activityId: SURVEY, itemId: 'i1' }, 0)).toEqual({ refused: 'missing' });
    expect(resolveItem(record(), { kind: 'survey', activityId: BOARD, itemId: '0.0' }, 0)).toEqual({ refused: 'missing' });
  });
});
