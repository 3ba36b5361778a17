import { describe, expect, it } from 'vitest';
import {
  LibvirtError,
  VIR_ERR_ACCESS_DENIED,
  VIR_ERR_CONFIG_UNSUPPORTED,
  VIR_ERR_DEVICE_MISSING,
  VIR_ERR_INTERNAL_ERROR,
  VIR_ERR_INVALID_ARG,
  VIR_ERR_NO_CONNECT,
  VIR_ERR_NO_DOMAIN,
  VIR_ERR_NO_DOMAIN_BACKUP,
  VIR_ERR_NO_DOMAIN_CHECKPOINT,
  VIR_ERR_NO_DOMAIN_METADATA,
  VIR_ERR_NO_DOMAIN_SNAPSHOT,
  VIR_ERR_NO_INTERFACE,
  VIR_ERR_NO_NETWORK,
  VIR_ERR_NO_NETWORK_PORT,
  VIR_ERR_NO_NODE_DEVICE,
  VIR_ERR_NO_NWFILTER,
  VIR_ERR_NO_NWFILTER_BINDING,
  VIR_ERR_NO_SECRET,
  VIR_ERR_NO_STORAGE_POOL,
  VIR_ERR_NO_STORAGE_VOL,
  VIR_ERR_NO_SUPPORT,
  VIR_ERR_OPERATION_INVALID,
  VIR_ERR_OPERATION_TIMEOUT,
  VIR_ERR_OPERATION_UNSUPPORTED,
  VIR_ERR_STORAGE_VOL_EXIST,
  errorCodeNames,
} from '../libvirt/index.js';
import { LIBVIRT_ERROR_CLASSES, libvirtErrorOf } from './libvirt-errors.js';

const libvirtError = (code: number, message: string) =>
  new LibvirtError({ code, domain: 18, message, level: 2, str1: null, str2: null, str3: null, int1: -1, int2: -1 });

describe('libvirt error classes', () => {
  it("answers libvirt's 'not supported by the connection driver' with 501 NOT_SUPPORTED, not 500, keeping libvirt's message and code", () => {
    const message = "this function is not supported by the connection driver: virStorageVolDownload";
    expect(libvirtErrorOf(libvirtError(VIR_ERR_NO_SUPPORT, message))).toEqual({
      statusCode: 501,
      code: 'NOT_SUPPORTED',
      message,
      libvirtCode: VIR_ERR_NO_SUPPORT,
    });
  });

  it.each([
    VIR_ERR_NO_DOMAIN, VIR_ERR_NO_NETWORK, VIR_ERR_NO_NETWORK_PORT, VIR_ERR_NO_STORAGE_POOL, VIR_ERR_NO_STORAGE_VOL,
    VIR_ERR_NO_NODE_DEVICE, VIR_ERR_NO_INTERFACE, VIR_ERR_NO_SECRET, VIR_ERR_NO_NWFILTER, VIR_ERR_NO_NWFILTER_BINDING,
    VIR_ERR_NO_DOMAIN_SNAPSHOT, VIR_ERR_NO_DOMAIN_METADATA, VIR_ERR_NO_DOMAIN_CHECKPOINT, VIR_ERR_NO_DOMAIN_BACKUP, VIR_ERR_DEVICE_MISSING,
  ])('answers 404 for the no-such-object code %i with its libvirt name', (code) => {
    expect(libvirtErrorOf(libvirtError(code, 'gone'))).toMatchObject({ statusCode: 404, code: errorCodeNames[code], message: 'gone' });
  });

  it('lists every VIR_ERR_NO_<object> code libvirt names as 404', () => {
    const noSuchObject = Object.entries(errorCodeNames)
      .filter(([, name]) => /^VIR_ERR_NO_(DOMAIN|NETWORK|STORAGE|NODE_DEVICE|INTERFACE|SECRET|NWFILTER|SERVER|CLIENT)/.test(name))
      .map(([code]) => Number(code));
    expect(noSuchObject.length).toBeGreaterThan(10);
    for (const code of noSuchObject) expect(LIBVIRT_ERROR_CLASSES.get(code)?.status, errorCodeNames[code]).toBe(404);
  });

  it.each([
    [VIR_ERR_OPERATION_INVALID, 409],
    [VIR_ERR_OPERATION_UNSUPPORTED, 409],
    [VIR_ERR_STORAGE_VOL_EXIST, 409],
    [VIR_ERR_INVALID_ARG, 400],
    [VIR_ERR_CONFIG_UNSUPPORTED, 400],
    [VIR_ERR_ACCESS_DENIED, 403],
    [VIR_ERR_NO_CONNECT, 503],
    [VIR_ERR_OPERATION_TIMEOUT, 504],
    [VIR_ERR_INTERNAL_ERROR, 500],
  ])('maps code %i to %i', (code, status) => {
    expect(libvirtErrorOf(libvirtError(code, 'm'))?.statusCode).toBe(status);
  });
});
