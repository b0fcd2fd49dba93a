// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { BallotValue, QuestionConfig, QuestionView } from '@palabre/contracts';
import { breakdown, type ProfiledBallot, type VoterProfile } from '@palabre/domain';
import { loadStaffCatalogues, setLocale } from '../../../i18n';
import { BreakdownTables } from './BreakdownTables';

const config: QuestionConfig = { type: 'single', options: [{ id: 'a', label: 'Mobilités' }, { id: 'b', label: 'Logement' }] };
const QUESTION: QuestionView = {
  id: '0b6f4c2e-1d1a-4c1e-8f3a-000000000001', activityId: '6f1c1a52-0b7e-4c57-9d5e-2f6a3c0e8a11', position: 0,
  prompt: 'Quelle priorité ?', config, state: 'open', openedAt: null, closedAt: null,
};
const voter = (over: Partial<VoterProfile>): VoterProfile => ({ territoryType: 'metropole', category: 'elu', gender: 'femme', ...over });
const cast = (n: number, profile: VoterProfile, optionId: string): ProfiledBallot[] =>
  Array.from({ length: n }, () => ({ value: { type: 'single', optionId } satisfies BallotValue, voter: profile }));

// The cut is the real one from libs/domain: 12 voters of a métropole (6 women, 6 men), 6 men of
// an agglomération, 3 women citizens of a bourg-centre (a small cell), nobody from a territoire de projet.
const BALLOTS = [
  ...cast(6, voter({}), 'a'),
  ...cast(6, voter({ gender: 'homme' }), 'b'),
  ...cast(6, voter({ gender: 'homme', territoryType: 'agglomeration' }), 'a'),
  ...cast(3, voter({ territoryType: 'bourg_centre', category: 'citoyen' }), 'b'),
];

describe('breakdown tables', () => {
  beforeEach(async () => {
    await setLocale('fr');
    await loadStaffCatalogues(); // a console panel: its page loads them in the app
  });
  afterEach(cleanup);

  it('shows the voters and figures of groups of 5 or more, one column per option', () => {
    render(<BreakdownTables question={QUESTION} breakdown={breakdown(config, BALLOTS, 5)} />);
    const table = screen.getByRole('table', { name: 'Par type de territoire : part des votes du groupe' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Groupe', 'Votants', 'Mobilités', 'Logement']);
    const metropole = within(table).getByRole('row', { name: /^Métropole/ });
    expect(within(metropole).getAllByRole('cell').map((c) => c.textContent)).toEqual(['12', '50 %', '50 %']);
  });

  it('masks every group of fewer than 5 voters, count and figures alike', () => {
    render(<BreakdownTables question={QUESTION} breakdown={breakdown(config, BALLOTS, 5)} />);
    const table = screen.getByRole('table', { name: /^Par type de territoire/ });
    const bourg = within(table).getByRole('row', { name: /^Commune \(bourg-centre\)/ });
    expect(within(bourg).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Moins de 5 votants : résultats masqués']);
    expect(bourg.textContent).not.toContain('3');
    // Nobody voted from a territoire de projet: hidden the same way, so an empty group looks like a small one.
    expect(within(table).getByRole('row', { name: /^Territoire de projet/ }).textContent).toContain('Moins de 5 votants');
  });

  it('hides a shown group too when the small one could be deduced by subtraction', () => {
    render(<BreakdownTables question={QUESTION} breakdown={breakdown(config, BALLOTS, 5)} />);
    // The 3 of the bourg-centre = total − métropole − agglomération: the smaller shown one is hidden.
    const territories = screen.getByRole('table', { name: /^Par type de territoire/ });
    expect(within(territories).getByRole('row', { name: /^Communauté d’agglomération/ }).textContent).toContain('ne puisse pas être déduit');
    // 18 élus and 3 citoyens: « citoyen » is small, and « élu » = total − 3 would give it away.
    const table = screen.getByRole('table', { name: /^Par catégorie/ });
    expect(within(table).getByRole('row', { name: /^Citoyen·ne·s/ }).textContent).toContain('Moins de 5 votants');
    expect(within(table).getByRole('row', { name: /^Élu·e·s/ }).textContent).toContain('Masqué pour qu’un groupe de moins de 5 votants ne puisse pas être déduit');
    const women = within(screen.getByRole('table', { name: /^Par genre/ })).getByRole('row', { name: /^Femmes/ });
    expect(within(women).getAllByRole('cell')[0].textContent).toBe('9');
  });
});
