import { databaseAnswers } from "#app/modules/health/database-health.server.ts";

// Public on purpose: it says only whether the database answers, nothing about anyone's data.
export async function loader() {
  const ok = await databaseAnswers();
  return Response.json(
    { status: ok ? "ok" : "unavailable" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
