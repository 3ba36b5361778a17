import { MIN_PASSWORD_LENGTH } from '../../common/access.js';
import type { AccessStore } from '../auth/access-store.js';

export class AdminCommandError extends Error {
  override name = 'AdminCommandError';
}

export const ADMIN_USAGE = `usage: npm run admin -- <command>
  reset-password <user>   set a new password (read from standard input) and end the user's sessions
  enable <user>           allow a disabled user to log in again
  list-users              user names, realms and whether they are disabled`;

/** Runs one admin command against the store; returns what to print. */
export async function runAdminCommand(store: AccessStore, args: string[], readPassword: () => Promise<string>): Promise<string> {
  const [command, username, ...rest] = args;
  if (rest.length > 0) throw new AdminCommandError(`too many arguments\n${ADMIN_USAGE}`);
  switch (command) {
    case 'reset-password': {
      const user = requireUser(store, username);
      if (user.realm !== 'local') throw new AdminCommandError(`${user.username} logs in with the host's password (realm ${user.realm}); change it with passwd`);
      const password = await readPassword();
      if (password.length < MIN_PASSWORD_LENGTH) throw new AdminCommandError(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
      await store.setPassword(user.username, password);
      const ended = store.deleteSessionsOf(user.id);
      return `password of ${user.username} changed; ${ended} session(s) ended`;
    }
    case 'enable': {
      const user = requireUser(store, username);
      store.updateUser(user.username, { disabled: false });
      return `${user.username} may log in again`;
    }
    case 'list-users':
      if (username !== undefined) throw new AdminCommandError(`list-users takes no argument\n${ADMIN_USAGE}`);
      return store
        .listUsers()
        .map((u) => `${u.username}\t${u.realm}${u.disabled ? '\tdisabled' : ''}`)
        .join('\n');
    default:
      throw new AdminCommandError(command === undefined ? ADMIN_USAGE : `unknown command "${command}"\n${ADMIN_USAGE}`);
  }
}

function requireUser(store: AccessStore, username: string | undefined) {
  if (username === undefined) throw new AdminCommandError(`name the user\n${ADMIN_USAGE}`);
  const user = store.findUser(username);
  if (user === undefined) throw new AdminCommandError(`there is no user "${username}"`);
  return user;
}
