// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { loadStaffCatalogues, setLocale } from '../../../i18n';
import { ApiError } from '../../../lib/errors';
import { QuestionForm, type SendCommand } from './QuestionForm';

const ACTIVITY = '6f1c1a52-0b7e-4c57-9d5e-2f6a3c0e8a11';

function renderForm(send: SendCommand) {
  return render(<QuestionForm activityId={ACTIVITY} send={send} />);
}

// The command sender is the only thing mocked: validation, labels and messages are the real ones.
function mockSend(impl: () => Promise<unknown> = async () => ({})) {
  const fn = vi.fn(impl);
  return { fn, send: fn as unknown as SendCommand };
}

const type = (label: string) => fireEvent.change(screen.getByLabelText('Type de question'), { target: { value: label } });
const fill = (label: RegExp | string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Ajouter la question' }));

describe('add-a-question form', () => {
  beforeEach(async () => {
    await setLocale('fr');
    await loadStaffCatalogues(); // a console panel: its page loads them in the app
  });
  afterEach(cleanup);

  it('lists the eight types in French and shows the top-k field only for « Classement »', () => {
    renderForm(mockSend().send);
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(expect.arrayContaining(['Choix unique', 'Classement', 'Jugement majoritaire', 'Nuage de mots']));
    expect(screen.queryByLabelText('Nombre de choix à classer')).toBeNull();
    fireEvent.change(screen.getByLabelText('Type de question'), { target: { value: 'ranking' } });
    expect(screen.getByRole('option', { name: 'Classement' })).toHaveProperty('selected', true);
    expect(screen.getByRole('group', { name: 'Réglages : Classement' })).toBeTruthy();
    expect(screen.getByLabelText('Nombre de choix à classer')).toBeTruthy();
  });

  it('refuses an empty option list with a French message tied to the field, and sends nothing', () => {
    const { fn, send } = mockSend();
    renderForm(send);
    type('ranking');
    fill('Intitulé de la question', 'Quelles priorités pour le territoire ?');
    submit();
    const message = screen.getByText('Indiquez entre 2 et 30 options, une par ligne.');
    const options = screen.getByLabelText('Options de réponse');
    expect(options.getAttribute('aria-describedby')).toContain(message.id);
    expect(options.getAttribute('aria-invalid')).toBe('true');
    expect(fn).not.toHaveBeenCalled();
  });

  it('shows the cross-field rule of the server in French: top k above the number of options', () => {
    const { fn, send } = mockSend();
    renderForm(send);
    type('ranking');
    fill('Intitulé de la question', 'Vos priorités');
    fill('Options de réponse', 'Mobilités\nLogement');
    fill('Nombre de choix à classer', '3');
    submit();
    expect(screen.getByText("Ce nombre dépasse le nombre d'options.")).toBeTruthy();
    expect(fn).not.toHaveBeenCalled();
  });

  it('sends a valid ranking draft with the expected payload, then clears the form', async () => {
    const { fn, send } = mockSend();
    renderForm(send);
    type('ranking');
    fill('Intitulé de la question', 'Vos priorités pour 2027');
    fill('Options de réponse', 'Mobilités\n\n  Logement \nEmploi');
    fill('Nombre de choix à classer', '2');
    submit();
    await waitFor(() => expect(fn).toHaveBeenCalledTimes(1));
    expect(fn).toHaveBeenCalledWith('survey.question.add', {
      activityId: ACTIVITY,
      question: {
        type: 'ranking',
        prompt: 'Vos priorités pour 2027',
        options: [{ id: 'o1', label: 'Mobilités' }, { id: 'o2', label: 'Logement' }, { id: 'o3', label: 'Emploi' }],
        topK: 2,
      },
    });
    expect(await screen.findByText('Question ajoutée : « Vos priorités pour 2027 »')).toBeTruthy();
    expect(screen.getByLabelText('Intitulé de la question')).toHaveProperty('value', '');
  });

  it("shows the server's refusal and keeps what was typed", async () => {
    const { send } = mockSend(async () => {
      throw new ApiError('SURVEY_TOO_MANY_QUESTIONS', 'Ce questionnaire compte déjà 50 questions.', 409);
    });
    renderForm(send);
    fill('Intitulé de la question', 'Êtes-vous favorable ?');
    type('yesno');
    submit();
    expect((await screen.findByRole('alert')).textContent).toBe('Ce questionnaire compte déjà 50 questions.');
    expect(screen.getByLabelText('Intitulé de la question')).toHaveProperty('value', 'Êtes-vous favorable ?');
  });
});
