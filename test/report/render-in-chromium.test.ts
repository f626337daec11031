/**
 * The report as a browser shows it: loaded from disk by headless Chromium with no network, screenshotted,
 * measured over the DevTools protocol on a phone and as printed on A4, and the pictures checked for what the
 * charts draw. Runs where Chromium is installed (Debian: `apt-get install chromium`); elsewhere it is
 * skipped, and its name says why. Set LINLI_REPORT_SCREENSHOTS to a folder to keep the pictures.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { BUCKET_COLOURS } from '../../src/report/charts/palette.js';
import { renderReportHtml } from '../../src/report/render-html.js';
import { A4_PRINTABLE_WIDTH_PX } from '../../src/report/report-style.js';
import { ChromiumPage, findChromium, HEADLESS_FLAGS } from './support/chromium.js';
import { historyText, recordDistrict } from './support/district.js';
import { DIRECTORY_NAMES } from './support/directory.js';
import {
  CHART_TEXT_PROBE,
  OVERFLOW_PROBE,
  type ChartTextReport,
  type OverflowReport,
} from './support/layout-probes.js';
import { recordVolunteering } from './support/volunteering.js';
import { recordFunding } from './support/funding.js';
import { decodePng, type DecodedPng } from './support/png.js';

const run = promisify(execFile);

const chromium = findChromium();
const skipped =
  chromium === undefined ? ' (skipped: chromium not installed: apt-get install chromium to run)' : '';

const WIDTH = 1280;
const HEIGHT = 2000;
const PHONE = { width: 390, height: 844 };
/** The smallest chart text a phone may show, in CSS pixels. */
const SMALLEST_PHONE_TEXT = 9;
/** A4 in PDF points, as Chromium writes it (210 x 297 mm at 72 points an inch). */
const A4_POINTS = [595, 842];

/** How many pixels are within a few levels of `hex` in every channel. */
const pixelsOf = (image: DecodedPng, hex: string): number => {
  const target = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  let count = 0;
  for (let at = 0; at < image.pixels.length; at += image.channels) {
    if (target.every((value, channel) => Math.abs((image.pixels[at + channel] ?? 0) - value) <= 4))
      count += 1;
  }
  return count;
};

