import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseHosts } from './config.js';

describe('config', () => {
  it('defaults to local=qemu:///system on 127.0.0.1:8080', () => {
    expect(loadConfig({})).toEqual({
      hosts: [{ id: 'local', uri: 'qemu:///system' }],
      listenHost: '127.0.0.1',
      port: 8080,
      dataDir: '/var/lib/virtdeck',
      allowInsecureTcp: false,
      sessionIdleMs: 30 * 60_000,
      sessionMaxMs: 12 * 3600_000,
      auditRetentionDays: 90,
      allowedOrigins: [],
      insecureHttp: false,
    });
  });

  it('reads the TLS certificate and key (both or neither) and the plain-HTTP switch', () => {
    expect(loadConfig({ VIRTDECK_TLS_CERT: '/etc/vd/cert.pem', VIRTDECK_TLS_KEY: '/etc/vd/key.pem', VIRTDECK_INSECURE_HTTP: '1' }))
      .toMatchObject({ tlsCertPath: '/etc/vd/cert.pem', tlsKeyPath: '/etc/vd/key.pem', insecureHttp: true });
    expect(() => loadConfig({ VIRTDECK_TLS_CERT: '/etc/vd/cert.pem' })).toThrow(/must be given together/);
    expect(() => loadConfig({ VIRTDECK_TLS_CERT: 'cert.pem', VIRTDECK_TLS_KEY: '/k' })).toThrow(/VIRTDECK_TLS_CERT "cert.pem" is not an absolute path/);
  });

  it('reads the admin password, session limits and audit retention', () => {
    expect(
      loadConfig({
        VIRTDECK_ADMIN_PASSWORD: 'correct horse battery',
        VIRTDECK_SESSION_IDLE_MINUTES: '5',
        VIRTDECK_SESSION_MAX_HOURS: '2',
        VIRTDECK_AUDIT_RETENTION_DAYS: '7',
      }),
    ).toMatchObject({ adminPassword: 'correct horse battery', sessionIdleMs: 5 * 60_000, sessionMaxMs: 2 * 3600_000, auditRetentionDays: 7 });
    expect(loadConfig({})).not.toHaveProperty('adminPassword');
    expect(() => loadConfig({ VIRTDECK_ADMIN_PASSWORD: 'short' })).toThrow(/at least 12 characters/);
    expect(() => loadConfig({ VIRTDECK_SESSION_IDLE_MINUTES: '0' })).toThrow(/VIRTDECK_SESSION_IDLE_MINUTES "0" must be a whole number from 1/);
    expect(() => loadConfig({ VIRTDECK_SESSION_MAX_HOURS: '1.5' })).toThrow(/VIRTDECK_SESSION_MAX_HOURS/);
    expect(() => loadConfig({ VIRTDECK_AUDIT_RETENTION_DAYS: '-1' })).toThrow(ConfigError);
  });

  it('normalises the allowed origins and refuses anything that is not an origin', () => {
    expect(loadConfig({ VIRTDECK_ORIGINS: ' https://Virt.Example.org:443, http://10.0.0.2:8080 ,,', VIRTDECK_CONSOLE_ORIGINS: 'http://10.0.0.2:8080,https://b.example' }).allowedOrigins)
      .toEqual(['https://virt.example.org', 'http://10.0.0.2:8080', 'https://b.example']);
    expect(() => loadConfig({ VIRTDECK_ORIGINS: 'virt.example.org' })).toThrow(/VIRTDECK_ORIGINS entry "virt.example.org" is not an origin/);
    expect(() => loadConfig({ VIRTDECK_ORIGINS: 'https://virt.example.org/app' })).toThrow(/not an origin/);
    expect(() => loadConfig({ VIRTDECK_ORIGINS: 'ftp://virt.example.org' })).toThrow(/not an origin/);
  });

  it('reads the data dir and the insecure-TCP switch', () => {
    expect(loadConfig({ VIRTDECK_DATA_DIR: '/srv/vd', VIRTDECK_ALLOW_INSECURE_TCP: '1' })).toMatchObject({ dataDir: '/srv/vd', allowInsecureTcp: true });
    expect(() => loadConfig({ VIRTDECK_DATA_DIR: 'relative' })).toThrow(ConfigError);
    expect(() => loadConfig({ VIRTDECK_ALLOW_INSECURE_TCP: 'yes' })).toThrow(/must be 1 or 0/);
  });

  it('parses several hosts', () => {
    expect(parseHosts('local=qemu:///system, test=test:///default,remote-1=qemu+ssh://root@h1/system')).toEqual([
      { id: 'local', uri: 'qemu:///system' },
      { id: 'test', uri: 'test:///default' },
      { id: 'remote-1', uri: 'qemu+ssh://root@h1/system' },
    ]);
  });

  it.each([
    ['', /empty/],
    ['local', /id=uri/],
    ['=qemu:///system', /id=uri/],
    ['Local=qemu:///system', /host id "Local"/],
    ['-x=qemu:///system', /host id/],
    ['local=not a uri', /not a libvirt URI/],
    ['local=/run/libvirt', /not a libvirt URI/],
    ['a=qemu:///system,a=test:///default', /twice/],
    ['r=qemu+bogus://h/system', /transport in URL not recognised/],
    ['r=qemu+ssh://h/system?no_verify=yes', /no_verify/],
  ])('rejects %j', (spec, message) => {
    expect(() => parseHosts(spec)).toThrow(ConfigError);
    expect(() => parseHosts(spec)).toThrow(message);
  });

  it('rejects bad ports and listen addresses', () => {
    expect(() => loadConfig({ PORT: '0' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '80a' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ HOST: 'a b' })).toThrow(/HOST/);
    expect(loadConfig({ PORT: '9000', HOST: '0.0.0.0' })).toMatchObject({ port: 9000, listenHost: '0.0.0.0' });
  });
});
