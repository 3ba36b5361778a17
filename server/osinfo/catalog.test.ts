import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { OSINFO_DIR, OsCatalog } from './catalog.js';
import { parseOsinfoXml } from './parse.js';

const catalog = new OsCatalog();

describe('osinfo-db parsing (real files from /usr/share/osinfo)', () => {
  it('reads one file: ids, English name, vendor, family, release date, resources per arch', async () => {
    const [os] = parseOsinfoXml(await readFile(`${OSINFO_DIR}/debian.org/debian-11.xml`, 'utf8'));
    expect(os).toMatchObject({
      id: 'http://debian.org/debian/11',
      shortIds: ['debian11', 'debianbullseye'],
      name: 'Debian 11',
      vendor: 'Debian Project',
      family: 'linux',
      releaseDate: '2021-08-14',
      parents: ['http://debian.org/debian/10'],
    });
    expect(os?.recommended['all']).toEqual({ ramBytes: 1024 ** 3, storageBytes: 20 * 1024 ** 3 });
    expect(os?.minimum['all']).toMatchObject({ ncpus: 1, ramBytes: 1024 ** 3 });
  });

  it('loads the whole catalog with the generic entries first', async () => {
    const started = Date.now();
    const all = await catalog.all();
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(all.length).toBeGreaterThan(500);
    expect(all[0]?.id).toBe('generic-linux');
    expect(all[1]?.id).toBe('other');
    expect(new Set(all.map((o) => o.id)).size).toBe(all.length);
  });

  it('inherits virtio support along derives-from (Debian 11 lists no virtio block itself)', async () => {
    const debian11 = await catalog.get('http://debian.org/debian/11');
    expect(debian11).toMatchObject({ virtioDisk: true, virtioNet: true, recommendedRamBytes: 1024 ** 3, recommendedStorageBytes: 20 * 1024 ** 3 });
    expect(await catalog.get('debian11')).toEqual(debian11);
  });

  it('knows old Windows has no virtio and takes x86_64 resources over "all"', async () => {
    const xp = await catalog.get('winxp');
    expect(xp).toMatchObject({ name: 'Microsoft Windows XP', virtioDisk: false, virtioNet: false, recommendedRamBytes: 536870912, minimumRamBytes: 268435456 });
    const win10 = await catalog.get('win10');
    expect(win10?.recommendedRamBytes).toBe(2 * 1024 ** 3);
  });

  it('searches by every word of the query, exact short id first, with a limit', async () => {
    const r = await catalog.search('debian 11', 5);
    expect(r.oses[0]?.id).toBe('http://debian.org/debian/11');
    for (const os of r.oses) expect(`${os.name} ${os.shortId}`.toLowerCase()).toContain('debian');
    const fedora = await catalog.search('fedora', 3);
    expect(fedora.oses).toHaveLength(3);
    expect(fedora.total).toBeGreaterThan(30);
    expect((await catalog.search('no-such-os-anywhere', 10)).oses).toEqual([]);
    expect((await catalog.search('', 2)).oses.map((o) => o.id)).toEqual(['generic-linux', 'other']);
  });
});
