import { getSchema, type JSONContent } from "@tiptap/core";
import { lessonExtensions } from "./extensions.ts";
import { isSafeImageSrc, isSafeLinkHref } from "./url-policy.ts";

export const lessonSchema = getSchema(lessonExtensions);

const maxDepth = 40;
const maxTextLength = 100_000;

type AttrSpecs = Record<string, unknown>;

/** Only plain values survive; anything else (objects, functions, huge strings) is dropped. */
function keepAttrs(raw: unknown, allowed: AttrSpecs, only?: readonly string[]): Record<string, unknown> | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(allowed, key) || (only && !only.includes(key))) continue;
    const plain =
      value === null ||
      typeof value === "boolean" ||
      (typeof value === "number" && Number.isFinite(value)) ||
      (typeof value === "string" && value.length <= 2000) ||
      (Array.isArray(value) && value.every((v) => typeof v === "number" && Number.isFinite(v)));
    if (plain) kept[key] = value;
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** Attributes we render per node; everything else a document carries is ignored. */
const nodeAttrAllowList: Record<string, readonly string[]> = {
  heading: ["level"],
  orderedList: ["start"],
  image: ["src", "alt", "title", "width", "height"],
  taskItem: ["checked"],
  tableCell: ["colspan", "rowspan"],
  tableHeader: ["colspan", "rowspan"],
};

function pruneMarks(raw: unknown): JSONContent["marks"] {
  if (!Array.isArray(raw)) return undefined;
  const marks: NonNullable<JSONContent["marks"]> = [];
  for (const mark of raw) {
    if (!mark || typeof mark !== "object") continue;
    const type = (mark as { type?: unknown }).type;
    if (typeof type !== "string" || !Object.hasOwn(lessonSchema.marks, type)) continue;
    const spec = lessonSchema.marks[type]?.spec.attrs ?? {};
    if (type === "link") {
      const attrs = keepAttrs((mark as { attrs?: unknown }).attrs, spec, ["href", "title"]);
      if (!isSafeLinkHref(attrs?.href)) continue; // keep the text, lose the link
      marks.push({ type, attrs });
    } else {
      marks.push({ type });
    }
  }
  return marks.length > 0 ? marks : undefined;
}

function pruneNode(raw: unknown, depth: number): JSONContent | null {
  if (!raw || typeof raw !== "object" || depth > maxDepth) return null;
  const node = raw as Record<string, unknown>;
  const type = node.type;
  if (typeof type !== "string") return null;
  if (type === "text") {
    if (typeof node.text !== "string" || node.text.length === 0) return null;
    const marks = pruneMarks(node.marks);
    return { type, text: node.text.slice(0, maxTextLength), ...(marks ? { marks } : {}) };
  }
  const nodeType = lessonSchema.nodes[type];
  if (!nodeType) return null; // unknown node types are dropped with their content
  const attrs = keepAttrs(node.attrs, nodeType.spec.attrs ?? {}, nodeAttrAllowList[type] ?? []);
  if (type === "image" && !isSafeImageSrc(attrs?.src)) return null;
  if (type === "heading" && ![2, 3, 4].includes(Number(attrs?.level))) {
    return pruneNode({ ...node, attrs: { level: 2 } }, depth);
  }
  const content = Array.isArray(node.content)
    ? node.content.map((child) => pruneNode(child, depth + 1)).filter((child) => child !== null)
    : undefined;
  return { type, ...(attrs ? { attrs } : {}), ...(content && content.length > 0 ? { content } : {}) };
}

/**
 * Keeps only what the lesson schema knows: unknown nodes and marks are dropped, attributes are
 * reduced to the ones we render, unsafe links and foreign pictures are removed. The result is
 * safe to hand to the renderer even if it is not a structurally valid document.
 */
export function pruneDocument(raw: unknown): JSONContent {
  const pruned = pruneNode(raw, 0);
  if (pruned?.type === "doc") return pruned;
  return { type: "doc", content: [] };
}

/**
 * For saving: the document after pruning must also be structurally valid (a list item inside a
 * list, a table made of rows...). Returns the pruned document or null.
 */
export function validDocument(raw: unknown): JSONContent | null {
  const pruned = pruneDocument(raw);
  if (!pruned.content || pruned.content.length === 0) pruned.content = [{ type: "paragraph" }];
  try {
    lessonSchema.nodeFromJSON(pruned).check();
    return pruned;
  } catch {
    return null;
  }
}
