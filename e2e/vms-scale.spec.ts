import { expect, test } from '@playwright/test';
import { defineManyTestDomains, type ManyDomains } from '../server/vms/many-domains.test-helpers.js';
import { TEST_VIRSH_URI, virsh } from '../test/helpers/virsh.js';

let many: ManyDomains | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  many = await defineManyTestDomains(1000, 'scale');
});
test.afterAll(async () => {
  await many?.remove();
});

test('1,000 VMs: the list is interactive within 2 s and filtering answers within 100 ms', async ({ page }) => {
  const prefix = many?.prefix ?? '';
  expect((await virsh(TEST_VIRSH_URI, 'list', '--all', '--name')).split('\n').filter((n) => n.startsWith(prefix))).toHaveLength(1000);

  await page.goto('/hosts/test/vms');
  await page.waitForFunction(
    () => {
      const count = /^(\d+) VMs/.exec(document.querySelector('#vm-count')?.textContent ?? '');
      return count !== null && Number(count[1]) >= 1000 && document.querySelectorAll('[data-testid="vm-row"]').length > 0;
    },
    undefined,
    { polling: 20 },
  );
  const readyMs = await page.evaluate(() => performance.now());
  const timing = await page.evaluate(() => {
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const api = resources.find((e) => e.name.endsWith('/api/v1/hosts/test/vms'));
    const script = resources.find((e) => e.name.includes('/assets/index-') && e.name.endsWith('.js'));
    return { apiStart: api?.startTime, apiEnd: api?.responseEnd, scriptEnd: script?.responseEnd };
  });
  console.log(
    `list of 1,000+ VMs interactive ${Math.round(readyMs)} ms after navigation start (script loaded at ${Math.round(timing.scriptEnd ?? -1)} ms, ` +
      `GET vms ${Math.round(timing.apiStart ?? -1)}–${Math.round(timing.apiEnd ?? -1)} ms)`,
  );
  expect(readyMs).toBeLessThan(2000);
  // Virtualised: only the visible rows are in the DOM.
  expect(await page.locator('[data-testid="vm-row"]').count()).toBeLessThan(100);

  // Keyboard works at once: End goes to the last row, which is rendered after scrolling.
  await page.locator('#vm-list').focus();
  await page.keyboard.press('End');
  const last = [...(await virsh(TEST_VIRSH_URI, 'list', '--all', '--name')).split('\n')].filter((n) => n !== '').sort(new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare).pop() ?? '';
  await expect(page.locator(`[data-testid="vm-row"][data-vm-name="${last}"]`)).toBeVisible();

  const target = `${prefix}-0737`;
  const filterMs = await page.evaluate(async (name) => {
    const input = document.querySelector<HTMLInputElement>('#vm-filter');
    if (input === null) throw new Error('no filter input');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    const t0 = performance.now();
    setValue?.call(input, name);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return new Promise<number>((resolve) => {
      const check = () => {
        const rows = document.querySelectorAll('[data-testid="vm-row"]');
        if (rows.length === 1 && rows[0]?.getAttribute('data-vm-name') === name) resolve(performance.now() - t0);
        else requestAnimationFrame(check);
      };
      check();
    });
  }, target);
  console.log(`filter by name answered in ${filterMs.toFixed(1)} ms`);
  expect(filterMs).toBeLessThan(100);
  await expect(page.locator('#vm-count')).toContainText('1 of');
});
