import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crashedNodeXml } from '../test/helpers/test-driver-node.js';

/**
 * The `edge` host of the end-to-end server: libvirt's test driver on a node file that holds a
 * crashed domain (no API call puts test:///default into that state). The server's connection
 * owns its copy of the node for as long as it runs.
 */
export const EDGE_CRASHED = { name: 'vt-edge-crashed', uuid: '5c3a61d2-7e0b-4f51-9a37-0d6b2e8c4f10' } as const;

export function edgeHostUri(): string {
  const file = join(tmpdir(), 'virtdeck-e2e-edge-node.xml');
  writeFileSync(file, crashedNodeXml([EDGE_CRASHED]));
  return `test://${file}`;
}
