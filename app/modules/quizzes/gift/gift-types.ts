import type { QuestionConfig } from "../question-config.ts";

/** Text formats GIFT knows (`[html]` …); without a marker Moodle reads text as "moodle" (auto-format). */
export type GiftTextFormat = "moodle" | "html" | "plain" | "markdown";

/** Rich text as written in the file, escapes already resolved; converted to a document later. */
export type GiftText = { format: GiftTextFormat; text: string };

export type GiftProblem = { line: number; message: string; severity: "error" | "warning" };

/** One question read from a GIFT file, in our model. Answer texts and feedbacks are plain text. */
export type GiftQuestion = {
  /** 1-based line where the question starts in the file. */
  line: number;
  /** From the last `$CATEGORY:` above it, or null. */
  category: string | null;
  /** `::title::`, or null when the file gives none. */
  title: string | null;
  /** Moodle's `[id:…]` from the comment lines above the question, or null. */
  idNumber: string | null;
  /** Moodle's `[tag:…]` from the comment lines above the question. */
  tags: string[];
  prompt: GiftText;
  generalFeedback: GiftText | null;
  config: QuestionConfig;
};

export type GiftParseResult = { questions: GiftQuestion[]; problems: GiftProblem[] };

/** What the exporter needs of a stored question. Prompt and feedback come as Markdown. */
export type GiftExportQuestion = {
  title: string;
  promptMarkdown: string;
  generalFeedbackMarkdown: string | null;
  points: number;
  config: QuestionConfig;
};

/** The file text, and a German note per question (or detail) GIFT cannot express. */
export type GiftExportResult = { text: string; notes: string[] };
