import { useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { Button } from '../../lib/ui';
import { ConsolePane } from './ConsolePane';
import {
  closePane,
  placePanes,
  resizeSplit,
  setPaneTarget,
  splitPane,
  toggleMaximise,
  type PaneNode,
  type PlacedDivider,
  type Rect,
  type WorkspaceLayout,
} from './layout';
import { PanePicker } from './PanePicker';
import { newId } from './use-workspace-layout';

export interface WorkspaceProps {
  layout: WorkspaceLayout;
  update: (fn: (layout: WorkspaceLayout) => WorkspaceLayout) => void;
  defaultHost: string;
}

const GAP_PX = 3;

function placement(rect: Rect) {
  return {
    left: `calc(${rect.x * 100}% + ${GAP_PX}px)`,
    top: `calc(${rect.y * 100}% + ${GAP_PX}px)`,
    width: `calc(${rect.w * 100}% - ${2 * GAP_PX}px)`,
    height: `calc(${rect.h * 100}% - ${2 * GAP_PX}px)`,
  };
}

/**
 * The grid of console panes. Panes are laid out flat (absolutely positioned from the layout tree),
 * so splitting, resizing and maximising never remount a pane and never drop its connection.
 */
export function Workspace({ layout, update, defaultHost }: WorkspaceProps) {
  const box = useRef<HTMLDivElement>(null);
  const { panes, dividers } = placePanes(layout.root);

  const startDrag = (divider: PlacedDivider, event: ReactPointerEvent<HTMLDivElement>) => {
    const element = box.current;
    if (element === null) return;
    event.preventDefault();
    const bounds = element.getBoundingClientRect();
    const row = divider.direction === 'row';
    const splitLength = (row ? divider.split.w * bounds.width : divider.split.h * bounds.height) || 1;
    const start = row ? event.clientX : event.clientY;
    const i = divider.index;
    const move = (e: PointerEvent) => {
      const delta = ((row ? e.clientX : e.clientY) - start) / splitLength;
      const sizes = [...divider.sizes];
      const pair = (divider.sizes[i] ?? 0) + (divider.sizes[i + 1] ?? 0);
      const first = Math.min(Math.max((divider.sizes[i] ?? 0) + delta, 0.05), pair - 0.05);
      sizes[i] = first;
      sizes[i + 1] = pair - first;
      update((l) => resizeSplit(l, divider.splitId, sizes));
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const nudge = (divider: PlacedDivider, step: number) => {
    const sizes = [...divider.sizes];
    sizes[divider.index] = (sizes[divider.index] ?? 0) + step;
    sizes[divider.index + 1] = (sizes[divider.index + 1] ?? 0) - step;
    update((l) => resizeSplit(l, divider.splitId, sizes));
  };

  const actions = (pane: PaneNode) => {
    const maximised = layout.maximised === pane.id;
    return (
      <>
        <Button size="sm" variant="ghost" id={`pane-${pane.id}-split-row`} title="Split side by side" aria-label="Split side by side"
          onClick={() => update((l) => splitPane(l, pane.id, 'row', newId('p'), newId('s')))}>◫</Button>
        <Button size="sm" variant="ghost" id={`pane-${pane.id}-split-column`} title="Split top and bottom" aria-label="Split top and bottom"
          onClick={() => update((l) => splitPane(l, pane.id, 'column', newId('p'), newId('s')))}>⊟</Button>
        <Button size="sm" variant="ghost" id={`pane-${pane.id}-maximise`} aria-pressed={maximised} title={maximised ? 'Restore' : 'Maximise'} aria-label={maximised ? 'Restore' : 'Maximise'}
          onClick={() => update((l) => toggleMaximise(l, pane.id))}>{maximised ? '❐' : '□'}</Button>
        <Button size="sm" variant="ghost" id={`pane-${pane.id}-close`} title="Close pane" aria-label="Close pane"
          onClick={() => update((l) => closePane(l, pane.id, newId('p')))}>✕</Button>
      </>
    );
  };

  const full: Rect = { x: 0, y: 0, w: 1, h: 1 };
  return (
    <div ref={box} className="relative h-full min-h-0 w-full" data-testid="console-workspace" data-maximised={layout.maximised ?? ''}>
      {panes.map(({ pane, rect }) => {
        const hidden = layout.maximised !== null && layout.maximised !== pane.id;
        return (
          <div
            key={pane.id}
            className="absolute"
            style={{ ...placement(layout.maximised === pane.id ? full : rect), visibility: hidden ? 'hidden' : 'visible', zIndex: layout.maximised === pane.id ? 10 : 1 }}
            aria-hidden={hidden || undefined}
          >
            {pane.target === null ? (
              <section className="flex h-full flex-col rounded border border-dashed border-zinc-300 dark:border-zinc-700" data-testid="console-pane" data-pane-id={pane.id} data-kind="empty">
                <header className="flex justify-end px-2 py-1">{actions(pane)}</header>
                <div className="min-h-0 flex-1">
                  <PanePicker paneId={pane.id} defaultHost={defaultHost} onPick={(t) => update((l) => setPaneTarget(l, pane.id, t))} />
                </div>
              </section>
            ) : (
              <ConsolePane paneId={pane.id} target={pane.target} onTargetChange={(t) => update((l) => setPaneTarget(l, pane.id, t))} actions={actions(pane)} />
            )}
          </div>
        );
      })}
      {layout.maximised === null && dividers.map((d) => {
        const row = d.direction === 'row';
        const style = row
          ? { left: `calc(${d.at * 100}% - ${GAP_PX}px)`, top: `${d.split.y * 100}%`, width: `${2 * GAP_PX}px`, height: `${d.split.h * 100}%` }
          : { top: `calc(${d.at * 100}% - ${GAP_PX}px)`, left: `${d.split.x * 100}%`, height: `${2 * GAP_PX}px`, width: `${d.split.w * 100}%` };
        return (
          <div
            key={`${d.splitId}-${d.index}`}
            role="separator"
            tabIndex={0}
            aria-orientation={row ? 'vertical' : 'horizontal'}
            aria-valuenow={Math.round((d.sizes[d.index] ?? 0) * 100)}
            aria-label="Resize panes (arrow keys)"
            data-testid="console-divider"
            className={`absolute z-20 hover:bg-sky-400/60 focus:bg-sky-500/70 focus:outline-none ${row ? 'cursor-col-resize' : 'cursor-row-resize'}`}
            style={style}
            onPointerDown={(e) => startDrag(d, e)}
            onKeyDown={(e) => {
              const back = row ? 'ArrowLeft' : 'ArrowUp';
              const forward = row ? 'ArrowRight' : 'ArrowDown';
              if (e.key === back || e.key === forward) {
                e.preventDefault();
                nudge(d, e.key === back ? -0.05 : 0.05);
              }
            }}
          />
        );
      })}
    </div>
  );
}
