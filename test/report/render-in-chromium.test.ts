/**
 * The report as a browser shows it: loaded from disk by headless Chromium with no network, screenshotted,
 * and the picture checked for what the charts draw. Runs where Chromium is installed (Debian: `apt-get
 * install chromium`); elsewhere it is skipped, and its name says why.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { BUCKET_COLOURS } from '../../src/report/charts/palette.js';
import { renderReportHtml } from '../../src/report/render-html.js';
import { historyText, recordDistrict } from './support/district.js';
import { decodePng, type DecodedPng } from './support/png.js';

const run = promisify(execFile);

const findChromium = (): string | undefined => {
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    if (folder !== '' && existsSync(join(folder, 'chromium'))) return join(folder, 'chromium');
  }
  return undefined;
};

const chromium = findChromium();
const skipped =
  chromium === undefined ? ' (skipped: chromium not installed: apt-get install chromium to run)' : '';

const WIDTH = 1280;
const HEIGHT = 2000;

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

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linli-report-chromium-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the report in a browser', () => {
  it.skipIf(chromium === undefined)(`loads in headless Chromium and draws its charts${skipped}`, async () => {
    const text = await historyText(await recordDistrict());
    const html = renderReportHtml(await buildReport(Readable.from([Buffer.from(text)])));
    const page = join(dir, 'report.html');
    const png = join(dir, 'report.png');
    await writeFile(page, html);
    await run(
      chromium ?? 'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${join(dir, 'profile')}`,
        `--screenshot=${png}`,
        `--window-size=${WIDTH},${HEIGHT}`,
        pathToFileURL(page).href,
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
});
