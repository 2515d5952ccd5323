import type { JSONContent } from "@tiptap/core";
import { MarkdownManager } from "@tiptap/markdown";
import type { Token, Tokens } from "marked";
import { lessonExtensions } from "#app/modules/rich-text/extensions.ts";
import { MAX_NESTING_DEPTH, markupTooDeep } from "#app/modules/rich-text/nesting.ts";
import { validDocument } from "#app/modules/rich-text/sanitize.server.ts";
import { isSafeLinkHref } from "#app/modules/rich-text/url-policy.ts";

let manager: MarkdownManager | undefined;
/** tiptap's own Markdown reader, configured with the lesson extensions (so it yields only them). */
export function markdownManager(): MarkdownManager {
  manager ??= new MarkdownManager({ extensions: lessonExtensions });
  return manager;
}

/** The problem reported for Markdown (or HTML) nested deeper than MAX_NESTING_DEPTH. */
export const TOO_DEEP = `zu tief verschachtelt (höchstens ${MAX_NESTING_DEPTH} Ebenen Zitate, Listen oder Tags ineinander)`;

export type MarkdownProblem = { line: number; message: string };
export type ImageRef = { src: string; alt: string; line: number };

/**
 * Finds what the lesson format does not allow, with the line of each problem: raw HTML, `#`
 * headings, code blocks, unsafe links, pictures without alt text. Lines are 1-based in `markdown`.
 */
export function lintMarkdown(markdown: string): { problems: MarkdownProblem[]; images: ImageRef[] } {
  const problems: MarkdownProblem[] = [];
  const images: ImageRef[] = [];
  const lineOf = (offset: number) => markdown.slice(0, Math.max(0, offset)).split("\n").length;
  // The lexer recurses per level: a text nested thousands deep would overflow the stack.
  if (markupTooDeep(markdown)) {
    problems.push({ line: 1, message: TOO_DEEP });
    return { problems, images };
  }
  const tokens = markdownManager().instance.lexer(markdown);

  const visit = (list: Token[] | undefined, searchFrom: number) => {
    let cursor = searchFrom;
    for (const token of list ?? []) {
      const found = token.raw ? markdown.indexOf(token.raw, cursor) : -1;
      const start = found >= 0 ? found : cursor;
      const line = lineOf(start);
      switch (token.type) {
        case "html":
          if (token.raw.trim() !== "") problems.push({ line, message: "HTML ist in Lektionen nicht erlaubt" });
          break;
        case "heading": {
          const depth = (token as Tokens.Heading).depth;
          if (depth === 1)
            problems.push({ line, message: "Überschrift # ist der Lektionstitel; im Text ## bis #### verwenden" });
          if (depth > 4) problems.push({ line, message: "Überschriften nur bis ####" });
          break;
        }
        case "code":
          problems.push({ line, message: "Codeblöcke werden in Lektionen nicht unterstützt" });
          break;
        case "link": {
          const href = (token as Tokens.Link).href;
          if (!isSafeLinkHref(href))
            problems.push({ line, message: `Link nicht erlaubt (nur https:, http:, mailto:, tel:): ${href}` });
          break;
        }
        case "image": {
          const image = token as Tokens.Image;
          if (image.text.trim() === "") problems.push({ line, message: `Bild ohne Alternativtext: ${image.href}` });
          images.push({ src: image.href, alt: image.text, line });
          break;
        }
      }
      const nested = token as {
        tokens?: Token[];
        items?: Token[];
        header?: { tokens: Token[] }[];
        rows?: { tokens: Token[] }[][];
      };
      visit(nested.tokens, start);
      visit(nested.items, start);
      for (const cell of nested.header ?? []) visit(cell.tokens, start);
      for (const row of nested.rows ?? []) for (const cell of row) visit(cell.tokens, start);
      if (found >= 0) cursor = found + token.raw.length;
    }
  };
  visit(tokens, 0);
  return { problems, images };
}

/**
 * Markdown to a lesson document. `imageUrl` maps a picture path from the file to its media URL
 * and size. Returns null if the result is not a valid document (the linter reports why first).
 */
export function markdownToDocument(
  markdown: string,
  imageUrl: (src: string) => { url: string; width: number | null; height: number | null } | null = () => null,
): JSONContent | null {
  if (markupTooDeep(markdown)) return null;
  const parsed = markdownManager().parse(markdown);
  const withImages = mapImages(parsed, imageUrl);
  return validDocument(withImages);
}

function mapImages(node: JSONContent, imageUrl: Parameters<typeof markdownToDocument>[1] & {}): JSONContent {
  if (node.type === "image") {
    const mapped = imageUrl(String(node.attrs?.src ?? ""));
    if (!mapped) return node;
    return { ...node, attrs: { ...node.attrs, src: mapped.url, width: mapped.width, height: mapped.height } };
  }
  return node.content ? { ...node, content: node.content.map((child) => mapImages(child, imageUrl)) } : node;
}
