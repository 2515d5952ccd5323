import type { JSONContent } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import {
  renderToHTMLString,
  serializeAttrsToHTMLString,
  serializeChildrenToHTMLString,
} from "@tiptap/static-renderer/pm/html-string";
import { lessonExtensions } from "./extensions.ts";
import { pruneDocument } from "./sanitize.server.ts";

type Children = string | string[] | undefined;
const join = (children: Children) => serializeChildrenToHTMLString(children);
const attrs = serializeAttrsToHTMLString;

/**
 * Our own markup where tiptap's default does not suit a server-rendered page: no inline styles
 * (the CSP forbids them), tables that scroll on a phone, lazy pictures with their size, task lists
 * that read as lists (a checkbox that saves nothing would mislead), safety notes as a styled box.
 */
const nodeMapping = {
  table: ({ children }: { children?: Children }) =>
    `<div class="table-scroll" tabindex="0"><table><tbody>${join(children)}</tbody></table></div>`,
  tableHeader: ({ node, children }: { node: PmNode; children?: Children }) =>
    `<th scope="col"${attrs(spanAttrs(node))}>${join(children)}</th>`,
  tableCell: ({ node, children }: { node: PmNode; children?: Children }) =>
    `<td${attrs(spanAttrs(node))}>${join(children)}</td>`,
  image: ({ node }: { node: PmNode }) =>
    `<img${attrs({
      src: node.attrs.src,
      alt: node.attrs.alt ?? "",
      title: node.attrs.title,
      width: node.attrs.width,
      height: node.attrs.height,
      loading: "lazy",
      decoding: "async",
    })}>`,
  blockquote: ({ children }: { children?: Children }) =>
    `<blockquote class="safety-note" role="note">${join(children)}</blockquote>`,
  taskList: ({ children }: { children?: Children }) => `<ul class="task-list">${join(children)}</ul>`,
  taskItem: ({ node, children }: { node: PmNode; children?: Children }) =>
    `<li class="task-item"${attrs({ "data-checked": node.attrs.checked ? "true" : "false" })}>${join(children)}</li>`,
};

function spanAttrs(node: PmNode) {
  const { colspan, rowspan } = node.attrs;
  return { colspan: colspan > 1 ? colspan : null, rowspan: rowspan > 1 ? rowspan : null };
}

/**
 * Lesson HTML from stored JSON. Called when a lesson is published or imported, never per request:
 * the result is stored with the published version.
 */
export function renderLessonHtml(document: unknown): string {
  const content: JSONContent = pruneDocument(document);
  return renderToHTMLString({ content, extensions: lessonExtensions, options: { nodeMapping } });
}
