/**
 * Just enough of PNG to check a screenshot: the header's size and the pixels of an 8-bit, non-interlaced
 * RGB or RGBA image (what Chromium writes), unfiltered row by row as the specification says.
 */
import { inflateSync } from 'node:zlib';

/** A decoded image: `channels` bytes per pixel, rows top to bottom. */
export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const paeth = (left: number, up: number, upLeft: number): number => {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
};

/** Decodes a PNG file's bytes; throws for anything but 8-bit RGB(A) without interlacing. */
export const decodePng = (file: Buffer): DecodedPng => {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: wrong signature');
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const body = file.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6)) {
        throw new Error(`unsupported PNG: depth ${depth}, colour type ${colour}, interlace ${interlace}`);
      }
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let row = 0; row < height; row++) {
    const filter = raw[row * (stride + 1)];
    const source = row * (stride + 1) + 1;
    const target = row * stride;
    for (let x = 0; x < stride; x++) {
      const value = raw[source + x] ?? 0;
      const left = x >= channels ? (pixels[target + x - channels] ?? 0) : 0;
      const up = row > 0 ? (pixels[target - stride + x] ?? 0) : 0;
      const upLeft = row > 0 && x >= channels ? (pixels[target - stride + x - channels] ?? 0) : 0;
      const predictor =
        filter === 0
          ? 0
          : filter === 1
            ? left
            : filter === 2
              ? up
              : filter === 3
                ? (left + up) >> 1
                : paeth(left, up, upLeft);
      pixels[target + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels };
};
