export interface SparklineProps {
  values: readonly (number | undefined)[];
  /** Fixed top of the scale (e.g. 100 for percentages); the data's maximum otherwise. */
  max?: number;
  width?: number;
  height?: number;
  label: string;
  className?: string;
}

/** A tiny SVG line of the last samples; gaps (undefined) break the line. */
export function Sparkline({ values, max, width = 80, height = 20, label, className = 'text-sky-600 dark:text-sky-400' }: SparklineProps) {
  const top = max ?? Math.max(1, ...values.map((v) => v ?? 0));
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const segments: string[] = [];
  let current = '';
  values.forEach((v, i) => {
    if (v === undefined) {
      if (current !== '') segments.push(current);
      current = '';
      return;
    }
    const x = (i * step).toFixed(1);
    const y = (height - 1 - (Math.min(v, top) / top) * (height - 2)).toFixed(1);
    current += `${current === '' ? 'M' : 'L'}${x},${y}`;
  });
  if (current !== '') segments.push(current);
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className={className}>
      <path d={segments.join(' ')} fill="none" stroke="currentColor" strokeWidth="1.5" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
