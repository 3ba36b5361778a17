import type { ReactNode } from 'react';

/**
 * Small inline SVG icons: they draw the same with every font (a text glyph such as ⏻ shows as an
 * empty box where the font lacks it). 16-unit grid, current colour, hidden from screen readers
 * (the text next to them says what they mean).
 */
function Icon({ children, className = 'size-3' }: { children: ReactNode; className?: string }) {
  return (
    <svg viewBox="0 0 16 16" className={className} fill="currentColor" aria-hidden focusable="false" data-icon>
      {children}
    </svg>
  );
}

export type IconProps = { className?: string };

export const PlayIcon = (p: IconProps) => <Icon {...p}><path d="M4 2.5v11l9-5.5z" /></Icon>;
export const PauseIcon = (p: IconProps) => <Icon {...p}><path d="M4 2.5h3v11H4zM9 2.5h3v11H9z" /></Icon>;
export const StopIcon = (p: IconProps) => <Icon {...p}><rect x="3" y="3" width="10" height="10" rx="1" /></Icon>;
export const BlockedIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zm0 2a4.5 4.5 0 0 1 3.6 7.2L5.3 4.4A4.5 4.5 0 0 1 8 3.5zm-3.6 1.8 6.3 6.3A4.5 4.5 0 0 1 4.4 5.3z" />
  </Icon>
);
export const PowerIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M7 1.5h2v6.5H7z" />
    <path d="M4.2 3.6 5.6 5A4 4 0 1 0 10.4 5l1.4-1.4A6 6 0 1 1 4.2 3.6z" />
  </Icon>
);
export const CrossIcon = (p: IconProps) => <Icon {...p}><path d="M3.4 2 8 6.6 12.6 2 14 3.4 9.4 8l4.6 4.6-1.4 1.4L8 9.4 3.4 14 2 12.6 6.6 8 2 3.4z" /></Icon>;
export const MoonIcon = (p: IconProps) => <Icon {...p}><path d="M10.5 1.5a6.5 6.5 0 1 0 4 11.6A5.5 5.5 0 0 1 10.5 1.5z" /></Icon>;
export const QuestionIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zm-.9 9.3h1.8v1.7H7.1zM8 3.5c1.6 0 2.8 1 2.8 2.4 0 1.1-.6 1.6-1.3 2.1-.5.3-.6.5-.6 1.1H7.1c0-1.1.4-1.6 1.1-2.1.5-.3.8-.6.8-1.1 0-.5-.4-.8-1-.8s-1.1.4-1.1 1H5.2c0-1.5 1.2-2.6 2.8-2.6z" />
  </Icon>
);
export const SaveIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M2.5 2h9L14 4.5v9a.5.5 0 0 1-.5.5h-11a.5.5 0 0 1-.5-.5v-11A.5.5 0 0 1 2.5 2zM4 3.5v3h7v-3zm4 5.5a2 2 0 1 0 0 4 2 2 0 0 0 0-4z" />
  </Icon>
);
