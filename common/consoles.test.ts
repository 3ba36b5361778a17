import { describe, expect, it } from 'vitest';
import { parseClientControl, parseServerControl } from './consoles.js';

describe('console control frames', () => {
  it('reads the server frames the sockets send', () => {
    expect(parseServerControl('{"type":"status","state":"connected","message":"Connected to serial0","device":"serial0"}')).toEqual({
      type: 'status',
      state: 'connected',
      message: 'Connected to serial0',
      device: 'serial0',
    });
    expect(parseServerControl('{"type":"status","state":"vm-not-running","message":"off"}')).toEqual({ type: 'status', state: 'vm-not-running', message: 'off' });
    expect(parseServerControl('{"type":"displaced","message":"taken over"}')).toEqual({ type: 'displaced', message: 'taken over' });
    expect(parseServerControl('{"type":"vnc-credentials","password":"s3cret"}')).toEqual({ type: 'vnc-credentials', password: 's3cret' });
  });

  it('refuses anything else', () => {
    for (const text of ['', 'not json', '[]', 'null', '42', '{"type":"status","state":"dancing","message":"x"}', '{"type":"status","state":"connected"}', '{"type":"vnc-credentials","password":1}', '{"type":"other"}']) {
      expect(parseServerControl(text)).toBeNull();
    }
  });

  it('reads the browser frames and keeps sizes sane', () => {
    expect(parseClientControl('{"type":"take-over"}')).toEqual({ type: 'take-over' });
    expect(parseClientControl('{"type":"resize","cols":80,"rows":24}')).toEqual({ type: 'resize', cols: 80, rows: 24 });
    for (const text of ['', '[1]', '{"type":"resize","cols":0,"rows":24}', '{"type":"resize","cols":80.5,"rows":24}', '{"type":"resize","cols":1001,"rows":24}', '{"type":"resize","cols":"80","rows":24}', '{"type":"reboot"}']) {
      expect(parseClientControl(text)).toBeNull();
    }
  });
});
