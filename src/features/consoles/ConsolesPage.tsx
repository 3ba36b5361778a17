import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { useHostId } from '../../app/hosts';
import { Button } from '../../lib/ui';
import { emptyLayout, openInLayout, panes, splitPane } from './layout';
import { newId, useWorkspaceLayout } from './use-workspace-layout';
import { Workspace } from './Workspace';

/**
 * The Consoles workspace (/hosts/:host/consoles): consoles of several VMs, of any host, in
 * resizable panes. `?open=<uuid>&name=<vm>&kind=serial|vnc` adds a console (links from VM pages).
 */
export function ConsolesPage() {
  const hostId = useHostId();
  const [layout, update] = useWorkspaceLayout();
  const [params, setParams] = useSearchParams();

  useEffect(() => {
    const uuid = params.get('open');
    if (uuid === null) return;
    const kind = params.get('kind') === 'vnc' ? 'vnc' : 'serial';
    const name = params.get('name') ?? uuid;
    update((l) => {
      const already = panes(l.root).some((p) => p.target?.uuid === uuid && p.target.kind === kind && p.target.host === hostId);
      return already ? l : openInLayout(l, { host: hostId, uuid, name, kind }, newId('p'), newId('s'));
    });
    setParams({}, { replace: true });
  }, [params, setParams, update, hostId]);

  const count = panes(layout.root).length;
  return (
    <section id="consoles-page" className="flex h-full min-h-0 flex-col">
      <header className="flex items-center gap-2 px-4 py-2">
        <h1 className="text-xl font-semibold">Consoles</h1>
        <span className="text-sm text-zinc-500" data-testid="console-pane-count">{count === 1 ? '1 pane' : `${count} panes`}</span>
        <div className="ml-auto flex gap-2">
          <Button
            size="sm"
            id="consoles-add-pane"
            onClick={() => update((l) => {
              const all = panes(l.root);
              const last = all[all.length - 1];
              if (last === undefined) return l;
              return splitPane(l, last.id, all.length % 2 === 1 ? 'row' : 'column', newId('p'), newId('s'));
            })}
          >
            Add pane
          </Button>
          <Button size="sm" variant="ghost" id="consoles-reset" title="Close every pane" onClick={() => update(() => emptyLayout(newId('p')))}>
            Close all
          </Button>
        </div>
      </header>
      <div className="min-h-0 flex-1 px-2 pb-2">
        <Workspace layout={layout} update={update} defaultHost={hostId} />
      </div>
    </section>
  );
}
