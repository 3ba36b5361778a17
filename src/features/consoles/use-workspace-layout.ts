import { useCallback, useEffect, useState } from 'react';
import { emptyLayout, parseLayout, type WorkspaceLayout } from './layout';

const STORAGE_KEY = 'virtdeck.consoles.layout';

export function newId(prefix: string): string {
  return `${prefix}${crypto.randomUUID().slice(0, 8)}`;
}

function load(): WorkspaceLayout {
  try {
    return parseLayout(localStorage.getItem(STORAGE_KEY)) ?? emptyLayout(newId('p'));
  } catch {
    return emptyLayout(newId('p'));
  }
}

/** The workspace layout, remembered in localStorage across reloads. */
export function useWorkspaceLayout(): [WorkspaceLayout, (update: (layout: WorkspaceLayout) => WorkspaceLayout) => void] {
  const [layout, setLayout] = useState<WorkspaceLayout>(load);
  useEffect(() => {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(layout));
    } catch {
      // storage full or disabled: the layout just is not remembered
    }
  }, [layout]);
  const update = useCallback((fn: (layout: WorkspaceLayout) => WorkspaceLayout) => setLayout(fn), []);
  return [layout, update];
}
