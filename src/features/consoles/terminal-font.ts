/**
 * The serial terminal's font. Named fonts first, the ones Debian, Fedora, macOS and Windows ship,
 * because the generic `ui-monospace`/`monospace` fallback may pick a face whose underscore and
 * descenders sit below the cell xterm.js measures (`x86_64` then reads `x86 64`). The extra line
 * height gives `_`, `g`, `j` and `|` room inside the cell with any of them. Debian's font is
 * fonts-dejavu-core (installed by scripts/ensure-chromium for the browser tests).
 */
export const TERMINAL_FONT = {
  fontFamily: "'DejaVu Sans Mono', 'Liberation Mono', 'Noto Sans Mono', Menlo, Consolas, 'Courier New', monospace",
  fontSize: 14,
  lineHeight: 1.2,
} as const;