let dir: string;
let pageUrl: string;
let shots: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linli-report-chromium-'));
  shots = process.env.LINLI_REPORT_SCREENSHOTS ?? dir;
  await mkdir(shots, { recursive: true });
  // The whole district: problems, directory, volunteering and funds, so that every section has rows to lay out.
  const governance = await recordDistrict({ names: DIRECTORY_NAMES });
  await recordVolunteering(governance);
  await recordFunding(governance);
  const text = await historyText(governance);
  const page = join(dir, 'report.html');
  await writeFile(page, renderReportHtml(await buildReport(Readable.from([Buffer.from(text)]))));
  pageUrl = pathToFileURL(page).href;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the report in a browser', () => {
  it.skipIf(chromium === undefined)(`loads in headless Chromium and draws its charts${skipped}`, async () => {
    const png = join(shots, 'report-1280.png');
    await run(
      chromium ?? 'chromium',
      [
        ...HEADLESS_FLAGS,
        `--user-data-dir=${join(dir, 'profile')}`,
        `--screenshot=${png}`,
        `--window-size=${WIDTH},${HEIGHT}`,
        pageUrl,
      ],
      { timeout: 60_000 },
    );
    expect((await stat(png)).size).toBeGreaterThan(20_000);
    const image = decodePng(await readFile(png));
    expect([image.width, image.height]).toEqual([WIDTH, HEIGHT]);

    // Not a blank page: many colours, none of them covering nearly everything.
    const counts = new Map<number, number>();
    for (let at = 0; at < image.pixels.length; at += image.channels * 7) {
      const key =
        ((image.pixels[at] ?? 0) << 16) | ((image.pixels[at + 1] ?? 0) << 8) | (image.pixels[at + 2] ?? 0);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const samples = [...counts.values()].reduce((sum, count) => sum + count, 0);
    expect(counts.size).toBeGreaterThan(50);
    expect(Math.max(...counts.values()) / samples).toBeLessThan(0.9);

    // The 721 bars were drawn: solid areas in the grid's, the community's and the street's colours.
    for (const colour of Object.values(BUCKET_COLOURS))
      expect(pixelsOf(image, colour)).toBeGreaterThan(1_000);
  });

  describe.skipIf(chromium === undefined)(`measured over the DevTools protocol${skipped}`, () => {
    let page: ChromiumPage;
    beforeAll(async () => {
      page = await ChromiumPage.launch(chromium ?? 'chromium', join(dir, 'cdp-profile'));
    }, 60_000);
    afterAll(async () => {
      await page.close();
    });

    it('reads on a 390 px phone: chart text at 9 px or more, only charts and tables scroll sideways', async () => {
      await page.send('Emulation.setDeviceMetricsOverride', {
        ...PHONE,
        deviceScaleFactor: 1,
        mobile: true,
      });
      await page.send('Emulation.setEmulatedMedia', { media: 'screen' });
      await page.load(pageUrl);
      const text = await page.evaluate<ChartTextReport>(CHART_TEXT_PROBE);
      expect(text.viewportWidth).toBe(PHONE.width);
      expect(text.texts).toBeGreaterThan(100);
      expect(text.smallestPx, `"${text.smallest}" is drawn at ${text.smallestPx} px`).toBeGreaterThanOrEqual(
        SMALLEST_PHONE_TEXT,
      );
      expect(text.pageWidth).toBeLessThanOrEqual(PHONE.width);
      const layout = await page.evaluate<OverflowReport>(OVERFLOW_PROBE);
      expect(layout.offenders.filter((offender) => offender.includes('sticks out'))).toEqual([]);

      // The whole page, top to bottom, as a phone user scrolls through it.
      const { cssContentSize } = await page.send<{ cssContentSize: { height: number } }>(
        'Page.getLayoutMetrics',
      );
      const { data } = await page.send<{ data: string }>('Page.captureScreenshot', {
        format: 'png',
        captureBeyondViewport: true,
        clip: { x: 0, y: 0, width: PHONE.width, height: Math.ceil(cssContentSize.height), scale: 1 },
      });
      const png = Buffer.from(data, 'base64');
      await writeFile(join(shots, 'report-390.png'), png);
      const image = decodePng(png);
      expect(image.width).toBe(PHONE.width);
      // The charts are drawn on the phone too: their grid shares, in the grid's colour.
      expect(pixelsOf(image, BUCKET_COLOURS.grid)).toBeGreaterThan(1_000);
    }, 60_000);

    it('prints on A4: no element wider than the printable width, none clipped, colours kept', async () => {
      await page.send('Emulation.setDeviceMetricsOverride', {
        width: A4_PRINTABLE_WIDTH_PX,
        height: 1_000,
        deviceScaleFactor: 1,
        mobile: false,
      });
      // Paper has no scroll bar to take width from the page.
      await page.send('Emulation.setScrollbarsHidden', { hidden: true });
      await page.send('Emulation.setEmulatedMedia', { media: 'print' });
      await page.load(pageUrl);
      const layout = await page.evaluate<OverflowReport>(OVERFLOW_PROBE);
      expect(layout.width).toBe(A4_PRINTABLE_WIDTH_PX);
      expect(layout.measured).toBeGreaterThan(500);
      expect(layout.offenders).toEqual([]);
      const adjust = await page.evaluate<string>(
        "getComputedStyle(document.querySelector('.legend .swatch')).printColorAdjust",
      );
      expect(adjust).toBe('exact');

      // The real print: the page size the style sheet asks for, several pages of it.
      const { data } = await page.send<{ data: string }>('Page.printToPDF', { preferCSSPageSize: true });
      const pdf = Buffer.from(data, 'base64');
      await writeFile(join(shots, 'report-a4.pdf'), pdf);
      const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
      expect(boxes.length).toBeGreaterThan(1);
      for (const box of boxes) {
        expect([Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual(A4_POINTS);
      }
    }, 60_000);
  });
});
