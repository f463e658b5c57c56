/**
 * Round marks for an axis that reaches `max`: a step of 1, 2 or 5 times a power of ten, so a few lines
 * (three or four) cover it, e.g. 0, 20, 40, 60 for 47. Counts are whole, so the step is at least 1.
 */
export function roundTicks(max: number): number[] {
  const rough = Math.max(1, max / 3);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough)!;
  const top = Math.max(step, Math.ceil(max / step) * step);
  return Array.from({ length: top / step + 1 }, (_, index) => index * step);
}
