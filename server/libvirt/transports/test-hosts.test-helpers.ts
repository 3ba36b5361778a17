// The loopback test hosts made by scripts/setup-test-hosts.
import { readFileSync } from 'node:fs';
import { knownHostsVerifier, type HostKeyVerifier } from '../index.js';

export const TEST_HOSTS_DIR = '/var/lib/virtdeck-test-hosts';
export const SSH_DIR = `${TEST_HOSTS_DIR}/ssh`;
export const PKI_DIR = `${TEST_HOSTS_DIR}/pki`;
export const SSHD_CONFIG = `${SSH_DIR}/sshd_config`;
export const SSH_KEY = `${SSH_DIR}/id_ed25519`;
export const SSH_KEY_PASSPHRASE = `${SSH_DIR}/id_rsa_passphrase`;
export const SSH_KEY_UNKNOWN = `${SSH_DIR}/id_unknown`;

export function sshUri(driverPath: string, params: string, port = 2222): string {
  return `${driverPath.startsWith('test') ? 'test' : 'qemu'}+ssh://root@127.0.0.1:${port}/${driverPath.split('/').pop() ?? ''}?${params}`;
}

/** The known_hosts line of the test sshd's host key, for `port`. */
export function testSshdKnownHostsLine(port = 2222): string {
  const [type, blob] = readFileSync(`${SSH_DIR}/ssh_host_ed25519_key.pub`, 'utf8').trim().split(/\s+/);
  return `[127.0.0.1]:${port} ${type ?? ''} ${blob ?? ''}`;
}

export function pinnedTestSshd(port = 2222): HostKeyVerifier {
  const line = testSshdKnownHostsLine(port);
  return knownHostsVerifier(async () => line, 'the test known_hosts');
}

/** The session libvirtd of scripts/setup-test-hosts that asks for SASL (TLS 16520, TCP 16519). */
export const SASL_HOME = `${TEST_HOSTS_DIR}/session`;
export const SASL_USER = 'virtdeck';
export const SASL_PASSWORD = 'virtdeck-sasl-pw';
export const SASL_TLS_URI = `test+tls://localhost:16520/default?pkipath=${PKI_DIR}/client`;
