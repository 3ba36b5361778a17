import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessStore } from '../access-store.js';
import { openSqliteAccessStore } from './sqlite-access-store.js';

/** A not-yet-existing data dir inside a fresh temporary directory, and a way to remove it all. */
export function temporaryDataDir(): { dataDir: string; cleanUp: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'virtdeck-store-'));
  return { dataDir: join(root, 'data'), cleanUp: () => rmSync(root, { recursive: true, force: true }) };
}

/** A store on a real SQLite file in a temporary directory; `close` closes it and removes the directory. */
export function temporaryStore(): { store: AccessStore; dataDir: string; close: () => void } {
  const { dataDir, cleanUp } = temporaryDataDir();
  const store = openSqliteAccessStore(dataDir);
  return {
    store,
    dataDir,
    close: () => {
      store.close();
      cleanUp();
    },
  };
}
