#!/usr/bin/env node
/* global process, console */
// Prints the gzipped size of the SPA's first-load JavaScript (the entry and everything it imports
// statically) and fails when xterm.js or noVNC code is in it: those must load only when a console opens.
// Usage: node scripts/check-bundle.mjs [dist/spa]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(process.argv[2] ?? 'dist/spa');
const indexPath = join(root, 'index.html');
if (!existsSync(indexPath)) {
  console.error(`check-bundle: ${indexPath} not found; run vite build first`);
  process.exit(2);
}

// Strings that survive minification and exist only in these libraries.
const MARKERS = {
  'xterm.js': ['xterm-helper-textarea', 'xterm-accessibility'],
  noVNC: ['RFB 003.008', 'Raw channel missing property'],
};

const html = readFileSync(indexPath, 'utf8');
const entries = new Set();
for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) entries.add(m[1]);
for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) entries.add(m[1]);

const toFile = (url, from) => (url.startsWith('/') ? join(root, url) : resolve(from, url));

// Follow static imports (`import … from "./x.js"`, `import "./x.js"`); dynamic `import("…")` is excluded.
const firstLoad = new Set();
const queue = [...entries].map((u) => toFile(u, root));
while (queue.length > 0) {
  const file = queue.pop();
  if (firstLoad.has(file) || !existsSync(file)) continue;
  firstLoad.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g)) queue.push(toFile(m[1], dirname(file)));
}

function allJs(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? allJs(join(dir, d.name)) : d.name.endsWith('.js') ? [join(dir, d.name)] : [],
  );
}

let rawTotal = 0;
let gzipTotal = 0;
const problems = [];
for (const file of [...firstLoad].sort()) {
  const code = readFileSync(file);
  const gz = gzipSync(code, { level: 9 }).length;
  rawTotal += code.length;
  gzipTotal += gz;
  console.log(`  ${relative(root, file).padEnd(48)} ${(code.length / 1024).toFixed(1).padStart(8)} KiB  ${(gz / 1024).toFixed(1).padStart(7)} KiB gzip`);
  const text = code.toString('utf8');
  for (const [lib, markers] of Object.entries(MARKERS)) {
    if (markers.some((m) => text.includes(m))) problems.push(`${lib} code is in the first-load bundle (${relative(root, file)})`);
  }
}

// The markers must exist in some lazy chunk, or this check would pass for the wrong reason.
const everything = allJs(root).map((f) => readFileSync(f, 'utf8'));
for (const [lib, markers] of Object.entries(MARKERS)) {
  if (!everything.some((code) => markers.some((m) => code.includes(m)))) {
    problems.push(`no chunk contains ${lib}'s markers; update MARKERS in scripts/check-bundle.mjs`);
  }
}

console.log(`first-load JS: ${firstLoad.size} files, ${(rawTotal / 1024).toFixed(1)} KiB, ${(gzipTotal / 1024).toFixed(1)} KiB gzipped`);
if (problems.length > 0) {
  for (const p of problems) console.error(`check-bundle: ${p}`);
  process.exit(1);
}
console.log('check-bundle: xterm.js and noVNC load only when a console opens');
