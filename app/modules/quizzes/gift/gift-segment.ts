import { phpTrimEnd, phpTrimStart } from "./gift-text.ts";
import type { GiftProblem } from "./gift-types.ts";

/** A piece of a question block with its offset, so that a problem can name its exact line. */
export type Seg = { text: string; at: number };

export function trimSeg(seg: Seg): Seg {
  const start = phpTrimStart(seg.text);
  return { text: phpTrimEnd(start), at: seg.at + seg.text.length - start.length };
}

export function sliceSeg(seg: Seg, from: number, to?: number): Seg {
  return { text: seg.text.slice(from, to), at: seg.at + from };
}

/** PHP's explode(): at most `limit` pieces, the last one keeps the rest. */
export function splitSeg(seg: Seg, separator: string, limit = Number.POSITIVE_INFINITY): Seg[] {
  const pieces: Seg[] = [];
  let from = 0;
  while (pieces.length < limit - 1) {
    const at = seg.text.indexOf(separator, from);
    if (at === -1) break;
    pieces.push(sliceSeg(seg, from, at));
    from = at + separator.length;
  }
  pieces.push(sliceSeg(seg, from));
  return pieces;
}

/**
 * Moodle drops the first piece when it is empty (text before the first `=` or `~`). Unlike PHP's
 * empty(), a lone "0" counts as text here, so `{#0}` is the number 0 rather than "no answer".
 */
export function dropEmptyFirst(pieces: Seg[]): Seg[] {
  const first = pieces[0];
  return first && trimSeg(first).text === "" ? pieces.slice(1) : pieces;
}

/** Problems of one question, with lines taken from offsets into its block. */
export class QuestionProblems {
  readonly list: GiftProblem[] = [];
  failed = false;
  private tagsWarned = false;

  constructor(private readonly lineAt: (at: number) => number) {}

  line(seg: Seg | number): number {
    return this.lineAt(typeof seg === "number" ? seg : trimSeg(seg).at);
  }

  error(seg: Seg | number, message: string): void {
    this.failed = true;
    this.list.push({ line: this.line(seg), message, severity: "error" });
  }

  warn(seg: Seg | number, message: string): void {
    this.list.push({ line: this.line(seg), message, severity: "warning" });
  }

  /** Once per question is enough to tell the author that formatting is gone. */
  warnTagsOnce(seg: Seg): void {
    if (this.tagsWarned) return;
    this.tagsWarned = true;
    this.warn(seg, "Formatierung in Antworten und Feedbacks wird als reiner Text übernommen (HTML-Tags entfernt)");
  }
}
