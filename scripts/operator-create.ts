// npm run operator:create -- --email buero@example.org --name "Anna Berger"
// Creates the first operator on an empty database (or makes an existing account an operator) and
// prints a one-time link to set the password, valid 24 hours. Run it where the server runs: the
// link is the only way in, so hand it over in person or by a channel you trust.
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { closeDatabase } from "#db/client.server.ts";
import { upsertReferenceData } from "#db/seed/reference-data.server.ts";
import { emailField, nameField } from "#app/modules/auth/schemas.ts";
import { createOperator, passwordCodeLink } from "#app/modules/operator/create-operator.server.ts";
import { appDatabase } from "#app/utils/db.server.ts";
import { env } from "#app/utils/env.server.ts";

const USAGE = 'Aufruf: npm run operator:create -- --email buero@example.org --name "Anna Berger"';
const ArgsSchema = z.object({ email: emailField, name: nameField });

/** `--email x`, `--email=x`, likewise `--name`. */
function readArgs(argv: string[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const match = /^--(email|name)(?:=(.*))?$/.exec(argv[i] ?? "");
    if (!match?.[1]) continue;
    const value = match[2] ?? argv[i + 1];
    if (match[2] === undefined) i++;
    if (value !== undefined) found[match[1]] = value;
  }
  return found;
}

/** Returns the exit code; `print` gets what a person reads (the link among it). */
export async function main(argv: string[], print: (line: string) => void = console.log): Promise<number> {
  const parsed = ArgsSchema.safeParse(readArgs(argv));
  if (!parsed.success) {
    print(USAGE);
    print(`Ungültig: ${parsed.error.issues.map((issue) => issue.path.join(".")).join(", ")}`);
    return 2;
  }
  const { db } = await appDatabase();
  await upsertReferenceData(db);
  const now = new Date();
  const operator = await createOperator(db, { ...parsed.data, now });
  const link = passwordCodeLink(env().APP_URL, operator.code);
  print(
    operator.created
      ? `Betreiberkonto für ${parsed.data.name} <${parsed.data.email}> angelegt.`
      : `Das Konto ${parsed.data.email} ist jetzt Betreiberkonto; sein bisheriges Passwort gilt, bis der Link benutzt wird.`,
  );
  print("Einmal-Link zum Festlegen des Passworts (24 Stunden gültig, nur einmal verwendbar):");
  print(`  ${link}`);
  if (!process.env.APP_URL) {
    print(`Hinweis: APP_URL ist nicht gesetzt, darum zeigt der Link auf ${env().APP_URL}.`);
    print("Setz APP_URL auf die Adresse, unter der Werkbank erreichbar ist, oder ersetz den Anfang des Links.");
  }
  const until = operator.expiresAt.toLocaleString("de-DE", {
    timeZone: "Europe/Berlin",
    dateStyle: "medium",
    timeStyle: "short",
  });
  print(`Gültig bis ${until} Uhr.`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await main(process.argv.slice(2)).finally(closeDatabase);
  process.exit(code);
}
