import { describe, expect, it } from 'vitest';
import {
  CallTimeoutError,
  LibvirtError,
  NotConnectedError,
  VIR_ERR_CONFIG_UNSUPPORTED,
  VIR_ERR_INTERNAL_ERROR,
  VIR_ERR_INVALID_ARG,
  VIR_ERR_NO_DOMAIN,
  VIR_ERR_NO_STORAGE_VOL,
  VIR_ERR_OPERATION_FAILED,
  VIR_ERR_OPERATION_INVALID,
  VIR_ERR_OPERATION_UNSUPPORTED,
  VIR_FROM_QEMU,
} from '../libvirt/index.js';
import { HttpError, toApiError } from './errors.js';

const libvirtError = (code: number, message: string, domain = 10) =>
  new LibvirtError({ code, domain, message, level: 2, str1: null, str2: null, str3: null, int1: -1, int2: -1 });

describe('toApiError', () => {
  it.each([
    [VIR_ERR_NO_DOMAIN, 404, 'VIR_ERR_NO_DOMAIN'],
    [VIR_ERR_NO_STORAGE_VOL, 404, 'VIR_ERR_NO_STORAGE_VOL'],
    [VIR_ERR_OPERATION_INVALID, 409, 'VIR_ERR_OPERATION_INVALID'],
    [VIR_ERR_INVALID_ARG, 400, 'VIR_ERR_INVALID_ARG'],
    [VIR_ERR_INTERNAL_ERROR, 500, 'VIR_ERR_INTERNAL_ERROR'],
    [VIR_ERR_OPERATION_FAILED, 409, 'VIR_ERR_OPERATION_FAILED'],
    [VIR_ERR_OPERATION_UNSUPPORTED, 409, 'VIR_ERR_OPERATION_UNSUPPORTED'],
    [VIR_ERR_CONFIG_UNSUPPORTED, 400, 'VIR_ERR_CONFIG_UNSUPPORTED'],
  ])('maps libvirt code %i to %i keeping its name and message', (code, status, name) => {
    expect(toApiError(libvirtError(code, 'what libvirt said'))).toEqual({
      statusCode: status,
      body: { error: { code: name, message: 'what libvirt said', libvirtCode: code } },
    });
  });

  it("answers 409 when QEMU refuses a monitor command (libvirt calls it an internal error), 500 for other internal errors", () => {
    const refused = libvirtError(VIR_ERR_INTERNAL_ERROR, "internal error: unable to execute QEMU command 'device_add': Bus 'pci.0' does not support hotplugging", VIR_FROM_QEMU);
    expect(toApiError(refused)).toEqual({
      statusCode: 409,
      body: { error: { code: 'VIR_ERR_INTERNAL_ERROR', message: refused.message, libvirtCode: VIR_ERR_INTERNAL_ERROR } },
    });
    expect(toApiError(libvirtError(VIR_ERR_INTERNAL_ERROR, 'internal error: process exited while connecting to monitor', VIR_FROM_QEMU)).statusCode).toBe(500);
  });

  it('maps connection problems to 503 and timeouts to 504', () => {
    expect(toApiError(new NotConnectedError('qemu:///system is reconnecting')).statusCode).toBe(503);
    expect(toApiError(new CallTimeoutError('domainCreate', 30000))).toMatchObject({ statusCode: 504, body: { error: { code: 'LIBVIRT_TIMEOUT' } } });
  });

  it('passes our own HTTP errors through and hides nothing else but the status', () => {
    expect(toApiError(new HttpError(404, 'HOST_NOT_FOUND', 'No host "x" is configured'))).toEqual({
      statusCode: 404,
      body: { error: { code: 'HOST_NOT_FOUND', message: 'No host "x" is configured' } },
    });
    expect(toApiError(new Error('boom'))).toEqual({ statusCode: 500, body: { error: { code: 'INTERNAL', message: 'boom' } } });
  });
});
