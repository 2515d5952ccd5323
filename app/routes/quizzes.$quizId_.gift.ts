import { exportQuizAsGift } from "#app/modules/quizzes/authoring/export-gift.server.ts";
import { parseId } from "#app/utils/ids.ts";
import { authenticated } from "#app/utils/route.server.ts";

/** "Als GIFT exportieren": a download for Moodle or another quiz, for trainers and teachers. */
export const loader = authenticated(async ({ ctx, params }) => {
  const { text, notes, fileName } = await exportQuizAsGift(ctx, parseId(params.quizId, "quiz"));
  // Notes on what GIFT cannot hold travel as comment lines at the top, so nothing is lost silently.
  const header = notes.map((note) => `// ${note.replace(/\n/g, " ")}`).join("\n");
  return new Response(`${header ? `${header}\n\n` : ""}${text}`, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
});
