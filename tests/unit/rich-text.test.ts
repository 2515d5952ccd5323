import { describe, expect, test } from "vitest";
import { renderLessonHtml } from "#app/modules/rich-text/render.server.ts";
import { pruneDocument, validDocument } from "#app/modules/rich-text/sanitize.server.ts";
import { isSafeImageSrc, isSafeLinkHref } from "#app/modules/rich-text/url-policy.ts";

const media = `/media/${"a".repeat(64)}.svg`;
const text = (value: string, marks?: unknown[]) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const doc = (...content: unknown[]) => ({ type: "doc", content });
const para = (...content: unknown[]) => ({ type: "paragraph", content });
const link = (href: string) => ({ type: "link", attrs: { href } });

/**
 * Nothing in the HTML may run: only harmless elements, and inside their tags no event handler,
 * no inline style and no script URL. (Escaped text such as "&lt;img onerror=…" is just text.)
 */
function expectInert(html: string) {
  const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
  for (const tag of tags) {
    expect(tag).toMatch(/^<(p|h[2-4]|strong|em|code|a|ul|ol|li|img|blockquote|hr|br|div|table|tbody|tr|th|td)[\s>]/);
    expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
    expect(tag).not.toMatch(/\sstyle\s*=/i);
    expect(tag).not.toMatch(/(javascript|vbscript|data):/i);
  }
}

describe("url policy", () => {
  test.each(["https://www.dguv.de/", "http://example.org/a?b=c", "mailto:ausbildung@example.org", "tel:+493901123456"])(
    "allows %s",
    (href) => expect(isSafeLinkHref(href)).toBe(true),
  );

  test.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\u0000script:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://example.org/file",
    "//evil.example/path",
    "/relative/path",
    "",
  ])("refuses %j", (href) => expect(isSafeLinkHref(href)).toBe(false));

  test("pictures only from the media store", () => {
    expect(isSafeImageSrc(media)).toBe(true);
    expect(isSafeImageSrc("https://tracker.example/pixel.gif")).toBe(false);
    expect(isSafeImageSrc("data:image/png;base64,AAAA")).toBe(false);
    expect(isSafeImageSrc(`/media/../../etc/passwd`)).toBe(false);
  });
});

describe("renderLessonHtml with hostile tiptap JSON", () => {
  test("unknown node types are dropped with their content", () => {
    const html = renderLessonHtml(
      doc(
        { type: "script", content: [text("alert(1)")] },
        { type: "iframe", attrs: { src: "https://evil" } },
        para(text("bleibt")),
      ),
    );
    expect(html).toBe("<p>bleibt</p>");
  });

  test("text is escaped, never parsed as HTML", () => {
    const html = renderLessonHtml(doc(para(text('<script>alert(1)</script><img src=x onerror="alert(2)">'))));
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expectInert(html);
  });

  test("event-handler and unknown attributes are not rendered", () => {
    const html = renderLessonHtml(
      doc(
        { type: "paragraph", attrs: { onclick: "alert(1)", style: "color:red", class: "x" }, content: [text("a")] },
        { type: "heading", attrs: { level: 2, onmouseover: "alert(1)" }, content: [text("b")] },
        { type: "image", attrs: { src: media, alt: "Bild", onerror: "alert(1)", "x onerror": "alert(2)" } },
      ),
    );
    expect(html).toContain("<h2>b</h2>");
    expect(html).toContain('alt="Bild"');
    expectInert(html);
  });

  test("unsafe links lose the link and keep their text", () => {
    const html = renderLessonHtml(
      doc(
        para(text("eins", [link("javascript:alert(1)")])),
        para(text("zwei", [link(" JAVASCRIPT:alert(1)")])),
        para(text("drei", [link("data:text/html;base64,PHNjcmlwdD4=")])),
        para(text("vier", [link("https://www.dguv.de/")])),
      ),
    );
    expect(html).toContain("<p>eins</p>");
    expect(html).toContain("<p>drei</p>");
    expect(html).toContain('<a rel="noopener noreferrer nofollow" href="https://www.dguv.de/">vier</a>');
    expectInert(html);
  });

  test("foreign and data pictures are removed", () => {
    const html = renderLessonHtml(
      doc(
        { type: "image", attrs: { src: "https://tracker.example/p.gif" } },
        { type: "image", attrs: { src: "data:image/svg+xml,<svg onload=alert(1)>" } },
      ),
    );
    expect(html).toBe("");
  });

  test("unknown marks are dropped, known marks kept", () => {
    const html = renderLessonHtml(doc(para(text("x", [{ type: "evil" }, { type: "bold" }, { type: "italic" }]))));
    expect(html).toBe("<p><em><strong>x</strong></em></p>");
  });

  test("a heading level outside 2–4 becomes level 2 (the page title is the only h1)", () => {
    expect(renderLessonHtml(doc({ type: "heading", attrs: { level: 1 }, content: [text("T")] }))).toBe("<h2>T</h2>");
  });

  test("anything that is not a document renders as nothing", () => {
    for (const input of [null, "string", 42, [], { type: "paragraph" }, { type: "doc", content: "x" }]) {
      expect(renderLessonHtml(input)).toBe("");
    }
  });

  test("absurdly deep nesting is cut off instead of overflowing the stack", () => {
    let node: unknown = para(text("tief"));
    for (let i = 0; i < 10_000; i++) node = { type: "blockquote", content: [node] };
    const html = renderLessonHtml(doc(node));
    expect(html).not.toContain("tief");
  });
});

