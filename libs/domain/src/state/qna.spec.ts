import { QnaQuestionStatus } from '@palabre/contracts';
import { canMerge, canTransition, isPublicQuestion, isVotable, QNA_MODERATION_FROM, QNA_MODERATION_TARGET, QNA_QUESTION_TRANSITIONS } from '../index';

describe('Q&A question state machine', () => {
  it('lets every moderation command follow an allowed transition', () => {
    for (const [cmd, to] of Object.entries(QNA_MODERATION_TARGET)) {
      for (const from of QNA_MODERATION_FROM[cmd as keyof typeof QNA_MODERATION_TARGET]) {
        expect([cmd, from, to, canTransition(QNA_QUESTION_TRANSITIONS, from, to)]).toEqual([cmd, from, to, true]);
      }
    }
  });

  it('never lets a merged duplicate come back', () => {
    for (const to of QnaQuestionStatus.options) expect(canTransition(QNA_QUESTION_TRANSITIONS, 'merged', to)).toBe(false);
  });

  it('shows members only published questions', () => {
    expect(QnaQuestionStatus.options.filter(isPublicQuestion)).toEqual(['visible', 'answering', 'answered']);
  });

  it('accepts upvotes only while a question is open for discussion', () => {
    expect(QnaQuestionStatus.options.filter(isVotable)).toEqual(['visible', 'answering']);
  });

  it('merges a duplicate only into a question the room can see', () => {
    expect(canMerge('visible', 'visible')).toBe(true);
    expect(canMerge('pending', 'answering')).toBe(true);
    expect(canMerge('visible', 'hidden')).toBe(false);
    expect(canMerge('merged', 'visible')).toBe(false);
    expect(canMerge('answered', 'visible')).toBe(false);
  });
});
