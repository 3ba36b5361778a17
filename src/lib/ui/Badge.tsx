import type { ReactNode } from 'react';

export type BadgeTone = 'green' | 'yellow' | 'red' | 'gray' | 'blue';

const TONES: Record<BadgeTone, string> = {
  green: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-300',
  yellow: 'bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-300',
  red: 'bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-300',
  gray: 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
  blue: 'bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-300',
};

export function Badge({ tone = 'gray', children, ...rest }: { tone?: BadgeTone; children: ReactNode; id?: string; title?: string; 'data-testid'?: string }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONES[tone]}`} {...rest}>
      {children}
    </span>
  );
}
