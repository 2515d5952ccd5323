/** Pictures a lesson may show, by file extension. SVG only from the library (see upload rules). */
export const mediaContentTypes = {
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
} as const;

export type MediaExtension = keyof typeof mediaContentTypes;

export const maxMediaBytes = 1024 * 1024;

export function mediaExtensionOf(fileName: string): MediaExtension | null {
  const ext = fileName.toLowerCase().split(".").pop();
  if (ext === "jpeg") return "jpg";
  return ext && Object.hasOwn(mediaContentTypes, ext) ? (ext as MediaExtension) : null;
}
