import { createHash } from "node:crypto";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import { maxMediaBytes, type MediaExtension, mediaExtensionOf } from "#app/modules/media/media-types.ts";
import { measureImage } from "#app/modules/media/store.server.ts";
import { lintMarkdown, markdownToDocument } from "./markdown.server.ts";
import {
  type CourseFile,
  courseFileSchema,
  lessonFrontMatterSchema,
  moduleFileSchema,
  orderedNamePattern,
  slugPattern,
} from "./schemas.ts";
import { type LibraryQuiz, readModuleQuiz } from "./read-quiz.server.ts";
import { svgProblems } from "./svg-check.ts";
import { type ContentError, parseYamlFile, splitFrontMatter } from "./yaml-file.server.ts";

export type LibraryMedia = {
  fileName: string;
  extension: MediaExtension;
  bytes: Uint8Array;
  width: number | null;
  height: number | null;
};
export type LibraryLesson = { slug: string; position: number; title: string; minutes: number; document: JSONContent };
export type LibraryModule = {
  slug: string;
  position: number;
  title: string;
  summary: string;
  lessons: LibraryLesson[];
  /** undefined = the folder has no quiz files. */
  quiz: LibraryQuiz | undefined;
};
export type LibraryCourse = Omit<CourseFile, "cover"> & {
  slug: string;
  coverImage: string | null;
  modules: LibraryModule[];
  media: LibraryMedia[];
};
export type LibraryReadResult = {
  courses: LibraryCourse[];
  errors: ContentError[];
  quizzes: number;
  questions: number;
};

/** Files a module folder may hold besides lessons; quizzes are read by read-quiz. */
const moduleExtras = new Set(["module.yaml", "quiz.yaml", "quiz.gift"]);

const display = (file: string) => path.relative(process.cwd(), file) || file;

async function entries(dir: string) {
  const list = await readdir(dir, { withFileTypes: true });
  return list.filter((e) => !e.name.startsWith(".")).sort((a, b) => a.name.localeCompare(b.name));
}

async function readText(file: string, errors: ContentError[]): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch {
    errors.push({ file: display(file), line: 1, message: "Datei fehlt oder ist nicht lesbar" });
    return null;
  }
}

/**
 * Reads and validates the whole library without writing anything: the result either holds every
 * course ready to be written, or errors with file and line.
 */
export async function readLibrary(libraryDir: string): Promise<LibraryReadResult> {
  const dir = path.resolve(libraryDir);
  const errors: ContentError[] = [];
  const courses: LibraryCourse[] = [];
  let top: Awaited<ReturnType<typeof entries>>;
  try {
    top = await entries(dir);
  } catch {
    return {
      courses,
      errors: [{ file: display(dir), line: 1, message: "Ordner nicht gefunden" }],
      quizzes: 0,
      questions: 0,
    };
  }
  for (const entry of top) {
    if (!entry.isDirectory()) continue; // README.md and the like
    const course = await readCourse(path.join(dir, entry.name), entry.name, errors);
    if (course) courses.push(course);
  }
  const quizzes = courses.flatMap((c) => c.modules.flatMap((m) => (m.quiz ? [m.quiz] : [])));
  return {
    courses,
    errors,
    quizzes: quizzes.length,
    questions: quizzes.reduce((sum, quiz) => sum + quiz.questions.length, 0),
  };
}

async function readCourse(dir: string, slug: string, errors: ContentError[]): Promise<LibraryCourse | null> {
  if (!slugPattern.test(slug)) {
    errors.push({ file: display(dir), line: 1, message: "Kursordner: nur a-z, 0-9 und Bindestriche" });
    return null;
  }
  const file = path.join(dir, "course.yaml");
  const source = await readText(file, errors);
  if (source === null) return null;
  const parsed = parseYamlFile(source, courseFileSchema, display(file));
  errors.push(...parsed.errors);
  const media = new Map<string, LibraryMedia>();
  const resolveImage = async (relative: string, from: string, line: number) => {
    const found = await readImage(dir, relative, display(from), line, errors);
    if (found) media.set(found.fileName, found);
    return found;
  };
  const coverLine = source.split("\n").findIndex((line) => line.startsWith("cover:")) + 1;
  const cover = parsed.data?.cover ? await resolveImage(parsed.data.cover, file, coverLine || 1) : null;

  const modules: LibraryModule[] = [];
  const seen = new Map<string, string>();
  for (const entry of await entries(dir)) {
    if (entry.name === "course.yaml" || entry.name === "images") continue;
    const match = orderedNamePattern.exec(entry.name);
    if (!entry.isDirectory() || !match) {
      errors.push({
        file: display(path.join(dir, entry.name)),
        line: 1,
        message: "Unerwartete Datei; Module heißen NN-modul-slug/",
      });
      continue;
    }
    const [, number, moduleSlug] = match as unknown as [string, string, string];
    if (seen.has(moduleSlug)) {
      errors.push({
        file: display(path.join(dir, entry.name)),
        line: 1,
        message: `Modul-Slug doppelt (auch in ${seen.get(moduleSlug)})`,
      });
      continue;
    }
    seen.set(moduleSlug, entry.name);
    const module = await readModule(path.join(dir, entry.name), moduleSlug, Number(number), resolveImage, errors);
    if (module) modules.push(module);
  }
  if (modules.length === 0) errors.push({ file: display(dir), line: 1, message: "Kurs ohne Module" });
  if (!parsed.data) return null;
  const { cover: _cover, ...meta } = parsed.data;
  return { ...meta, slug, coverImage: cover ? `/media/${cover.fileName}` : null, modules, media: [...media.values()] };
}

