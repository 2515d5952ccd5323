import { describe, expect, test } from "vitest";
import { lintMarkdown, markdownToDocument } from "#app/modules/library/markdown.server.ts";
import { renderLessonHtml } from "#app/modules/rich-text/render.server.ts";

const hostile = [
  "## Harmlos", // 1
  "", // 2
  "<script>alert(1)</script>", // 3
  "", // 4
  'Text <img src=x onerror="alert(1)"> mitten im Satz.', // 5
  "", // 6
  "[Klick](javascript:alert(1)) und [auch](JAVASCRIPT:alert(2))", // 7
  "", // 8
  "![](images/ohne-alt.svg)", // 9
  "", // 10
  "# Zweiter Titel", // 11
  "", // 12
  "```", // 13
  "code", // 14
  "```", // 15
].join("\n");

describe("lintMarkdown", () => {
  test("names every construct the lesson format does not allow, with its line", () => {
    const { problems } = lintMarkdown(hostile);
    const lines = problems.map((p) => [p.line, p.message.split(" ")[0]]);
    expect(lines).toEqual([
      [3, "HTML"],
      [5, "HTML"],
      [7, "Link"],
      [7, "Link"],
      [9, "Bild"],
      [11, "Überschrift"],
      [13, "Codeblöcke"],
    ]);
  });

  test("collects pictures with their lines, also inside lists and tables", () => {
    const { images, problems } = lintMarkdown(
      "Text\n\n- ![Eins](images/a.svg)\n\n| A |\n| - |\n| ![Zwei](images/b.svg) |\n",
    );
    expect(problems).toEqual([]);
    expect(images).toEqual([
      { src: "images/a.svg", alt: "Eins", line: 3 },
      { src: "images/b.svg", alt: "Zwei", line: 7 },
    ]);
  });

  test("a clean lesson has no problems", () => {
    const clean =
      "## Titel\n\n**fett** und *kursiv*, [DGUV](https://www.dguv.de/)\n\n> **Achtung:** heiß\n\n- [ ] Punkt\n";
    expect(lintMarkdown(clean).problems).toEqual([]);
  });
});

describe("markdownToDocument", () => {
  test("converts the allowed Markdown into lesson nodes", () => {
    const document = markdownToDocument(
      "## Titel\n\nText **fett**\n\n> **Achtung:** heiß\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n\n- [x] erledigt\n",
    );
    const types = document?.content?.map((node) => node.type);
    expect(types).toEqual(["heading", "paragraph", "blockquote", "table", "taskList"]);
  });

  test("maps picture paths to media URLs with their size", () => {
    const url = `/media/${"b".repeat(64)}.svg`;
    const document = markdownToDocument("![Plan](images/plan.svg)", (src) =>
      src === "images/plan.svg" ? { url, width: 640, height: 360 } : null,
    );
    expect(renderLessonHtml(document)).toContain(`<img src="${url}" alt="Plan" width="640" height="360"`);
  });

  test("even hostile Markdown that slipped past the linter renders inert", () => {
    const html = renderLessonHtml(markdownToDocument(hostile));
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.join("")).not.toMatch(/<script|\son[a-z]+=|javascript:|<img/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Klick");
  });
});
