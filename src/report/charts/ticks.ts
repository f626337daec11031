/**
 * Round tick values from 0 up to at least `max`: steps of 1, 2 or 5 times a power of ten, at most `most`
 * intervals, whole numbers only (the charts count problems). The last tick is the axis's top.
 */
export const countTicks = (max: number, most = 5): number[] => {
  const top = Math.max(1, Math.ceil(max));
  let step = 1;
  for (let power = 1; ; power *= 10) {
    const found = [1, 2, 5].map((factor) => factor * power).find((candidate) => top / candidate <= most);
    if (found !== undefined) {
      step = found;
      break;
    }
  }
  const ticks: number[] = [];
  for (let value = 0; value < top + step; value += step) ticks.push(value);
  return ticks;
};
