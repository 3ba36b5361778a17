import { describe, expect, it } from 'vitest';
import { ScramError, ScramSha256Client } from './scram.js';

// RFC 7677 section 3: user "user", password "pencil".
const NONCE = 'rOprNGfwEbeRWgbNEkqO';
const SERVER_FIRST = 'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096';
const CLIENT_FINAL = 'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=';
const SERVER_FINAL = 'v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=';

describe('SCRAM-SHA-256', () => {
  it('produces RFC 7677\'s test vector and accepts its server signature', () => {
    const c = new ScramSha256Client('user', 'pencil', NONCE);
    expect(c.first()).toBe('n,,n=user,r=rOprNGfwEbeRWgbNEkqO');
    expect(c.final(SERVER_FIRST)).toBe(CLIENT_FINAL);
    expect(() => c.verify(SERVER_FINAL)).not.toThrow();
  });

  it('refuses a wrong server signature, a nonce that is not ours, server errors', () => {
    const c = new ScramSha256Client('user', 'pencil', NONCE);
    c.final(SERVER_FIRST);
    expect(() => c.verify('v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=')).toThrow(/does not know the password/);
    expect(() => c.verify('e=invalid-proof')).toThrow(ScramError);
    expect(() => new ScramSha256Client('user', 'pencil', NONCE).final('r=someoneelse,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096')).toThrow(/nonce/);
    const other = new ScramSha256Client('user', 'wrong', NONCE);
    expect(other.final(SERVER_FIRST)).not.toBe(CLIENT_FINAL);
  });

  it('escapes names and refuses non-ASCII credentials', () => {
    expect(new ScramSha256Client('a=b,c', 'p', 'n').first()).toBe('n,,n=a=3Db=2Cc,r=n');
    expect(() => new ScramSha256Client('jörg', 'p')).toThrow(/printable ASCII/);
  });
});
