import RFB from '@novnc/novnc';

/** Only ever imported with import(): noVNC forms its own chunk. */
export function loadNoVnc(): Promise<typeof RFB> {
  return Promise.resolve(RFB);
}
