/** The demo logins the README lists (also used by the end-to-end tests). */
export const DEMO_PASSWORD = "werkbank-demo";

export const demoAccounts = {
  trainer: "ausbilder@example.com",
  apprentice: "azubi@example.com",
  trainerElectrical: "ausbilder-elektro@example.com",
  apprenticeElectrical: "azubi-elektro@example.com",
  teacher: "lehrkraft@example.com",
  admin: "admin@example.com",
} as const;
