import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export const DATABASE_FILE = 'virtdeck.db';
const BUSY_TIMEOUT_MS = 5000;

/** The database file and SQLite's companions in WAL mode; all of them hold hashes and must stay private. */
export function databaseFiles(dataDir: string): string[] {
  const file = join(dataDir, DATABASE_FILE);
  return [file, `${file}-wal`, `${file}-shm`];
}

function restrictFiles(dataDir: string): void {
  for (const file of databaseFiles(dataDir)) if (existsSync(file)) chmodSync(file, 0o600);
}

/** Opens (creating if needed) `<dataDir>/virtdeck.db`: directory 0700, files 0600, WAL, foreign keys on. */
export function openDatabase(dataDir: string): Database.Database {
  if (!existsSync(dataDir)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
  }
  const file = join(dataDir, DATABASE_FILE);
  // Create the file with mode 0600 before SQLite does, so it is never readable by others even for a moment.
  closeSync(openSync(file, 'a', 0o600));
  restrictFiles(dataDir);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('synchronous = NORMAL');
    restrictFiles(dataDir);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
