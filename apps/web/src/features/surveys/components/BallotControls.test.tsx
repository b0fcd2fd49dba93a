// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import type { BallotValue, QuestionConfig } from '@palabre/contracts';
import { setLocale } from '../../../i18n';
import { RankingControls } from './BallotControls';

const OPTIONS = [{ id: 'a', label: 'Mobilités' }, { id: 'b', label: 'Logement' }, { id: 'c', label: 'Énergie' }, { id: 'd', label: 'Santé' }];

function Ranking({ config, onValue }: { config: QuestionConfig; onValue: (v: BallotValue) => void }) {
  const [value, setValue] = useState<Extract<BallotValue, { type: 'ranking' }> | undefined>(undefined);
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

const order = () => within(screen.getByRole('list')).getAllByRole('listitem').map((li) => li.querySelector('.ranking-label')?.textContent);

describe('ranking controls', () => {
  beforeEach(async () => {
    await setLocale('fr');
  });
  afterEach(cleanup);

  it('keeps the order shown in step with a top-k ballot as options move in and out of it', () => {
    let ballot: BallotValue | undefined;
    render(<Ranking config={{ type: 'ranking', topK: 2, options: OPTIONS }} onValue={(v) => (ballot = v)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Monter « Santé » (actuellement en position 4)' }));
    expect(order()).toEqual(['Mobilités', 'Logement', 'Santé', 'Énergie']);
    fireEvent.click(screen.getByRole('button', { name: 'Monter « Santé » (actuellement en position 3)' }));
    expect(order()).toEqual(['Mobilités', 'Santé', 'Logement', 'Énergie']);
    expect(ballot).toEqual({ type: 'ranking', ranking: ['a', 'd'] });
  });

  it('ranks every option when there is no top k', () => {
    let ballot: BallotValue | undefined;
    render(<Ranking config={{ type: 'ranking', options: OPTIONS }} onValue={(v) => (ballot = v)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Descendre « Mobilités » (actuellement en position 1)' }));
    expect(ballot).toEqual({ type: 'ranking', ranking: ['b', 'a', 'c', 'd'] });
  });
});
