/** Access decisions: signing in and out, joining, the account, the home page and the probes. */
import { NO_INTENT, UNKNOWN_INTENT } from "./route-inventory.ts";
import { type Decisions, everyoneSignedIn, signedIn } from "./route-expectations.ts";

// A disabled person's session is no session: public pages treat them as anonymous.
export const publicDecisions: Decisions = {
  "_index.tsx": [{ name: "home", handler: "loader", path: () => "/", expect: signedIn }],
  "login.tsx": [
    { name: "form", handler: "loader", path: () => "/login", expect: { anonymous: 200, disabled: 200, everyone: 302 } },
    {
      name: "wrong password",
      handler: "action",
      intent: NO_INTENT,
      path: () => "/login",
      // A new address per visitor: the per-address limit (429) has its own tests.
      form: () => ({ email: `niemand-${crypto.randomUUID()}@example.test`, password: "falsch-falsch" }),
      expect: { everyone: 400 },
    },
  ],
  "logout.ts": [
    { name: "GET only redirects", handler: "loader", path: () => "/logout", expect: { everyone: 302 } },
    {
      name: "POST",
      handler: "action",
      intent: NO_INTENT,
      path: () => "/logout",
      form: () => ({}),
      expect: { everyone: 302 },
    },
  ],
  "language.ts": [
    { name: "GET only redirects", handler: "loader", path: () => "/language", expect: { everyone: 302 } },
    {
      name: "switch",
      handler: "action",
      intent: NO_INTENT,
      path: () => "/language",
      form: () => ({ locale: "de", redirectTo: "/" }),
      expect: { everyone: 302 },
    },
  ],
  "healthz.ts": [{ name: "probe", handler: "loader", path: () => "/healthz", expect: { everyone: 200 } }],
  "join._index.tsx": [
    { name: "enter code", handler: "loader", path: () => "/join", expect: { everyone: 200 } },
    {
      name: "a code in the query goes to its page",
      handler: "loader",
      path: () => "/join?code=abcd-efgh",
      expect: { everyone: 302 },
    },
  ],
  "join.$code.tsx": [
    {
      name: "open code",
      handler: "loader",
      path: (w) => `/join/${w.openCode}`,
      // Whoever holds the code learns who invites them.
      shows: (w) => [w.company.name],
      expect: { everyone: 200 },
    },
    { name: "unknown code", handler: "loader", path: () => "/join/AAAA-BBBB-CCCC-DDDD", expect: { everyone: 404 } },
    {
      name: "accept unknown code",
      handler: "action",
      intent: UNKNOWN_INTENT,
      path: () => "/join/AAAA-BBBB-CCCC-DDDD",
      form: () => ({
        name: "X",
        email: "x@example.test",
        password: "lang-genug-1234",
        confirmPassword: "lang-genug-1234",
      }),
      expect: { everyone: 409 },
    },
    {
      name: "accept unknown code with an existing account",
      handler: "action",
      intent: "existing",
      path: () => "/join/AAAA-BBBB-CCCC-DDDD",
      form: () => ({ intent: "existing", email: "x@example.test", password: "lang-genug-1234" }),
      // The code is checked first; a signed-in person joins with the one button (same answer).
      expect: { everyone: 409 },
    },
  ],
  "account.tsx": [
    { name: "view", handler: "loader", path: () => "/account", expect: signedIn },
    {
      name: "change password with a wrong current one",
      handler: "action",
      intent: "password",
      path: () => "/account",
      form: () => ({
        intent: "password",
        currentPassword: "falsch",
        newPassword: "neues-langes-pw",
        confirmPassword: "neues-langes-pw",
      }),
      expect: everyoneSignedIn(400),
    },
    {
      name: "change name and e-mail with a wrong current password",
      handler: "action",
      intent: "profile",
      path: () => "/account",
      form: () => ({ intent: "profile", name: "Neuer Name", email: "neu@example.test", currentPassword: "falsch" }),
      expect: everyoneSignedIn(400),
    },
    {
      name: "end a session that is not one's own",
      handler: "action",
      intent: "endSession",
      path: () => "/account",
      form: () => ({ intent: "endSession", sessionId: "0".repeat(64) }),
      expect: everyoneSignedIn(404),
    },
    {
      name: "end all other sessions",
      handler: "action",
      intent: "endOthers",
      path: () => "/account",
      form: () => ({ intent: "endOthers" }),
      expect: everyoneSignedIn(302),
    },
    {
      name: "unknown form",
      handler: "action",
      intent: UNKNOWN_INTENT,
      path: () => "/account",
      form: () => ({ intent: "delete" }),
      expect: everyoneSignedIn(404),
    },
  ],
};
