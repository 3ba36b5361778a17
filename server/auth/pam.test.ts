import { describe, expect, it } from 'vitest';
import { pamAuthenticate } from './pam.js';

describe('pamAuthenticate', () => {
  // The addon would cut these to what fits its C buffer or to the NUL: a guess with junk appended would pass.
  it('refuses a password PAM would see cut short, without asking PAM', async () => {
    for (const password of ['x'.repeat(127), 'é'.repeat(64), 'right-password\0junk']) {
      const result = await pamAuthenticate('root', password, '127.0.0.1');
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.reason).not.toContain(password);
    }
  });
});
