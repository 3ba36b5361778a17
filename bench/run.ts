// Entry of `npm run bench -- <name> [<name>…]`: runs bench/<name>.ts (which exports `run()`)
// and prints one JSON line per result; `npm run bench` alone runs every benchmark.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchResult {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  /** The same work done the conventional way, measured in the same run (null when there is none). */
  baseline: number | null;
  /** How many times better than the baseline (baseline / value for times), null without baseline. */
  ratio: number | null;
}

export type BenchRun = () => Promise<BenchResult[] | void>;

const here = dirname(fileURLToPath(import.meta.url));

export function printResult(result: BenchResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** The nearest-rank percentile (p in 0-100) of the samples; NaN for none. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Rounds to a few significant digits for readable JSON. */
export function round(value: number, digits = 4): number {
  return Number(value.toPrecision(digits));
}

function isRun(value: unknown): value is BenchRun {
  return typeof value === 'function';
}

/** Every benchmark in bench/, for `npm run bench` with no name. */
export const allBenchmarks = ['rpc', 'vms', 'console', 'auth'] as const;

async function main(requested: string[]): Promise<number> {
  const names = requested.length === 0 ? [...allBenchmarks] : requested;
  for (const name of names) {
    if (!/^[a-z][a-z0-9-]*$/.test(name) || name === 'run') {
      process.stderr.write(`bench: invalid benchmark name ${JSON.stringify(name)}\n`);
      return 2;
    }
    const mod: Record<string, unknown> = await import(pathToFileURL(join(here, `${name}.ts`)).href).catch((err: unknown) => {
      throw new Error(`bench: cannot load bench/${name}.ts: ${(err as Error).message}`);
    });
    const run = mod.run;
    if (!isRun(run)) throw new Error(`bench/${name}.ts does not export run()`);
    const results = await run();
    for (const r of results ?? []) printResult(r);
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
