import { describe, expect, it } from 'vitest';
import { moveTo, placeAt, required, unrank, unranked } from './ranking-model';

describe('ranking moves', () => {
  it('places an option at a rank, shifting the others down and out past k', () => {
    expect(placeAt([], 'c', 0, 3)).toEqual(['c']);
    expect(placeAt(['c'], 'a', 5, 3)).toEqual(['c', 'a']);
    expect(placeAt(['c', 'a', 'b'], 'd', 0, 3)).toEqual(['d', 'c', 'a']);
  });

  it('moves an already ranked option instead of duplicating it', () => {
    expect(placeAt(['a', 'b', 'c'], 'c', 0, 3)).toEqual(['c', 'a', 'b']);
    expect(moveTo(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveTo(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveTo(['a', 'b'], 0, 4)).toEqual(['a', 'b']);
  });

  it('takes an option out and lists what is left to rank in the order shown', () => {
    expect(unrank(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
    expect(unranked(['c'], ['b', 'c', 'a'])).toEqual(['b', 'a']);
  });

  it('requires k options, or all of them', () => {
    expect(required(2, 5)).toBe(2);
    expect(required(undefined, 5)).toBe(5);
  });
});
