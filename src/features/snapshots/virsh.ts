import { memoryPath, overlayPath, type DeleteScope, type RevertState, type SnapshotKind } from '../../../common/snapshots.js';
import { shellQuote, shellQuoteAlways } from '../../../common/shell.js';
import { virshCommand, virshUri } from '../../lib/format';

export interface CreatePlan {
  name: string;
  description: string;
  kind: SnapshotKind;
  memory: boolean;
  /** disks the snapshot covers (from the capabilities answer) */
  disks: ReadonlyArray<{ target: string; source: string }>;
}

// virsh splits --diskspec/--memspec values at commas; a literal comma is written twice.
const spec = (value: string): string => value.replaceAll(',', ',,');

export function createSnapshotCommand(uri: string, vmName: string, plan: CreatePlan): string {
  const args = ['--domain', shellQuoteAlways(vmName), '--name', shellQuoteAlways(plan.name)];
  if (plan.description !== '') args.push('--description', shellQuoteAlways(plan.description));
  if (plan.kind === 'external') {
    const first = plan.disks[0];
    if (plan.memory && first !== undefined) {
      args.push('--memspec', shellQuote(`file=${spec(memoryPath(first.source, vmName, plan.name))},snapshot=external`));
    } else {
      args.push('--disk-only');
    }
    for (const disk of plan.disks) {
      args.push('--diskspec', shellQuote(`${spec(disk.target)},snapshot=external,file=${spec(overlayPath(disk.source, plan.name))}`));
    }
    args.push('--atomic');
  }
  return virshCommand(virshUri(uri), 'snapshot-create-as', ...args);
}

export function revertSnapshotCommand(uri: string, vmName: string, name: string, state: RevertState): string {
  const args = ['--domain', shellQuoteAlways(vmName), '--snapshotname', shellQuoteAlways(name)];
  if (state === 'running') args.push('--running');
  if (state === 'paused') args.push('--paused');
  return virshCommand(virshUri(uri), 'snapshot-revert', ...args);
}

export function deleteSnapshotCommand(uri: string, vmName: string, name: string, scope: DeleteScope): string {
  const args = ['--domain', shellQuoteAlways(vmName), '--snapshotname', shellQuoteAlways(name)];
  if (scope === 'children') args.push('--children');
  if (scope === 'metadata') args.push('--metadata');
  return virshCommand(virshUri(uri), 'snapshot-delete', ...args);
}
