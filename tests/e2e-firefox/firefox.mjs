// The Firefox side of the end-to-end tests: Debian's firefox-esr (never a downloaded
// browser) driven by puppeteer-core over WebDriver BiDi. The static server and the CSV
// reader come from ../e2e/harness.mjs; the tests drive the page only through
// shared/page-hooks.md, as the Chromium tests do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

export { serve, parseCsv, DIST, FIXTURES, ROOT } from '../e2e/harness.mjs';

export const FIREFOX = process.env.FIREFOX
  || ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((f) => fs.existsSync(f))
  || 'firefox-esr';

/** What a person's Firefox does on its own that a machine without network must not try. */
const QUIET = {
  'app.update.enabled': false,
  'app.update.auto': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'browser.newtabpage.enabled': false,
  'browser.newtabpage.activity-stream.feeds.system.topstories': false,
  'browser.ping-centre.telemetry': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.search.geoSpecificDefaults': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'media.gmp-manager.updateEnabled': false,
};

/**
 * Launches Firefox with a throwaway HOME and a downloads folder of its own: downloads
 * are saved there without asking, as a person's "save to Downloads" does.
 */
export async function launchFirefox() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'chiso-firefox-'));
  const downloads = path.join(home, 'Downloads');
  fs.mkdirSync(downloads);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    env: { ...process.env, HOME: home, MOZ_CRASHREPORTER_DISABLE: '1' },
    extraPrefsFirefox: {
      ...QUIET,
      // Puppeteer loosens the file:// origin rule for its own tests; a person's Firefox
      // keeps it, and the offline copy must work with it.
      'security.fileuri.strict_origin_policy': true,
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.manager.showWhenStarting': false,
      'browser.download.alwaysOpenPanel': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.helperApps.neverAsk.saveToDisk': 'text/csv,image/svg+xml,image/png,text/html,application/octet-stream',
    },
  });
  const close = async () => {
    await browser.close().catch(() => {});
    fs.rmSync(home, { recursive: true, force: true });
  };
  return { browser, downloads, close };
}

/**
 * A page in its own browser context (a fresh profile's worth of storage), with every
 * console error, uncaught error and dialog collected in `errors`.
 */
export async function freshPage(browser, { width = 1280, height = 900 } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width, height });
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e?.message ?? e}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.setDefaultTimeout(20_000);
  return { context, page, errors };
}

/** Sets files on the page's one file input, as dropping them does. */
export async function dropFiles(page, files) {
  const input = await page.$('input[type="file"]');
  await input.uploadFile(...files);
  await input.dispose();
}

/** Clicks a download button and returns the file Firefox saved: its name and text. */
export async function downloadText(page, downloads, selector) {
  const before = new Set(fs.readdirSync(downloads));
  await page.click(selector);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const names = fs.readdirSync(downloads).filter((f) => !before.has(f));
    const done = names.filter((f) => !f.endsWith('.part'));
    // Saved once the .part file is gone and the file itself is there.
    if (done.length && !names.some((f) => f.endsWith('.part'))) {
      const name = done[0];
      const text = fs.readFileSync(path.join(downloads, name), 'utf8');
      if (text.length) return { name, text };
    }
    if (Date.now() > deadline) throw new Error(`no download after clicking ${selector} (new: ${names})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Opens the drop zone and import report when they are collapsed to their one line. */
export async function openReport(page) {
  if (!(await page.$eval('details.import-panel', (d) => d.open))) {
    await page.click('details.import-panel > summary');
  }
  await page.waitForSelector('details.import-panel[open]');
}

export const text = (page, selector) => page.$eval(selector, (e) => e.textContent);
export const count = (page, selector) => page.$$eval(selector, (es) => es.length);
