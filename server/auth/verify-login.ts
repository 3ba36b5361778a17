import type { FastifyBaseLogger } from 'fastify';
import type { AccessStore, StoredUser } from './access-store.js';
import { pamAuthenticate } from './pam.js';

/**
 * The enabled user whose password this is, or undefined without saying why. Local users are checked against
 * the store's hash; pam users (no password in the store) by the host's PAM, with the client's address as PAM_RHOST.
 * A Linux account that is not a virtdeck user never reaches PAM.
 */
export async function verifyLogin(
  store: AccessStore,
  log: FastifyBaseLogger,
  login: { username: string; password: string; address: string },
): Promise<StoredUser | undefined> {
  const { username, password, address } = login;
  if (store.findUser(username)?.realm !== 'pam') return store.verifyPassword(username, password);
  const result = await pamAuthenticate(username, password, address);
  if (!result.ok) {
    log.info({ username, reason: result.reason }, 'PAM refused a login');
    return undefined;
  }
  // Re-read: the user may have been disabled, deleted or changed while PAM was checking.
  const current = store.findUser(username);
  return current?.realm === 'pam' && !current.disabled ? current : undefined;
}
