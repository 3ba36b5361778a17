import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from '../../common/access.js';
import { formatFrame } from '../events/hub.js';
import { eventGate, type FilterableEvent } from './event-filter.js';
import { grantAccess } from './principal.js';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const send = (gate: ReturnType<typeof eventGate>, event: FilterableEvent) => gate(formatFrame(event.id, event.type, event.data), event);

describe('eventGate', () => {
  const operatorOnA = eventGate(grantAccess([{ role: 'Operator', path: `/hosts/test/vms/${A}` }], BUILT_IN_ROLES));

  it('passes VM and snapshot events of visible VMs only', () => {
    expect(send(operatorOnA, { id: 1, type: 'vm', data: { host: 'test', uuid: A, name: 'a' } as { host: string } })).toContain(A);
    expect(send(operatorOnA, { id: 2, type: 'vm', data: { host: 'test', uuid: B, name: 'b' } as { host: string } })).toBeUndefined();
    expect(send(operatorOnA, { id: 3, type: 'snapshot', data: { host: 'test', uuid: B } as { host: string } })).toBeUndefined();
    expect(send(operatorOnA, { id: 4, type: 'vm', data: { host: 'other', uuid: A } as { host: string } })).toBeUndefined();
  });

  it('narrows stats to the visible VMs and keeps the frame id', () => {
    const data = { host: 'test', at: 1, intervalMs: 2000, vms: [{ uuid: A }, { uuid: B }] };
    const frame = send(operatorOnA, { id: 7, type: 'stats', data });
    expect(frame).toBe(formatFrame(7, 'stats', { ...data, vms: [{ uuid: A }] }));
    expect(send(operatorOnA, { id: 8, type: 'stats', data: { ...data, host: 'other' } })).toBeUndefined();
  });

  it('hides pools, networks and hosts without their view privilege; always passes hello and resync', () => {
    expect(send(operatorOnA, { type: 'pool', data: { host: 'test', name: 'default' } as { host: string } })).toBeUndefined();
    expect(send(operatorOnA, { type: 'network', data: { host: 'test', name: 'default' } as { host: string } })).toBeUndefined();
    expect(send(operatorOnA, { type: 'host', data: { host: 'test' } })).toBeUndefined();
    expect(send(operatorOnA, { type: 'hello', data: {} })).toContain('hello');
    const poolViewer = eventGate(grantAccess([{ role: 'Auditor', path: '/hosts/test/pools/default' }], BUILT_IN_ROLES));
    expect(send(poolViewer, { type: 'pool', data: { host: 'test', name: 'default' } as { host: string } })).toContain('default');
    expect(send(poolViewer, { type: 'pool', data: { host: 'test', name: 'other' } as { host: string } })).toBeUndefined();
  });

  it('passes everything unchanged for a viewer of /', () => {
    const auditor = eventGate(grantAccess([{ role: 'Administrator', path: '/' }], BUILT_IN_ROLES));
    const frame = formatFrame(9, 'stats', { host: 'x', vms: [{ uuid: B }] });
    expect(auditor(frame, { id: 9, type: 'stats', data: { host: 'x' } })).toBe(frame);
  });

  it('passes nothing to a user without grants', () => {
    const nobody = eventGate(grantAccess([], BUILT_IN_ROLES));
    expect(send(nobody, { type: 'host', data: { host: 'test' } })).toBeUndefined();
    expect(send(nobody, { type: 'vm', data: { host: 'test', uuid: A } as { host: string } })).toBeUndefined();
  });
});
