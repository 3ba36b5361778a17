/**
 * The browser half of `npm run bench -- console` (not a benchmark by itself): the built SPA in
 * Chromium, keystrokes through the real input pipeline, timed in the page from the keydown event to
 * the echo rendered by xterm.js, and the time until a 2 MiB print has arrived in xterm.
 */
import { chromium } from '@playwright/test';

declare global {
  interface Window {
    vtWaitFor?: (text: string, timeoutMs: number) => Promise<number>;
  }
}

export interface BrowserConsoleTimes {
  echoMs: number[];
  printMs: number;
}

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Installed in the page as plain JavaScript (functions passed from this module would carry the
 * TypeScript loader's helpers): `vtWaitFor(text, ms)` resolves once `.xterm-rows` contains `text`,
 * with the milliseconds since the last keydown; keydown times are recorded in `vtKeyDownAt`.
 */
const PAGE_HELPERS = `
document.addEventListener('keydown', (e) => { window.vtKeyDownAt = e.timeStamp; }, true);
window.vtWaitFor = (text, timeoutMs) => new Promise((resolve, reject) => {
  const rows = document.querySelector('.xterm-rows');
  if (rows === null) { reject(new Error('no terminal')); return; }
  let observer = null;
  let timer = null;
  const check = () => {
    if (!(rows.textContent || '').includes(text)) return;
    if (observer) observer.disconnect();
    clearTimeout(timer);
    resolve(performance.now() - (window.vtKeyDownAt || 0));
  };
  observer = new MutationObserver(check);
  timer = setTimeout(() => { observer.disconnect(); reject(new Error('no ' + text + ' in the terminal')); }, timeoutMs);
  observer.observe(rows, { childList: true, subtree: true, characterData: true });
  check();
});
`;

/** `cookie` (`name=value`) is the session the page uses: the SPA behind the login, as a user has it. */
export async function browserConsoleTimes(
  baseUrl: string,
  cookie: string,
  vm: { uuid: string; name: string },
  keystrokes: number,
  batch: number,
  printCommand: string,
  endMarker: string,
): Promise<BrowserConsoleTimes> {
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    const eq = cookie.indexOf('=');
    await context.addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: baseUrl, httpOnly: true, sameSite: 'Strict' }]);
    const page = await context.newPage();
    const query = new URLSearchParams({ open: vm.uuid, name: vm.name, kind: 'serial' }).toString();
    await page.goto(`${baseUrl}/hosts/local/consoles?${query}`);
    const status = page.getByTestId('console-status');
    try {
      await page.locator('[data-testid="console-status"][data-state="connected"]').waitFor({ timeout: 30_000 });
    } catch (error) {
      const seen = await status.allInnerTexts().catch(() => []);
      throw new Error(`the serial pane did not connect (page ${page.url()}, status ${JSON.stringify(seen)})`, { cause: error });
    }
    await page.addScriptTag({ content: PAGE_HELPERS });
    const waitInPage = ([text, ms]: readonly [string, number]): Promise<number> =>
      window.vtWaitFor?.(text, ms) ?? Promise.reject(new Error('page helpers missing'));
    await page.locator('[data-testid="serial-terminal"]').click();

    const echoMs: number[] = [];
    for (let done = 0; done < keystrokes; done += batch) {
      // An empty line on a cleared screen, so that only the typed letters are on it.
      await page.keyboard.press('Control+U');
      await page.keyboard.press('Control+L');
      await page.waitForTimeout(300);
      let typed = '';
      for (let i = 0; i < batch; i++) {
        const ch = String.fromCharCode(0x61 + ((done + i) % 26));
        typed += ch;
        const wait = page.evaluate(waitInPage, [typed, 5000] as const);
        await page.keyboard.press(ch);
        echoMs.push(await wait);
      }
    }
    await page.keyboard.press('Control+U');

    await page.keyboard.type(printCommand);
    const arrived = page.evaluate(waitInPage, [endMarker, 600_000] as const);
    await page.keyboard.press('Enter');
    const printMs = await arrived;
    return { echoMs, printMs };
  } finally {
    await browser.close();
  }
}
