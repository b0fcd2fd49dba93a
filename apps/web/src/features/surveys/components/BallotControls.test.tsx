// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import type { BallotValue, QuestionConfig } from '@palabre/contracts';
import { setLocale } from '../../../i18n';
import { MajorityControls, PointsControls, RankingControls } from './BallotControls';

const OPTIONS = [{ id: 'a', label: 'Mobilités' }, { id: 'b', label: 'Logement' }, { id: 'c', label: 'Énergie' }, { id: 'd', label: 'Santé' }];

type Ranking = Extract<BallotValue, { type: 'ranking' }>;

function Ranking({ config, onValue }: { config: QuestionConfig; onValue: (v: BallotValue) => void }) {
  const [value, setValue] = useState<Ranking | undefined>(undefined);
  return (
    <RankingControls
      name="q"
      config={config}
      options={OPTIONS}
      value={value}
      onChange={(v) => {
        setValue(v);
        onValue(v);
      }}
    />
  );
}

const ranked = () => within(screen.getByRole('list', { name: /Votre classement/ })).getAllByRole('listitem').map((li) => li.querySelector('.ranking-label')?.textContent);
const place = (option: string, position: number) => {
  fireEvent.click(screen.getByRole('button', { name: option }));
  fireEvent.click(screen.getByRole('button', { name: `Placer « ${option} » en position ${position}` }));
};

describe('ranking controls', () => {
  beforeEach(async () => {
    await setLocale('fr');
  });
  afterEach(cleanup);

  it('starts with nothing ranked: every option waits to be placed', () => {
    render(<Ranking config={{ type: 'ranking', topK: 2, options: OPTIONS }} onValue={() => undefined} />);
    expect(screen.queryByRole('list', { name: /Votre classement/ })).toBeNull();
    expect(within(screen.getByRole('list', { name: 'Options à classer' })).getAllByRole('button').map((b) => b.textContent)).toEqual(['Mobilités', 'Logement', 'Énergie', 'Santé']);
  });

  it('places an option at the rank tapped, the picked option shown as pressed', () => {
    let ballot: BallotValue | undefined;
    render(<Ranking config={{ type: 'ranking', topK: 2, options: OPTIONS }} onValue={(v) => (ballot = v)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Santé' }));
    expect(screen.getByRole('button', { name: 'Santé' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Placer « Santé » en position 1' }));
    place('Logement', 1);
    expect(ranked()).toEqual(['Logement', 'Santé']);
    // A third option placed first pushes the second one out of a top 2.
    place('Mobilités', 1);
    expect(ranked()).toEqual(['Mobilités', 'Logement']);
    expect(ballot).toEqual({ type: 'ranking', ranking: ['a', 'b'] });
  });

  it('moves and takes out ranked options with buttons', () => {
    let ballot: BallotValue | undefined;
    render(<Ranking config={{ type: 'ranking', options: OPTIONS }} onValue={(v) => (ballot = v)} />);
    place('Mobilités', 1);
    place('Logement', 2);
    place('Énergie', 3);
    fireEvent.click(screen.getByRole('button', { name: 'Monter « Énergie » (actuellement en position 3)' }));
    expect(ranked()).toEqual(['Mobilités', 'Énergie', 'Logement']);
    fireEvent.click(screen.getByRole('button', { name: 'Retirer « Mobilités » du classement' }));
    expect(ballot).toEqual({ type: 'ranking', ranking: ['c', 'b'] });
  });
});

describe('majority and points controls', () => {
  beforeEach(async () => {
    await setLocale('fr');
  });
  afterEach(cleanup);

  it('grades one option at a time and sums the grades up', () => {
    let ballot: BallotValue | undefined;
    function Majority() {
      const [value, setValue] = useState<Extract<BallotValue, { type: 'majority' }> | undefined>(undefined);
      return <MajorityControls name="m" config={{ type: 'majority', gradeCount: 6, options: OPTIONS.slice(0, 2) }} options={OPTIONS.slice(0, 2)} value={value} onChange={(v) => { setValue(v); ballot = v; }} />;
    }
    render(<Majority />);
    expect(screen.getAllByRole('group')).toHaveLength(1);
    fireEvent.click(screen.getAllByRole('radio')[0]);
    fireEvent.click(screen.getByRole('button', { name: 'Option suivante' }));
    expect(screen.getByRole('group').querySelector('legend')?.textContent).toBe('Logement');
    fireEvent.click(screen.getAllByRole('radio')[2]);
    expect(ballot).toEqual({ type: 'majority', grades: { a: 0, b: 2 } });
    expect(screen.getByRole('heading', { name: 'Récapitulatif : 2 sur 2 évaluées' })).toBeTruthy();
  });

  it('never lets the points slider go past the budget left', () => {
    let ballot: BallotValue | undefined;
    function Points() {
      const [value, setValue] = useState<Extract<BallotValue, { type: 'points' }> | undefined>({ type: 'points', allocation: { a: 7 } });
      return <PointsControls name="p" config={{ type: 'points', budget: 10, options: OPTIONS.slice(0, 2) }} options={OPTIONS.slice(0, 2)} value={value} onChange={(v) => { setValue(v); ballot = v; }} />;
    }
    render(<Points />);
    fireEvent.change(screen.getByRole('slider', { name: 'Points pour « Logement »' }), { target: { value: '9' } });
    expect(ballot).toEqual({ type: 'points', allocation: { a: 7, b: 3 } });
    expect(screen.getByText('Reste 0 point sur 10')).toBeTruthy();
  });
});
