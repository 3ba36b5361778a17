import { describe, expect, it } from 'vitest';
import { checkVolumeName } from '../../../common/storage-validate.js';
import { detectFormat, volumeNameFromFile } from './upload';

describe('upload helpers', () => {
  it.each(['debian 12.qcow2', '../../etc/passwd', '.hidden', '-rf', 'ünïcode.iso', ''])('makes a valid volume name of %j', (n) => {
    expect(checkVolumeName(volumeNameFromFile(n))).toBeNull();
  });
  it('detects qcow2 by its magic', async () => {
    expect(await detectFormat(new Blob([new Uint8Array([0x51, 0x46, 0x49, 0xfb, 0, 0, 0, 3])]))).toBe('qcow2');
    expect(await detectFormat(new Blob([new Uint8Array([1, 2, 3, 4])]))).toBe('raw');
  });
});
