// SCRAM-SHA-256 (RFC 5802, RFC 7677), the client side: the SASL mechanism libvirt recommends for
// username/password logins over TLS. No channel binding (libvirt offers none): gs2 header "n,,".
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

export class ScramError extends Error {
  override readonly name: string = 'ScramError';
}

const hmac = (key: Buffer, text: string): Buffer => createHmac('sha256', key).update(text).digest();
const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();

/** `=` and `,` escaped as RFC 5802 wants in names; non-ASCII refused (no SASLprep here). */
function saslName(text: string, what: string): string {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new ScramError(`SCRAM ${what} must be printable ASCII`);
  return text.replace(/=/g, '=3D').replace(/,/g, '=2C');
}

function attributes(message: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of message.split(',')) {
    const eq = part.indexOf('=');
    if (eq === 1) map.set(part[0] ?? '', part.slice(2));
  }
  return map;
}

/** One SCRAM-SHA-256 exchange: first() → server-first → final() → server-final → verify(). */
export class ScramSha256Client {
  private readonly nonce: string;
  private readonly clientFirstBare: string;
  private serverSignature: Buffer | undefined;

  constructor(
    username: string,
    private readonly password: string,
    nonce: string = randomBytes(18).toString('base64'),
  ) {
    saslName(password, 'password');
    this.nonce = nonce;
    this.clientFirstBare = `n=${saslName(username, 'username')},r=${nonce}`;
  }

  first(): string {
    return `n,,${this.clientFirstBare}`;
  }

  final(serverFirst: string): string {
    const a = attributes(serverFirst);
    if (a.has('e')) throw new ScramError(`SCRAM server error: ${a.get('e') ?? ''}`);
    const combined = a.get('r');
    const salt = a.get('s');
    const iterations = Number(a.get('i'));
    if (combined === undefined || salt === undefined || !Number.isInteger(iterations) || iterations < 1) throw new ScramError('malformed SCRAM server-first message');
    if (!combined.startsWith(this.nonce) || combined.length === this.nonce.length) throw new ScramError('the SCRAM server nonce does not extend ours');
    const salted = pbkdf2Sync(this.password, Buffer.from(salt, 'base64'), iterations, 32, 'sha256');
    const clientKey = hmac(salted, 'Client Key');
    const withoutProof = `c=biws,r=${combined}`;
    const authMessage = `${this.clientFirstBare},${serverFirst},${withoutProof}`;
    const signature = hmac(sha256(clientKey), authMessage);
    const proof = Buffer.from(clientKey.map((byte, i) => byte ^ (signature[i] ?? 0)));
    this.serverSignature = hmac(hmac(salted, 'Server Key'), authMessage);
    return `${withoutProof},p=${proof.toString('base64')}`;
  }

  /** Checks the server-final message: the server proves it knows the password too. */
  verify(serverFinal: string): void {
    const a = attributes(serverFinal);
    if (a.has('e')) throw new ScramError(`SCRAM server error: ${a.get('e') ?? ''}`);
    const v = a.get('v');
    if (v === undefined || this.serverSignature === undefined) throw new ScramError('malformed SCRAM server-final message');
    const given = Buffer.from(v, 'base64');
    if (given.length !== this.serverSignature.length || !timingSafeEqual(given, this.serverSignature)) {
      throw new ScramError('the SCRAM server signature is wrong: the server does not know the password');
    }
  }
}
