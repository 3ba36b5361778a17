import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../dist/server/server/main.js', import.meta.url));
const SETUP_LINE = /create the first administrator at (http:\/\/\S+\/setup\?token=\S+)/;

/** A server of its own, on a fresh data dir: no users, so it prints the setup link. */
export interface FirstStartServer {
  baseURL: string;
  setupUrl: string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address !== null && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts `node dist/server/server/main.js` with no users and no admin password; resolves with the printed setup link. */
export async function startFirstStartServer(hosts = 'test=test:///default'): Promise<FirstStartServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'virtdeck-login-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', VIRTDECK_HOSTS: hosts, VIRTDECK_DATA_DIR: dataDir };
  delete env['VIRTDECK_ADMIN_PASSWORD'];
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = async () => {
    await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  let output = '';
  try {
    const setupUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no setup link within 30 s; the server printed:\n${output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const link = SETUP_LINE.exec(output)?.[1];
        if (link !== undefined) {
          clearTimeout(timer);
          resolve(link);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${String(code)}) before printing the setup link:\n${output}`));
      });
    });
    return { baseURL: new URL(setupUrl).origin, setupUrl, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
