import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** One line from stdin; typed characters are not echoed when stdin is a terminal. */
export async function readSecretLine(prompt: string, input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin): Promise<string> {
  const silent = input.isTTY === true;
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input, output, terminal: silent });
  if (silent) process.stderr.write(prompt);
  muted = silent;
  try {
    const line = await new Promise<string>((resolve, reject) => {
      rl.once('line', resolve);
      rl.once('close', () => reject(new Error('no password given on standard input')));
    });
    if (silent) process.stderr.write('\n');
    return line;
  } finally {
    rl.close();
  }
}
