import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = dirname(fileURLToPath(import.meta.url));
const testHelpers = resolve(root, '../../test/helpers');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const SPECIFIER = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

describe('server/libvirt stands alone', () => {
  it('imports only node built-ins, ssh2 (in transports/) and files inside server/libvirt (tests may also use test tooling and test/helpers)', () => {
    const offenders: string[] = [];
    const files = sourceFiles(root);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(SPECIFIER)) {
        const spec = m[1] ?? m[2] ?? m[3] ?? '';
        if (spec.startsWith('node:')) continue;
        // The SSH transport's one dependency (pure JavaScript).
        if (spec === 'ssh2' && relative(root, file).startsWith('transports/')) continue;
        const isTest = /\.test(-helpers)?\.ts$/.test(file);
        if (isTest && ['vitest', 'fast-check'].includes(spec)) continue;
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          if (!relative(root, target).startsWith('..')) continue;
          if (isTest && !relative(testHelpers, target).startsWith('..')) continue;
        }
        offenders.push(`${relative(root, file)} -> ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