describe("renderLessonHtml with allowed content", () => {
  test("tables scroll, cells have no inline styles, header cells have a scope", () => {
    const cell = (type: string, value: string) => ({ type, content: [para(text(value))] });
    const html = renderLessonHtml(
      doc({
        type: "table",
        content: [
          { type: "tableRow", content: [cell("tableHeader", "Gefahr"), cell("tableHeader", "Schutz")] },
          { type: "tableRow", content: [cell("tableCell", "Lärm"), cell("tableCell", "Gehörschutz")] },
        ],
      }),
    );
    expect(html).toBe(
      '<div class="table-scroll" tabindex="0"><table><tbody><tr><th scope="col"><p>Gefahr</p></th><th scope="col"><p>Schutz</p></th></tr><tr><td><p>Lärm</p></td><td><p>Gehörschutz</p></td></tr></tbody></table></div>',
    );
  });

  test("pictures are lazy and keep their size; safety notes and task lists get their own markup", () => {
    const html = renderLessonHtml(
      doc(
        { type: "image", attrs: { src: media, alt: "PSA", width: 640, height: 360 } },
        { type: "blockquote", content: [para(text("Achtung"))] },
        {
          type: "taskList",
          content: [{ type: "taskItem", attrs: { checked: true }, content: [para(text("erledigt"))] }],
        },
      ),
    );
    expect(html).toContain(`<img src="${media}" alt="PSA" width="640" height="360" loading="lazy" decoding="async">`);
    expect(html).toContain('<blockquote class="safety-note" role="note"><p>Achtung</p></blockquote>');
    expect(html).toContain('<ul class="task-list"><li class="task-item" data-checked="true"><p>erledigt</p></li></ul>');
  });
});

describe("validDocument (saving)", () => {
  test("accepts a valid document and returns it pruned", () => {
    const saved = validDocument(doc({ type: "paragraph", attrs: { onclick: "x" }, content: [text("a")] }));
    expect(saved).toEqual(doc(para(text("a"))));
  });

  test("refuses a structurally invalid document", () => {
    expect(validDocument(doc({ type: "listItem", content: [para(text("ohne Liste"))] }))).toBeNull();
    expect(validDocument(doc(text("Text direkt im Dokument")))).toBeNull();
  });

  test("an empty document becomes one empty paragraph", () => {
    expect(validDocument({ type: "doc" })).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(pruneDocument({ type: "nonsense" })).toEqual({ type: "doc", content: [] });
  });
});
