import { describe, expect, it } from 'vitest';
import { POOL_TYPES } from '../../common/storage-pool-types.js';
import { checkPoolCreate } from '../../common/storage-pool-check.js';
import type { PoolCreateBody } from '../../common/storage.js';
import { buildPoolXml, buildSourceSpecXml, parsePoolSourcesXml, parsePoolXml } from './pool.js';
import { SAMPLE_POOLS } from './pool-samples.test-helpers.js';

describe('pool XML', () => {
  it('has a valid sample for every wizard type', () => {
    for (const type of POOL_TYPES) {
      const body = SAMPLE_POOLS[type];
      expect(body.type).toBe(type);
      expect(checkPoolCreate(body), type).toEqual({});
    }
  });

  it.each(POOL_TYPES)('round-trips a %s pool', (type) => {
    const body = SAMPLE_POOLS[type];
    const parsed = parsePoolXml(buildPoolXml(body));
    expect(parsed.type).toBe(type);
    expect(parsed.name).toBe(body.name);
    expect(parsed.source).toEqual(body.source ?? {});
    if (body.target?.path) expect(parsed.targetPath).toBe(body.target.path);
  });

  it('uses the type default target when none is given', () => {
    const body: PoolCreateBody = { name: 'm', type: 'mpath' };
    expect(parsePoolXml(buildPoolXml(body)).targetPath).toBe('/dev/mapper');
    expect(parsePoolXml(buildPoolXml({ name: 'r', type: 'rbd', source: { name: 'p', host: 'h' } })).targetPath).toBeUndefined();
  });

  it('escapes everything it writes', () => {
    const xml = buildPoolXml({ name: 'x', type: 'netfs', source: { host: 'h"><evil/>', dir: '/a&b' }, target: { path: '/t<' } });
    expect(xml).not.toContain('<evil');
    expect(xml).toContain('&quot;&gt;&lt;evil/&gt;');
    const back = parsePoolXml(xml);
    expect(back.source).toEqual({ host: 'h"><evil/>', dir: '/a&b' });
    expect(back.targetPath).toBe('/t<');
  });

  it('parses a daemon dump with capacity', () => {
    const p = parsePoolXml(`<pool type='dir'>
  <name>default-pool</name>
  <uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566</uuid>
  <capacity unit='bytes'>107374182400</capacity>
  <allocation unit='bytes'>0</allocation>
  <available unit='bytes'>107374182400</available>
  <source>
  </source>
  <target>
    <path>/default-pool</path>
  </target>
</pool>`);
    expect(p).toEqual({
      name: 'default-pool', type: 'dir', uuid: 'dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566',
      capacityBytes: 107374182400, allocationBytes: 0, availableBytes: 107374182400,
      targetPath: '/default-pool', source: {},
    });
  });

  it('parses discovered sources', () => {
    const xml = `<sources>
  <source><host name='nfs.example.com'/><dir path='/export/a'/><format type='nfs'/></source>
  <source><host name='nfs.example.com'/><dir path='/export/b'/><format type='nfs'/></source>
</sources>`;
    expect(parsePoolSourcesXml(xml)).toEqual([
      { host: 'nfs.example.com', dir: '/export/a', format: 'nfs' },
      { host: 'nfs.example.com', dir: '/export/b', format: 'nfs' },
    ]);
    expect(parsePoolSourcesXml('<sources/>')).toEqual([]);
    const lvm = `<sources><source><device path='/dev/sdb1'/><name>vg0</name><format type='lvm2'/></source></sources>`;
    expect(parsePoolSourcesXml(lvm)).toEqual([{ device: '/dev/sdb1', name: 'vg0', format: 'lvm2' }]);
  });

  it('builds the discovery hint', () => {
    expect(buildSourceSpecXml(undefined)).toBe('');
    expect(buildSourceSpecXml('h.example', 3260)).toContain('<host name="h.example" port="3260"/>');
  });
});
