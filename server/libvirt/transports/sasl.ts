// libvirt's SASL handshake (REMOTE_PROC_AUTH_SASL_INIT/START/STEP) with SCRAM-SHA-256.
import { LibvirtError, NotConnectedError } from '../errors.js';
import { AuthenticationUnavailableError } from './errors.js';
import { ScramError, ScramSha256Client } from './scram.js';

export interface SaslCredentials {
  username: string;
  password: string;
}

/** libvirtd refused the SASL login (wrong password, unknown user, or not in sasl_allowed_username_list). */
export class SaslAuthenticationError extends NotConnectedError {
  override readonly name: string = 'SaslAuthenticationError';
}

export interface SaslStepResult {
  complete: number;
  nil: number;
  data: number[];
}

/** The three calls, bound to one transport. */
export interface SaslCalls {
  init(): Promise<{ mechlist: string }>;
  start(mech: string, data: number[]): Promise<SaslStepResult>;
  step(data: number[]): Promise<SaslStepResult>;
}

const toWire = (text: string): number[] => [...Buffer.from(text, 'utf8')].map((b) => (b > 127 ? b - 256 : b));
const fromWire = (r: SaslStepResult): string => Buffer.from(r.data.map((b) => b & 0xff)).toString('utf8');

export const SCRAM_SHA_256 = 'SCRAM-SHA-256';

/** Logs in with SCRAM-SHA-256 and checks the server's signature; throws a NotConnectedError subclass. */
export async function saslScramLogin(calls: SaslCalls, c: SaslCredentials, where: string): Promise<void> {
  const { mechlist } = await calls.init();
  const mechs = mechlist.split(/[\s,]+/).filter((m) => m !== '');
  if (!mechs.includes(SCRAM_SHA_256)) {
    throw new AuthenticationUnavailableError(`libvirtd at ${where} offers SASL ${mechs.join(', ') || '(no mechanism)'}, not ${SCRAM_SHA_256} (mech_list in its sasl2/libvirt.conf)`);
  }
  const scram = new ScramSha256Client(c.username, c.password);
  try {
    const serverFirst = await calls.start(SCRAM_SHA_256, toWire(scram.first()));
    let r = await calls.step(toWire(scram.final(fromWire(serverFirst))));
    scram.verify(fromWire(r));
    while (r.complete === 0) r = await calls.step([]);
  } catch (err) {
    if (err instanceof LibvirtError || err instanceof ScramError) {
      throw new SaslAuthenticationError(
        `libvirtd at ${where} refused the SASL login of "${c.username}" (${err.message}): wrong password, or the user is not in its sasldb (saslpasswd2 -a libvirt ${c.username})`,
        { cause: err },
      );
    }
    throw err;
  }
}
