import type { AccessStore } from './access-store.js';

export const SEEDED_ADMIN = 'admin';

/** Creates user `admin` (Administrator on '/') with the configured password when no user of that name exists. */
export async function seedAdministrator(store: AccessStore, password: string | undefined): Promise<boolean> {
  if (password === undefined || password === '' || store.findUser(SEEDED_ADMIN) !== undefined) return false;
  const user = await store.createUser({ username: SEEDED_ADMIN, realm: 'local', password });
  store.addGrant(user.id, { role: 'Administrator', path: '/' });
  return true;
}
