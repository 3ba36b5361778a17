// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { PowerRequestStatus } from './PowerRequestStatus';
import { powerRequestPhase, powerRequests } from './power-requests';
import { DEFAULT_SHUTDOWN_TIMEOUT_SECONDS, parseTimeoutSeconds, SHUTDOWN_TIMEOUT_STORAGE_KEY } from './shutdown-timeout';

const uuid = '0b8a3f1e-5c2d-4e6f-8a9b-1c2d3e4f5a6b';

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  powerRequests.clear('local', uuid);
  vi.useRealTimers();
});

describe('a shutdown that never comes', () => {
  it('waits for the timeout (60 s unless set otherwise), then says no response', () => {
    expect(DEFAULT_SHUTDOWN_TIMEOUT_SECONDS).toBe(60);
    const request = { action: 'shutdown' as const, sentAt: 1_000_000 };
    expect(powerRequestPhase(request, 1_000_000 + 12_400, 60)).toEqual({ phase: 'waiting', elapsedSeconds: 12 });
    expect(powerRequestPhase(request, 1_000_000 + 60_000, 60)).toEqual({ phase: 'no-response', elapsedSeconds: 60 });
    expect(parseTimeoutSeconds('15')).toBe(15);
    expect(parseTimeoutSeconds('0')).toBeUndefined();
    expect(parseTimeoutSeconds('abc')).toBeUndefined();
  });

  it('the page said Running with no feedback: it shows "Shutting down… n s" from the moment it was sent, then "did not respond" with Force off and Wait longer', () => {
    localStorage.setItem(SHUTDOWN_TIMEOUT_STORAGE_KEY, '5');
    const onForceOff = vi.fn();
    powerRequests.start('local', uuid, 'shutdown', Date.now());
    render(<PowerRequestStatus host="local" uuid={uuid} name="web" onForceOff={onForceOff} />);
    expect(document.getElementById('vm-power-pending')?.textContent).toContain('Shutting down… 0 s');
    act(() => vi.advanceTimersByTime(3000));
    expect(document.querySelector('[data-testid="power-elapsed"]')?.textContent).toBe('3 s');
    act(() => vi.advanceTimersByTime(2000));
    const panel = document.getElementById('vm-power-no-response');
    expect(panel?.textContent).toContain('web did not respond to the shut down request (5 s)');
    fireEvent.click(document.getElementById('vm-power-force-off') as HTMLElement);
    expect(onForceOff).toHaveBeenCalledOnce();
    fireEvent.click(document.getElementById('vm-power-wait') as HTMLElement);
    expect(document.getElementById('vm-power-pending')?.textContent).toContain('Shutting down… 0 s');
  });

  it('says Rebooting for a reboot, and nothing once the request is answered', () => {
    powerRequests.start('local', uuid, 'reboot', Date.now());
    render(<PowerRequestStatus host="local" uuid={uuid} name="web" onForceOff={() => undefined} />);
    expect(document.getElementById('vm-power-pending')?.textContent).toContain('Rebooting…');
    act(() => powerRequests.clear('local', uuid, 'reboot'));
    expect(document.getElementById('vm-power-pending')).toBeNull();
  });
});
