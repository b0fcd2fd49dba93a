import { isStrongPassword } from './password-policy';

describe('staff password policy', () => {
  it.each(['            ', 'aaaaaaaaaaaa', 'password1234', 'azertyuiop123', '123456789012', 'motdepasse2026'])('refuses the trivially weak %j', (password) => {
    expect(isStrongPassword(password)).toBe(false);
  });

  it('refuses a password made of the person’s own name and email', () => {
    const me = ['Camille Martin', 'camille.martin@region.fr'];
    expect([isStrongPassword('camille.martin@region.fr', me), isStrongPassword('Camille Martin!', me)]).toEqual([false, false]);
    expect([isStrongPassword('camille.martin@region.fr'), isStrongPassword('Camille Martin!')]).toEqual([true, true]);
  });

  it.each(['un-mot-de-passe-long', 'motdepasse-solide-42', 'demo-palabre-2026', 'Trois chats bleus dansent'])('accepts the passphrase %j', (password) => {
    expect(isStrongPassword(password)).toBe(true);
  });
});
