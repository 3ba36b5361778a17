/** Something holding a console device open through virtdeck. */
export interface ConsoleHolder {
  /** Another virtdeck client took the console over with FORCE. */
  displace(): void;
}

/**
 * Which virtdeck socket holds which console device (`host/uuid/device`), so that the one taken over
 * can be told so. libvirt itself enforces exclusivity (SAFE flag); this only routes the message.
 */
export class ConsoleHolders {
  private readonly holders = new Map<string, ConsoleHolder>();
  private readonly takeovers = new Set<string>();

  static key(host: string, uuid: string, device: string): string {
    return `${host}/${uuid.toLowerCase()}/${device}`;
  }

  /** Records the new holder and displaces the previous one, if another. */
  claim(key: string, holder: ConsoleHolder): void {
    const previous = this.holders.get(key);
    this.holders.set(key, holder);
    if (previous !== undefined && previous !== holder) previous.displace();
  }

  /** A FORCE open is under way: the current holder's stream is about to end, on purpose. */
  beginTakeover(key: string): () => void {
    this.takeovers.add(key);
    return () => this.takeovers.delete(key);
  }

  isBeingTakenOver(key: string): boolean {
    return this.takeovers.has(key);
  }

  release(key: string, holder: ConsoleHolder): void {
    if (this.holders.get(key) === holder) this.holders.delete(key);
  }

  get size(): number {
    return this.holders.size;
  }
}
