/** BioSync's own CSV export format: three heart rate readings of yesterday at +01:00 and one row that cannot be read. */
export const OWN_CSV_HEADER = "metric,unit,start,end,value,source,device";

export function ownCsvFile() {
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const rows = ["13:00:00", "13:01:00", "13:02:00.500"].map((time, i) => `heart_rate,/min,${yesterday}T${time}+01:00,${yesterday}T${time}+01:00,${61 + i}.5,oura,Ring Gen3`);
  const text = [OWN_CSV_HEADER, rows[0], "heart_rate,bpm,nonsense,,x,oura,", rows[1], rows[2]].join("\n") + "\n";
  return { rows, buffer: Buffer.from(text) };
}
