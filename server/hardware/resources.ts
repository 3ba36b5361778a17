/** vCPUs, memory and boot order of a VM. */
import { DomainAffect, DomainMemoryFlags, DomainVcpuFlags, DomainXmlFlags, type LibvirtClient } from '../libvirt/index.js';
import { HttpError, badRequest } from '../http/errors.js';
import { replaceBootDevices } from '../xml/device-boot.js';
import { appliesText, virshBoot, virshSetMemory, virshSetVcpus, type BootBody, type ChangeResult, type MemoryBody, type VcpusBody } from '../../common/hardware.js';
import { HardwareErrorCodes, hardwareView, loadVm, resolveApply } from './context.js';

async function result(client: LibvirtClient, uuid: string, applies: ChangeResult['applies'], virsh: string, what: string): Promise<ChangeResult> {
  return { applies, virsh, summary: `${what}; ${appliesText(applies)}`, hardware: hardwareView(await loadVm(client, uuid), uuid) };
}

const overMaximum = (message: string): HttpError => new HttpError(400, HardwareErrorCodes.overMaximum, message);
const mib = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MiB`;

export async function setVcpus(client: LibvirtClient, uuid: string, body: VcpusBody): Promise<ChangeResult> {
  if (body.count === undefined && body.maximum === undefined) throw badRequest('Give the number of vCPUs (count), the maximum, or both');
  const vm = await loadVm(client, uuid);
  const where = resolveApply(vm, body.apply ?? (body.count === undefined ? 'config' : undefined));
  if (body.maximum !== undefined && !where.config) throw badRequest('The maximum number of vCPUs changes only in the persistent config (at next boot)');
  const liveMax = vm.live?.def.vcpus.max;
  if (body.count !== undefined && where.live && liveMax !== undefined && body.count > liveMax) {
    throw overMaximum(`${body.count} vCPUs is over the running VM's maximum of ${liveMax}; raise the maximum (applies at next boot) to go further`);
  }
  const configMax = body.maximum ?? vm.config?.def.vcpus.max;
  if (body.count !== undefined && where.config && configMax !== undefined && body.count > configMax) {
    throw overMaximum(`${body.count} vCPUs is over the maximum of ${configMax}`);
  }
  const before = vm.live?.def.vcpus.current;
  if (body.count !== undefined && where.live) await client.domainSetVcpusFlags({ dom: vm.dom, nvcpus: body.count, flags: DomainAffect.LIVE });
  try {
    if (body.maximum !== undefined) await client.domainSetVcpusFlags({ dom: vm.dom, nvcpus: body.maximum, flags: DomainAffect.CONFIG | DomainVcpuFlags.MAXIMUM });
    if (body.count !== undefined && where.config) await client.domainSetVcpusFlags({ dom: vm.dom, nvcpus: body.count, flags: DomainAffect.CONFIG });
  } catch (err) {
    // Leave the running VM as it was when the persistent half is refused.
    if (body.count !== undefined && where.live && before !== undefined && before !== body.count) {
      await client.domainSetVcpusFlags({ dom: vm.dom, nvcpus: before, flags: DomainAffect.LIVE }).catch(() => undefined);
    }
    throw err;
  }
  const applies = body.count === undefined ? 'next-boot' : where.applies;
  const what = [body.count === undefined ? undefined : `${body.count} vCPUs`, body.maximum === undefined ? undefined : `maximum ${body.maximum}`].filter((s) => s !== undefined).join(', ');
  return result(client, uuid, applies, virshSetVcpus(vm.name, body.count, body.maximum, where.live, where.config), `Set ${what}`);
}

export async function setMemory(client: LibvirtClient, uuid: string, body: MemoryBody): Promise<ChangeResult> {
  if (body.currentBytes === undefined && body.maxBytes === undefined) throw badRequest('Give the memory (currentBytes), the maximum (maxBytes), or both');
  const vm = await loadVm(client, uuid);
  const where = resolveApply(vm, body.apply ?? (body.currentBytes === undefined ? 'config' : undefined));
  if (body.maxBytes !== undefined && !where.config) throw badRequest('The maximum memory changes only in the persistent config (at next boot)');
  const liveMax = vm.live?.def.memory.maxBytes;
  if (body.currentBytes !== undefined && where.live && liveMax !== undefined && body.currentBytes > liveMax) {
    throw overMaximum(`${mib(body.currentBytes)} is over the running VM's maximum memory of ${mib(liveMax)}; raise the maximum (applies at next boot) to go further`);
  }
  const configMax = body.maxBytes ?? vm.config?.def.memory.maxBytes;
  if (body.currentBytes !== undefined && where.config && configMax !== undefined && body.currentBytes > configMax) {
    throw overMaximum(`${mib(body.currentBytes)} is over the maximum memory of ${mib(configMax)}`);
  }
  const kib = (bytes: number): number => Math.floor(bytes / 1024);
  const before = vm.live?.def.memory.currentBytes;
  if (body.currentBytes !== undefined && where.live) await client.domainSetMemoryFlags({ dom: vm.dom, memory: kib(body.currentBytes), flags: DomainAffect.LIVE });
  try {
    if (body.maxBytes !== undefined) await client.domainSetMemoryFlags({ dom: vm.dom, memory: kib(body.maxBytes), flags: DomainAffect.CONFIG | DomainMemoryFlags.MAXIMUM });
    if (body.currentBytes !== undefined && where.config) await client.domainSetMemoryFlags({ dom: vm.dom, memory: kib(body.currentBytes), flags: DomainAffect.CONFIG });
  } catch (err) {
    if (body.currentBytes !== undefined && where.live && before !== undefined && before !== body.currentBytes) {
      await client.domainSetMemoryFlags({ dom: vm.dom, memory: kib(before), flags: DomainAffect.LIVE }).catch(() => undefined);
    }
    throw err;
  }
  const applies = body.currentBytes === undefined ? 'next-boot' : where.applies;
  const what = [body.currentBytes === undefined ? undefined : `memory ${mib(body.currentBytes)}`, body.maxBytes === undefined ? undefined : `maximum ${mib(body.maxBytes)}`]
    .filter((s) => s !== undefined)
    .join(', ');
  return result(client, uuid, applies, virshSetMemory(vm.name, body.currentBytes, body.maxBytes, where.live, where.config), `Set ${what}`);
}

export async function setBootOrder(client: LibvirtClient, uuid: string, body: BootBody): Promise<ChangeResult> {
  const vm = await loadVm(client, uuid);
  if (!vm.persistent) throw new HttpError(409, HardwareErrorCodes.wrongState, `VM "${vm.name}" is transient: it has no persistent config to boot from`);
  const { xml } = await client.domainGetXmlDesc({ dom: vm.dom, flags: DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE });
  await client.domainDefineXml({ xml: replaceBootDevices(xml, body.devices) });
  return result(client, uuid, 'next-boot', virshBoot(vm.name, body.devices), `Boot order ${body.devices.join(', ')}`);
}
