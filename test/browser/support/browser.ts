/**
 * Debian's Chromium driven by playwright-core, for the browser tests. No browser is downloaded:
 * `apt-get install -y chromium` provides /usr/bin/chromium (CHROMIUM_PATH overrides it).
 * Without it the browser tests are skipped on a developer's machine and fail in CI (CI set).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import type { PreviewServer } from '../../../dev/preview/server';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ROOT = join(__dirname, '..', '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');

const ci = (process.env.CI ?? '') !== '' && !/^(0|false)$/i.test(process.env.CI ?? '');
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const MISSING_MESSAGE =
  `Chromium is not installed at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\` ` +
  '(or set CHROMIUM_PATH).';

/**
 * `describe` for the browser tests: skipped with a message when Chromium is missing on a
 * developer's machine; in CI a missing Chromium is a failing test.
 */
export function describeWithBrowser(name: string, body: () => void): void {
  if (HAVE_CHROMIUM) {
    describe(name, body);
  } else if (ci) {
    describe(name, () => {
      test('Chromium is installed (required in CI)', () => {
        throw new Error(MISSING_MESSAGE);
      });
    });
  } else {
    console.warn(`SKIPPED browser tests "${name}": ${MISSING_MESSAGE} They fail instead when CI is set.`);
    describe.skip(name, body);
  }
}

/** Launches headless Chromium for pages of several sizes (each test opens its own context). */
export function launchHeadless(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}

/** A browser with a fresh profile; close() also removes the profile. */
export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches headless Chromium with a fresh user-data-dir and no network features. */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'otop-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** test-artifacts/<name>, the folder made if needed. */
export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/**
 * '#rrggbb' as the rgb() text getComputedStyle gives.
 * @param hex a colour
 */
export function rgb(hex: string): string {
  const n = parseInt(hex.replace('#', ''), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/**
 * The browser a describe's tests share and the preview servers they start: launched before its
 * first test; each server, then the browser, closed after its last.
 * @param launch launchHeadless or launchBrowser
 */
export function sharedBrowser<B extends { close(): Promise<void> }>(
  launch: () => Promise<B>,
): { readonly browser: B; readonly servers: PreviewServer[] } {
  let browser: B | undefined;
  const servers: PreviewServer[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await browser?.close();
  });
  return {
    get browser(): B {
      if (!browser) throw new Error('the shared browser is launched before the first test');
      return browser;
    },
    servers,
  };
}
