/**
 * The demo's calendar rules, by month and day so that they hold in whatever year the demo is
 * seeded. School holidays approximate those of Saxony-Anhalt; public holidays come from the
 * record's own holiday library, not from here.
 */

const monthDay = (isoDate: string) => isoDate.slice(5);
const within = (isoDate: string, from: string, to: string) => monthDay(isoDate) >= from && monthDay(isoDate) <= to;

/** No Berufsschule in this week: summer, autumn, Christmas and winter holidays (Easter: see caller). */
export function isSchoolBreak(monday: string): boolean {
  return (
    within(monday, "07-01", "08-10") ||
    within(monday, "10-12", "10-25") ||
    within(monday, "12-20", "12-31") ||
    within(monday, "01-01", "01-04") ||
    within(monday, "02-02", "02-08")
  );
}

/** The joinery closes between Christmas Eve and the first Friday of January at the latest. */
export function isCompanyClosed(isoDate: string): boolean {
  return within(isoDate, "12-24", "12-31") || within(isoDate, "01-01", "01-02");
}

/** Whether the week starting `monday` begins within the seven days from `from` ("MM-DD") of its year. */
export function weekStartsNear(monday: string, from: string): boolean {
  const days = (Date.parse(monday) - Date.parse(`${monday.slice(0, 4)}-${from}`)) / 86_400_000;
  return days >= 0 && days < 7;
}

const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Berlin", timeZoneName: "longOffset" });

/** The instant of a wall-clock time in Germany ("14:00" on an ISO date), summer time included. */
export function germanTime(isoDate: string, time: string): Date {
  const asUtc = Date.parse(`${isoDate}T${time}:00Z`);
  const zone = offsetFormat.formatToParts(new Date(asUtc)).find((part) => part.type === "timeZoneName")?.value ?? "";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(zone);
  const minutes = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  return new Date(asUtc - minutes * 60_000);
}
