import { countCells } from './cells';

describe('attendance cells', () => {
  it('shows counts of five and more', () => {
    expect(countCells(['a', 'b'], ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b'])).toEqual({ a: { hidden: false, count: 5 }, b: { hidden: false, count: 5 } });
  });

  it('hides a group of fewer than five people, count included', () => {
    const cells = countCells(['a', 'b', 'c'], [...Array(6).fill('a'), ...Array(6).fill('b'), 'c', 'c', 'c', 'c', 'c', 'c', 'c']);
    expect(countCells(['a', 'b'], [...Array(9).fill('a'), null, null, null, null, null, 'b'])).toMatchObject({ b: { hidden: true, count: '<5' } });
    expect(cells.c).toEqual({ hidden: false, count: 7 });
  });

  it('hides the smallest shown cell too when the hidden remainder could be deduced by subtraction', () => {
    const cells = countCells(['a', 'b', 'c'], [...Array(10).fill('a'), ...Array(6).fill('b'), 'c']);
    expect(cells.c).toEqual({ hidden: true, count: '<5' });
    expect(cells.b).toEqual({ hidden: true, count: null });
    expect(cells.a).toEqual({ hidden: false, count: 10 });
  });
});
