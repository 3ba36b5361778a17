import { describe, expect, it } from 'vitest';
import { errorsOfStep, initialWizardState, toBody, withType, wizardErrors } from './model';

describe('pool wizard model', () => {
  it('turns a dir form into the API request', () => {
    const s = { ...initialWizardState('dir'), name: 'vmdisk', targetPath: '/data/vmfs' };
    expect(toBody(s)).toEqual({ name: 'vmdisk', type: 'dir', target: { path: '/data/vmfs' }, build: true, start: true, autostart: true });
    expect(wizardErrors(s)).toEqual({});
  });

  it('sends only the fields of the chosen type', () => {
    const s = withType({ ...initialWizardState('dir'), name: 'n', host: 'nfs.example.com', dir: '/export', device: '/dev/sdb' }, 'netfs');
    const body = toBody({ ...s, targetPath: '/mnt/n' });
    expect(body.source).toEqual({ host: 'nfs.example.com', dir: '/export' });
    expect(body.target).toEqual({ path: '/mnt/n' });
  });

  it('uses type defaults for targets and drops targets of target-less types', () => {
    expect(withType(initialWizardState('dir'), 'mpath').targetPath).toBe('/dev/mapper');
    const rbd = toBody({ ...withType(initialWizardState('dir'), 'rbd'), name: 'r', sourceName: 'p', host: 'mon' });
    expect(rbd.target).toBeUndefined();
  });

  it('reports errors per step with reasons', () => {
    const s = { ...withType(initialWizardState('dir'), 'iscsi'), name: '../x', host: 'bad host', device: 'nope', port: '99x' };
    const errors = wizardErrors(s);
    expect(Object.keys(errorsOfStep(errors, 'type'))).toEqual(['name']);
    expect(errorsOfStep(errors, 'source')).toMatchObject({
      'source.host': expect.stringMatching(/host name/) as unknown,
      'source.device': expect.stringMatching(/iqn\./) as unknown,
      'source.port': expect.stringMatching(/Port/) as unknown,
    });
  });

  it('builds auth for ceph with a secret uuid', () => {
    const s = { ...withType(initialWizardState('dir'), 'rbd'), name: 'r', sourceName: 'p', host: 'mon', auth: true, authUser: 'admin', secretKind: 'uuid' as const, secret: '2ec115d7-3a88-3ceb-bc12-0ac909a6fd87' };
    expect(toBody(s).source?.auth).toEqual({ type: 'ceph', username: 'admin', secretUuid: '2ec115d7-3a88-3ceb-bc12-0ac909a6fd87' });
    expect(wizardErrors(s)).toEqual({});
  });
});
