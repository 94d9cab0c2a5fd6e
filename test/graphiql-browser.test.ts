import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES } from '../src/server/example-queries.ts';
import { graphOf, seedSource, yogaOf } from './helpers.ts';

/**
 * GraphiQL served by the real server (node:http on 127.0.0.1, ephemeral port) opens in Debian's
 * headless Chromium with every other host unreachable, shows the example tabs and runs a query.
 * Set GRAPHIQL_SCREENSHOT=/some/file.png to keep a screenshot of the final page.
 */

const CHROMIUM = '/usr/bin/chromium';
const WAIT_MS = 20_000;
const IN_CI = /^(1|true)$/i.test(process.env.CI ?? '');
const MISSING = !existsSync(CHROMIUM);
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

if (MISSING && !IN_CI) {
  console.warn(`graphiql-browser: ${CHROMIUM} not found, skipping (apt-get install chromium; with CI=true this fails)`);
}

/** Text of the Monaco editor inside `container`, lines in screen order, nbsp → space. */
async function editorText(page: Page, container: string): Promise<string> {
  return page.evaluate((selector) => {
    const lines = [...document.querySelectorAll<HTMLElement>(`${selector} .view-line`)];
    lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    return lines.map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' ')).join('\n');
  }, container);
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return (server.address() as AddressInfo).port;
}

describe('GraphiQL in headless Chromium, offline', () => {
  it.skipIf(MISSING && !IN_CI)(
    'loads from the running server with no other host reachable and runs the first example',
    async () => {
      if (MISSING) throw new Error(`CI=true but ${CHROMIUM} is missing: .ci/run must install Debian's chromium`);

      const server = createServer(yogaOf(graphOf([seedSource()])));
      const port = await listen(server);
      const origin = `http://127.0.0.1:${port}`;
      let browser: Browser | undefined;
      try {
        browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: WAIT_MS });
        const context = await browser.newContext();
        const blocked: string[] = [];
        const served: string[] = [];
        // Every request of the page and its workers: 127.0.0.1 passes, anything else is aborted.
        await context.route('**/*', (route) => {
          const url = new URL(route.request().url());
          if (url.hostname === '127.0.0.1') {
            served.push(`${route.request().method()} ${url.pathname}`);
            return route.continue();
          }
          blocked.push(url.href);
          return route.abort('internetdisconnected');
        });
        const page = await context.newPage();
        page.setDefaultTimeout(WAIT_MS);
        page.setDefaultNavigationTimeout(WAIT_MS);
        const pageErrors: string[] = [];
        page.on('pageerror', (error) => pageErrors.push(error.message));

        const response = await page.goto(`${origin}/graphql`, { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        expect(await response?.request().headerValue('accept')).toContain('text/html');
        expect(response?.headers()['content-type']).toContain('text/html');

        // The editor is up and shows the first example (Isovalent on Friday).
        await page
          .locator('.graphiql-query-editor .view-line', { hasText: 'Isovalent' })
          .first()
          .waitFor()
          .catch((error: Error) => {
            throw new Error(
              `GraphiQL's editor did not appear (${error.message.split('\n')[0]}); ` +
                `blocked requests to other hosts: ${JSON.stringify(blocked)}; page errors: ${JSON.stringify(pageErrors)}`,
            );
          });
        expect(squash(await editorText(page, '.graphiql-query-editor'))).toBe(squash(EXAMPLE_QUERIES[0]!.query));

        // One tab per example query, each holding its query. GraphiQL's tab strip (framer-motion
        // Reorder) may swallow the very first click on a fresh page, so a click is repeated until
        // the tab reports itself active; the editor must then show that tab's query.
        const tabs = page.locator('.graphiql-tab .graphiql-tab-button');
        expect(await tabs.count()).toBe(EXAMPLE_QUERIES.length);
        const order = [...EXAMPLE_QUERIES.keys()].slice(1).concat(0);
        for (const index of order) {
          await expect
            .poll(
              async () => {
                const active = page.locator('.graphiql-tab-active .graphiql-tab-button');
                if ((await active.getAttribute('id')) !== `graphiql-session-tab-${index}`) await tabs.nth(index).click();
                return active.getAttribute('id');
              },
              { timeout: WAIT_MS, interval: 250 },
            )
            .toBe(`graphiql-session-tab-${index}`);
          await expect
            .poll(async () => squash(await editorText(page, '.graphiql-query-editor')), { timeout: WAIT_MS })
            .toBe(squash(EXAMPLE_QUERIES[index]!.query));
        }

        // Run it: the answer comes from this server and shows the four Friday talks.
        const postsBefore = served.filter((s) => s === 'POST /graphql').length;
        await page.locator('.graphiql-execute-button').click();
        await page.locator('.graphiql-response .view-line', { hasText: 'totalCount' }).first().waitFor();
        const result = await editorText(page, '.graphiql-response');
        expect(result).toContain('"totalCount": 4');
        expect(result).not.toContain('"errors"');
        expect(served.filter((s) => s === 'POST /graphql').length).toBeGreaterThan(postsBefore);

        if (process.env.GRAPHIQL_SCREENSHOT) await page.screenshot({ path: process.env.GRAPHIQL_SCREENSHOT });
        expect(pageErrors).toEqual([]);
        console.info(`graphiql-browser: ${served.length} requests to 127.0.0.1, ${blocked.length} to other hosts blocked`);

        // The blocker really cuts other hosts off: a CDN fetch from the page fails and is counted.
        const blockedBefore = blocked.length;
        const cdn = await page.evaluate(() =>
          fetch('https://unpkg.com/graphiql/graphiql.min.css').then(
            () => 'reached',
            () => 'failed',
          ),
        );
        expect(cdn).toBe('failed');
        expect(blocked.length).toBe(blockedBefore + 1);
      } finally {
        await browser?.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
    90_000,
  );
});
