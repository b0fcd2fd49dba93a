import { parseRosterCsv } from './roster-csv';

describe('roster CSV', () => {
  it('reads a French spreadsheet export with BOM, semicolons and accented values', () => {
    const csv = '\uFEFFNom;Courriel;Périmètre;Type de territoire;Catégorie;Genre\nÉlodie Martin;elodie@example.org;Pays Cœur d’Hérault;Territoire de projet;Élue;F\n';
    expect(parseRosterCsv(csv)).toEqual({
      lines: [
        {
          line: 2,
          value: { name: 'Élodie Martin', email: 'elodie@example.org', perimeter: 'Pays Cœur d’Hérault', territoryType: 'territoire_projet', category: 'elu', gender: 'femme' },
        },
      ],
      errors: [],
    });
  });

  it('reports each bad line with its number and keeps the good ones', () => {
    const csv = 'name,email,perimeter,territoryType,category,gender\nA,,Montpellier,metropole,elu,homme\nB,pas-un-email,Albi,agglomeration,citoyen,femme\nC,,Millau,planete,elu,femme\nD,,Figeac,bourg_centre,citoyen,autre';
    const result = parseRosterCsv(csv);
    expect(result.lines.map((l) => l.value.name)).toEqual(['A', 'D']);
    expect(result.errors.map((e) => [e.line, e.message])).toEqual([
      [3, 'Valeur invalide : email'],
      [4, 'Valeur invalide : territoryType'],
    ]);
  });

  it('refuses a file without the expected header', () => {
    expect(parseRosterCsv('foo;bar\n1;2').errors[0]).toMatchObject({ line: 1, code: 'VALIDATION_FAILED' });
  });
});
