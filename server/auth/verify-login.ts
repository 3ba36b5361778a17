import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import type { AccessStore, StoredUser } from './access-store.js';
import { pamAuthenticate } from './pam.js';

/**
 * How long PAM takes to refuse a password: pam_unix asks for a 2 s delay, which libpam varies by ±25 %.
 * Other failures wait as long while pam users exist, or the time of an answer would tell that a name is one.
 */
const PAM_FAIL_DELAY_MS = { min: 1500, max: 2500 };

async function likePamFailure(startedAt: number): Promise<void> {
  const wait = startedAt + randomInt(PAM_FAIL_DELAY_MS.min, PAM_FAIL_DELAY_MS.max) - Date.now();
  if (wait > 0) await sleep(wait);
}

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
  const startedAt = Date.now();
  if (store.findUser(username)?.realm !== 'pam') {
    const user = await store.verifyPassword(username, password);
    if (user === undefined && store.listUsers().some((u) => u.realm === 'pam')) await likePamFailure(startedAt);
    return user;
  }
  const result = await pamAuthenticate(username, password, address);
  if (!result.ok) {
    log.info({ username, reason: result.reason }, 'PAM refused a login');
    // PAM refuses some passwords (too long, with a NUL) before its own delay.
    await likePamFailure(startedAt);
    return undefined;
  }
  // Re-read: the user may have been disabled, deleted or changed while PAM was checking.
  const current = store.findUser(username);
  if (current?.realm === 'pam' && !current.disabled) return current;
  await likePamFailure(startedAt);
  return undefined;
}
