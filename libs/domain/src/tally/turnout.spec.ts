import { questionTurnout } from './turnout';

describe('question turnout', () => {
  it('counts a voter who left before the close as present, so turnout never exceeds 100 %', () => {
    expect(questionTurnout(5, 3)).toEqual({ voters: 5, present: 5, rate: 1 });
  });

  it('gives voters over members connected at the close', () => {
    expect(questionTurnout(12, 15)).toEqual({ voters: 12, present: 15, rate: 0.8 });
  });

  it('has no rate without a head count', () => {
    expect(questionTurnout(4, null)).toEqual({ voters: 4, present: null, rate: null });
    expect(questionTurnout(0, 0)).toEqual({ voters: 0, present: 0, rate: null });
  });
});
