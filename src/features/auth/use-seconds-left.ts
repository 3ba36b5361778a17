import { useEffect, useState } from 'react';

interface Deadline {
  until: number;
  now: number;
}

/** A countdown to a moment set from an event handler: `[secondsLeft, startCountdown(seconds)]`. */
export function useSecondsLeft(): [number, (seconds: number) => void] {
  const [deadline, setDeadline] = useState<Deadline | undefined>();
  const running = deadline !== undefined && deadline.now < deadline.until;
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => setDeadline((d) => (d === undefined ? d : { ...d, now: Date.now() })), 1000);
    return () => clearInterval(timer);
  }, [running]);
  const left = deadline === undefined ? 0 : Math.max(0, Math.ceil((deadline.until - deadline.now) / 1000));
  const start = (seconds: number) => {
    const now = Date.now();
    setDeadline({ until: now + seconds * 1000, now });
  };
  return [left, start];
}
