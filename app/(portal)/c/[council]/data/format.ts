/** Display helpers shared by the data pages. */
export const dateTime = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "numeric", minute: "2-digit", timeZone: "Europe/London" });
export const nf = new Intl.NumberFormat("en-GB");

export function bytesLabel(n: number | null | undefined): string {
  if (!n) return "—";
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export const STATUS_LABELS: Record<string, string> = {
  started: "Waiting for the file",
  uploaded: "Columns to match",
  mapped: "Ready to check",
  validated: "Checked",
  loaded: "Loaded",
  cancelled: "Cancelled",
  expired: "Expired",
};

export const who = (u: { name: string | null; email: string }) => u.name ?? u.email;
