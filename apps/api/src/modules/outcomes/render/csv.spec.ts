import { csvField, csvLines } from './csv';

describe('CSV for French Excel', () => {
  it('quotes separators, quotes and line breaks as RFC 4180 says', () => {
    expect(csvLines([['a;b', 'dit "non"', 'deux\nlignes', 'simple']])).toBe('"a;b";"dit ""non""";"deux\nlignes";simple');
  });

  it('writes decimals with a comma and empty cells for null', () => {
    expect(csvLines([[0.75, null, true]])).toBe('0,75;;oui');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
});