type ResolveImage = (relative: string, from: string, line: number) => Promise<LibraryMedia | null>;

async function readModule(
  dir: string,
  slug: string,
  position: number,
  resolveImage: ResolveImage,
  errors: ContentError[],
) {
  const file = path.join(dir, "module.yaml");
  const source = await readText(file, errors);
  const parsed = source === null ? null : parseYamlFile(source, moduleFileSchema, display(file));
  if (parsed) errors.push(...parsed.errors);
  const lessons: LibraryLesson[] = [];
  const seen = new Set<string>();
  for (const entry of await entries(dir)) {
    if (moduleExtras.has(entry.name)) continue;
    const match = orderedNamePattern.exec(entry.name.replace(/\.md$/, ""));
    if (!entry.isFile() || !entry.name.endsWith(".md") || !match) {
      errors.push({
        file: display(path.join(dir, entry.name)),
        line: 1,
        message: "Unerwartete Datei; Lektionen heißen NN-lektion-slug.md",
      });
      continue;
    }
    const [, number, lessonSlug] = match as unknown as [string, string, string];
    if (seen.has(lessonSlug)) {
      errors.push({
        file: display(path.join(dir, entry.name)),
        line: 1,
        message: "Lektions-Slug doppelt in diesem Modul",
      });
      continue;
    }
    seen.add(lessonSlug);
    const lesson = await readLesson(path.join(dir, entry.name), lessonSlug, Number(number), resolveImage, errors);
    if (lesson) lessons.push(lesson);
  }
  if (lessons.length === 0 && seen.size === 0)
    errors.push({ file: display(dir), line: 1, message: "Modul ohne Lektionen" });
  if (!parsed?.data) return null;
  const quiz = await readModuleQuiz(dir, parsed.data.title, resolveImage, errors);
  if (quiz === null) return null;
  return { slug, position, title: parsed.data.title, summary: parsed.data.summary, lessons, quiz };
}

async function readLesson(
  file: string,
  slug: string,
  position: number,
  resolveImage: ResolveImage,
  errors: ContentError[],
) {
  const source = await readText(file, errors);
  if (source === null) return null;
  const where = display(file);
  const split = splitFrontMatter(source);
  if (!split) {
    errors.push({ file: where, line: 1, message: "Front Matter fehlt (--- title, minutes ---)" });
    return null;
  }
  const front = parseYamlFile(split.frontMatter, lessonFrontMatterSchema, where, split.frontLine);
  errors.push(...front.errors);
  const lint = lintMarkdown(split.body);
  const toFileLine = (line: number) => line + split.bodyLine - 1;
  for (const problem of lint.problems)
    errors.push({ file: where, line: toFileLine(problem.line), message: problem.message });
  const images = new Map<string, LibraryMedia>();
  for (const image of lint.images) {
    const found = await resolveImage(image.src, file, toFileLine(image.line));
    if (found) images.set(image.src, found);
  }
  if (!front.data || lint.problems.length > 0) return null;
  const document = markdownToDocument(split.body, (src) => {
    const found = images.get(src);
    return found ? { url: `/media/${found.fileName}`, width: found.width, height: found.height } : null;
  });
  if (!document) {
    errors.push({
      file: where,
      line: split.bodyLine,
      message: "Der Text ergibt kein gültiges Dokument (z. B. Bild in einer Tabelle)",
    });
    return null;
  }
  return { slug, position, title: front.data.title, minutes: front.data.minutes, document };
}

async function readImage(
  courseDir: string,
  relative: string,
  file: string,
  line: number,
  errors: ContentError[],
): Promise<LibraryMedia | null> {
  const absolute = path.resolve(courseDir, relative);
  if (/^[a-z][a-z0-9+.-]*:/i.test(relative) || !absolute.startsWith(courseDir + path.sep)) {
    errors.push({ file, line, message: `Bilder nur aus dem Kursordner (z. B. images/bild.svg): ${relative}` });
    return null;
  }
  const extension = mediaExtensionOf(absolute);
  if (!extension) {
    errors.push({ file, line, message: `Bildformat nicht erlaubt (svg, png, jpg, webp, gif): ${relative}` });
    return null;
  }
  const info = await stat(absolute).catch(() => null);
  if (!info?.isFile()) {
    errors.push({ file, line, message: `Bild nicht gefunden: ${relative}` });
    return null;
  }
  // A symbolic link must not lead out of the course folder either.
  const [realFile, realCourse] = await Promise.all([realpath(absolute), realpath(courseDir)]);
  if (!realFile.startsWith(realCourse + path.sep)) {
    errors.push({ file, line, message: `Bilder nur aus dem Kursordner (z. B. images/bild.svg): ${relative}` });
    return null;
  }
  if (info.size > maxMediaBytes) {
    errors.push({ file, line, message: `Bild größer als 1 MB: ${relative}` });
    return null;
  }
  const bytes = new Uint8Array(await readFile(absolute));
  if (extension === "svg") {
    for (const problem of svgProblems(Buffer.from(bytes).toString("utf8"))) {
      errors.push({ file: display(absolute), line: problem.line, message: problem.message });
    }
  }
  const size = measureImage(bytes);
  const fileName = `${createHash("sha256").update(bytes).digest("hex")}.${extension}`;
  return { fileName, extension, bytes, width: size?.width ?? null, height: size?.height ?? null };
}
