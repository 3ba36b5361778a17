import { ConfigError, parseDataDir } from '../config.js';
import { openSqliteAccessStore } from '../auth/store/sqlite-access-store.js';
import { AdminCommandError, runAdminCommand } from './commands.js';
import { readSecretLine } from './read-password.js';

async function readNewPassword(): Promise<string> {
  const first = await readSecretLine('New password: ');
  if (!process.stdin.isTTY) return first;
  const again = await readSecretLine('Repeat it: ');
  if (again !== first) throw new AdminCommandError('the two passwords differ; nothing changed');
  return first;
}

async function main(): Promise<number> {
  const store = openSqliteAccessStore(parseDataDir(process.env['VIRTDECK_DATA_DIR']));
  try {
    console.log(await runAdminCommand(store, process.argv.slice(2), readNewPassword));
    return 0;
  } finally {
    store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const known = err instanceof AdminCommandError || err instanceof ConfigError;
    console.error(`virtdeck admin: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(known ? 2 : 1);
  },
);
