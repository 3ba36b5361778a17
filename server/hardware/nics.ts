/** NICs of a VM: attach on a virtual network or a host bridge, detach, link up/down. */
import type { LibvirtClient } from '../libvirt/index.js';
import { HttpError } from '../http/errors.js';
import { buildInterfaceXml } from '../xml/device.js';
import { scanDomainNics } from '../networks/domain-scan.js';
import { checkedMac, generateMac } from '../networks/mac-rules.js';
import { appliesText, virshAttachInterface, virshDetachInterface, virshSetLink, type ApplyMode, type ChangeResult, type HwNic, type NicAddBody } from '../../common/hardware.js';
import { HardwareErrorCodes, hardwareView, loadVm, resolveApply, resolveDeviceApply, type VmContext } from './context.js';

async function result(client: LibvirtClient, uuid: string, applies: ChangeResult['applies'], virsh: string, what: string): Promise<ChangeResult> {
  return { applies, virsh, summary: `${what}; ${appliesText(applies)}`, hardware: hardwareView(await loadVm(client, uuid), uuid) };
}

/** MACs of every domain of the host → owning VM name. */
async function macsInUse(client: LibvirtClient, vm: VmContext): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const d of await scanDomainNics(client)) for (const i of d.interfaces) if (i.mac !== undefined) owners.set(i.mac.toLowerCase(), d.name);
  // The persistent config of this VM may hold NICs the running one does not.
  for (const i of vm.config?.def.interfaces ?? []) if (i.mac !== undefined) owners.set(i.mac.toLowerCase(), vm.name);
  return owners;
}

export async function addNic(client: LibvirtClient, uuid: string, body: NicAddBody): Promise<ChangeResult> {
  const vm = await loadVm(client, uuid);
  const where = resolveApply(vm, body.apply);
  const used = await macsInUse(client, vm);
  const mac = body.mac !== undefined ? checkedMac(body.mac, used) : generateMac(used);
  const model = body.model ?? 'virtio';
  const source = body.source.type === 'network' ? body.source.network : body.source.bridge;
  const xml = buildInterfaceXml({ type: body.source.type, source, mac, model });
  await client.domainAttachDeviceFlags({ dom: vm.dom, xml, flags: where.flags });
  const virsh = virshAttachInterface(vm.name, body.source.type, source, model, mac, where.live, where.config);
  return result(client, uuid, where.applies, virsh, `Attached a ${model} NIC ${mac} on ${body.source.type} "${source}"`);
}

function nicOf(vm: VmContext, mac: string): HwNic {
  const nic = hardwareView(vm, '').interfaces.find((i) => i.mac === mac.toLowerCase());
  if (nic === undefined) throw new HttpError(404, HardwareErrorCodes.noDevice, `VM "${vm.name}" has no NIC with MAC ${mac}`);
  return nic;
}

export async function detachNic(client: LibvirtClient, uuid: string, mac: string, apply: ApplyMode | undefined): Promise<ChangeResult> {
  const vm = await loadVm(client, uuid);
  const nic = nicOf(vm, mac);
  const where = resolveDeviceApply(vm, apply, nic.live, nic.config, `NIC ${nic.mac}`);
  const xml = buildInterfaceXml({ type: nic.type, mac: nic.mac, ...(nic.source === undefined ? {} : { source: nic.source }) });
  await client.domainDetachDeviceFlags({ dom: vm.dom, xml, flags: where.flags });
  return result(client, uuid, where.applies, virshDetachInterface(vm.name, nic.type, nic.mac, where.live, where.config), `Detached NIC ${nic.mac}`);
}

export async function setLink(client: LibvirtClient, uuid: string, mac: string, state: 'up' | 'down', apply: ApplyMode | undefined): Promise<ChangeResult> {
  const vm = await loadVm(client, uuid);
  const nic = nicOf(vm, mac);
  const where = resolveDeviceApply(vm, apply, nic.live, nic.config, `NIC ${nic.mac}`);
  const xml = buildInterfaceXml({
    type: nic.type, mac: nic.mac, link: state,
    ...(nic.source === undefined ? {} : { source: nic.source }),
    ...(nic.model === undefined ? {} : { model: nic.model }),
  });
  await client.domainUpdateDeviceFlags({ dom: vm.dom, xml, flags: where.flags });
  return result(client, uuid, where.applies, virshSetLink(vm.name, nic.mac, state, where.live, where.config), `Set the link of ${nic.mac} ${state}`);
}
