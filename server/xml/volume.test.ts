import { describe, expect, it } from 'vitest';
import { buildVolumeXml, parseVolumeXml } from './volume.js';

const DUMP = `<volume type='file'>
  <name>ov.qcow2</name>
  <key>/tmp/vtx/ov.qcow2</key>
  <capacity unit='bytes'>10485760</capacity>
  <allocation unit='bytes'>200704</allocation>
  <physical unit='bytes'>196616</physical>
  <target>
    <path>/tmp/vtx/ov.qcow2</path>
    <format type='qcow2'/>
    <permissions><mode>0644</mode><owner>0</owner><group>0</group></permissions>
    <compat>1.1</compat>
    <clusterSize unit='B'>65536</clusterSize>
    <features/>
  </target>
  <backingStore>
    <path>/tmp/vtx/base.qcow2</path>
    <format type='qcow2'/>
  </backingStore>
</volume>`;

describe('volume XML', () => {
  it('parses what qemu-img info tells', () => {
    expect(parseVolumeXml(DUMP)).toEqual({
      name: 'ov.qcow2', key: '/tmp/vtx/ov.qcow2', type: 'file', capacityBytes: 10485760,
      allocationBytes: 200704, physicalBytes: 196616, path: '/tmp/vtx/ov.qcow2', format: 'qcow2',
      compat: '1.1', backing: { path: '/tmp/vtx/base.qcow2', format: 'qcow2' },
    });
  });

  it('reads scaled units', () => {
    const v = parseVolumeXml(`<volume><name>a</name><capacity unit='G'>2</capacity><allocation>0</allocation><target><path>/p/a</path></target></volume>`);
    expect(v.capacityBytes).toBe(2 * 1024 ** 3);
    expect(v.format).toBeUndefined();
  });

  it('builds qcow2 with compat 1.1 and a backing store', () => {
    const xml = buildVolumeXml({ name: 'o.qcow2', capacityBytes: 1048576, format: 'qcow2', backing: { path: '/i/b.qcow2', format: 'qcow2' } });
    const back = parseVolumeXml(xml);
    expect(back).toMatchObject({ name: 'o.qcow2', capacityBytes: 1048576, allocationBytes: 0, format: 'qcow2', compat: '1.1', backing: { path: '/i/b.qcow2', format: 'qcow2' } });
  });

  it('builds raw without compat and escapes the name', () => {
    const xml = buildVolumeXml({ name: 'a<b>&"', capacityBytes: 5, allocationBytes: 5, format: 'raw' });
    expect(xml).not.toContain('compat');
    expect(xml).toContain('a&lt;b&gt;&amp;');
    expect(parseVolumeXml(xml)).toMatchObject({ name: 'a<b>&"', capacityBytes: 5, allocationBytes: 5, format: 'raw' });
  });

  it('rejects a non-volume document', () => {
    expect(() => parseVolumeXml('<pool/>')).toThrow(/volume/);
  });
});
