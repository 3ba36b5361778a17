import { describe, expect, it } from 'vitest';
import { parseVolumeXml } from './volume.js';

const xml = (capacity: string, unit = 'bytes') =>
  `<volume type='file'><name>v</name><capacity unit='${unit}'>${capacity}</capacity><allocation unit='bytes'>0</allocation><target><path>/p/v</path></target></volume>`;

describe('volume sizes above 2^53', () => {
  it('lost precision in JSON: the exact byte count comes along as a decimal string', () => {
    const v = parseVolumeXml(xml('1152921504606846977'));
    expect(v.exactBytes).toEqual({ capacity: '1152921504606846977' });
    expect(v.capacityBytes).toBe(Number('1152921504606846977'));
    expect(parseVolumeXml(xml('16', 'EiB')).exactBytes).toEqual({ capacity: '18446744073709551616' });
  });

  it('figures that fit carry no exact string', () => {
    expect(parseVolumeXml(xml(String(Number.MAX_SAFE_INTEGER))).exactBytes).toBeUndefined();
    expect(parseVolumeXml(xml('64', 'MiB'))).toMatchObject({ capacityBytes: 64 * 1024 ** 2 });
  });
});
