/** One figure beside its baseline from the same run, and their ratio. */
export function printRow(label: string, ours: number, baseline: number, note = ''): void {
  const ratio = baseline === 0 ? NaN : ours / baseline;
  console.log(
    `  ${label.padEnd(24)} hookferry ${format(ours).padStart(10)}   baseline ${format(baseline).padStart(10)}   ratio ${ratio.toFixed(2)}${note ? `   (${note})` : ''}`,
  );
}

function format(value: number): string {
  return value >= 100 ? Math.round(value).toString() : value.toFixed(2);
}
