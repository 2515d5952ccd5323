// What a seeded apprentice answers to one question: right or wrong on purpose, in the app's own
// response format, so the app's grading gives the marks. And what the attempt form posts.
import type { LayoutSlot } from "#app/modules/quizzes/attempt-layout.ts";
import { fieldName, matchFieldName } from "#app/modules/quizzes/public-question.ts";
import type { QuestionConfig, QuestionResponse } from "#app/modules/quizzes/question-config.ts";
import type { Rng } from "./seed-names.ts";

const germanNumber = (value: number) => String(value).replace(".", ",");

const essays = [
  "Zuerst spanne ich das Werkstück fest, dann prüfe ich Maße und Werkzeug und arbeite sauber nach Plan.",
  "Ich frage den Meister, schalte die Maschine ab und sichere die Stelle, bevor ich weitermache.",
  "Weil sonst jemand verletzt werden kann und der Kunde die Arbeit nicht abnimmt.",
];

/** A response in authoring terms; `right` decides whether it is meant to earn the marks. */
export function sampleResponse(config: QuestionConfig, right: boolean, rng: Rng, slot: LayoutSlot): QuestionResponse {
  switch (config.type) {
    case "single": {
      const best = config.choices.reduce(
        (top, c, i) => ((config.choices[top]?.fraction ?? 0) < c.fraction ? i : top),
        0,
      );
      const others = config.choices.map((_, i) => i).filter((i) => i !== best);
      return { type: "single", choice: right ? best : rng.pick(others) };
    }
    case "multiple": {
      const good = config.choices.flatMap((c, i) => (c.fraction > 0 ? [i] : []));
      const bad = config.choices.flatMap((c, i) => (c.fraction <= 0 ? [i] : []));
      if (right || bad.length === 0) return { type: "multiple", choices: good };
      return { type: "multiple", choices: [...good.slice(1), rng.pick(bad)] };
    }
    case "truefalse":
      return { type: "truefalse", value: right ? config.correct : !config.correct };
    case "numeric": {
      const hit = config.answers.find((a) => a.value !== null && a.fraction === 1);
      const value = hit?.value ?? 0;
      return { type: "numeric", text: germanNumber(right ? value : value * 2 + 1) };
    }
    case "shorttext": {
      const hit = config.answers.find((a) => a.fraction === 1);
      return { type: "shorttext", text: right && hit ? hit.text.replace(/\*/g, "") : "weiß ich nicht" };
    }
    case "ordering":
      return { type: "ordering", order: right ? config.items.map((_, i) => i) : slot.displayOrder };
    case "matching": {
      const n = config.pairs.length;
      return {
        type: "matching",
        matches: config.pairs.map((pair, i) => (right ? pair.right : (config.pairs[(i + 1) % n]?.right ?? null))),
      };
    }
    case "essay":
      return { type: "essay", text: rng.pick(essays) };
    case "description":
      return { type: "description" };
  }
}

/** The fields the attempt page's form posts for one slot, in display terms (what a browser sends). */
export function formFields(config: QuestionConfig, slot: LayoutSlot): [string, string][] {
  const name = fieldName(slot.slot);
  switch (config.type) {
    case "single":
    case "multiple":
      return [[name, "0"]];
    case "truefalse":
      return [[name, "true"]];
    case "numeric":
      return [[name, "42"]];
    case "shorttext":
    case "essay":
      return [[name, "Mit dem Zollstock messen und zweimal prüfen."]];
    case "ordering":
      return [[name, slot.displayOrder.map((_, i) => i).join(",")]];
    case "matching":
      return config.pairs.map((_, row) => [matchFieldName(slot.slot, row), "0"]);
    case "description":
      return [];
  }
}
