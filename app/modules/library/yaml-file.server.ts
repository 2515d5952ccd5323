import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";

export type ContentError = { file: string; line: number; message: string };

/**
 * Parses YAML and validates it with zod; every problem comes back with the line it is on
 * (1-based), so an author can find it. `firstLine` shifts lines for front matter.
 */
export function parseYamlFile<T extends z.ZodType>(
  source: string,
  schema: T,
  file: string,
  firstLine = 1,
): { data: z.infer<T> | null; errors: ContentError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) =>
    (offset === undefined ? 1 : lineCounter.linePos(offset).line) + firstLine - 1;
  if (doc.errors.length > 0) {
    return {
      data: null,
      errors: doc.errors.map((e) => ({
        file,
        line: lineAt(e.pos[0]),
        message: `YAML-Fehler: ${e.message.split("\n")[0]}`,
      })),
    };
  }
  const result = schema.safeParse(doc.toJS() ?? {});
  if (result.success) return { data: result.data, errors: [] };
  return {
    data: null,
    errors: result.error.issues.map((issue) => {
      // The deepest node that exists along the path carries the line (a missing key: its parent).
      let node: unknown;
      for (let depth = issue.path.length; depth >= 0 && !node; depth--) {
        node = depth === 0 ? doc.contents : doc.getIn(issue.path.slice(0, depth) as (string | number)[], true);
      }
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
      return { file, line: lineAt(range?.[0]), message: `${where}${issue.message}` };
    }),
  };
}

/** Splits `---` front matter from a Markdown file; `bodyLine` is where the body starts. */
export function splitFrontMatter(
  source: string,
): { frontMatter: string; body: string; frontLine: number; bodyLine: number } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return null;
  const frontMatter = match[1] ?? "";
  return {
    frontMatter,
    body: source.slice(match[0].length),
    frontLine: 2,
    bodyLine: match[0].split("\n").length,
  };
}
