/**
 * A node file for libvirt's test driver (`test:///<absolute path>`). libvirt applies a domain's
 * `<test:runstate>` only to domains read from such a file, so it is the one way to have the test
 * driver hold a domain in a state no API call produces (crashed). Each connection to the file gets
 * its own copy of the node. Tests only.
 */
const VIR_DOMAIN_CRASHED = 6;

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll("'", '&apos;').replaceAll('"', '&quot;');

export function crashedNodeXml(domains: readonly { name: string; uuid: string }[]): string {
  const entries = domains.map(
    ({ name, uuid }) => `  <domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>
    <name>${esc(name)}</name>
    <uuid>${esc(uuid)}</uuid>
    <memory unit='MiB'>128</memory>
    <vcpu>1</vcpu>
    <os><type arch='x86_64'>hvm</type></os>
    <test:runstate>${VIR_DOMAIN_CRASHED}</test:runstate>
  </domain>
`,
  );
  return `<node>\n${entries.join('')}</node>\n`;
}
