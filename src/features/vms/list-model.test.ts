import { describe, expect, it } from 'vitest';
import type { VmSummary } from '../../../common/vms.js';
import { filterAndSort } from './list-model';

const vm = (name: string, state: VmSummary['state'], vcpus = 1, mem = 1): VmSummary => ({
  uuid: name,
  name,
  id: -1,
  state,
  autostart: false,
  persistent: true,
  managedSave: false,
  vcpus: { current: vcpus, max: vcpus },
  memory: { currentBytes: mem, maxBytes: mem },
});

const vms = [vm('web-10', 'running', 2, 300), vm('web-2', 'shutoff', 1, 100), vm('db', 'paused', 4, 200), vm('Mail', 'crashed', 1, 50)];

describe('filterAndSort', () => {
  it('sorts names naturally and ignores case', () => {
    expect(filterAndSort(vms, '', 'all', { key: 'name', dir: 'asc' }).map((v) => v.name)).toEqual(['db', 'Mail', 'web-2', 'web-10']);
    expect(filterAndSort(vms, '', 'all', { key: 'name', dir: 'desc' }).map((v) => v.name)).toEqual(['web-10', 'web-2', 'Mail', 'db']);
  });
  it('filters by name and state group', () => {
    expect(filterAndSort(vms, 'WEB', 'all', { key: 'name', dir: 'asc' }).map((v) => v.name)).toEqual(['web-2', 'web-10']);
    expect(filterAndSort(vms, '', 'running', { key: 'name', dir: 'asc' }).map((v) => v.name)).toEqual(['web-10']);
    expect(filterAndSort(vms, '', 'other', { key: 'name', dir: 'asc' }).map((v) => v.name)).toEqual(['Mail']);
  });
  it('sorts by state, vCPUs and memory', () => {
    expect(filterAndSort(vms, '', 'all', { key: 'state', dir: 'asc' }).map((v) => v.name)).toEqual(['web-10', 'db', 'Mail', 'web-2']);
    expect(filterAndSort(vms, '', 'all', { key: 'vcpus', dir: 'desc' }).map((v) => v.name)[0]).toBe('db');
    expect(filterAndSort(vms, '', 'all', { key: 'memory', dir: 'asc' }).map((v) => v.name)).toEqual(['Mail', 'web-2', 'db', 'web-10']);
  });
});
