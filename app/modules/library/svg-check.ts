/**
 * Library SVGs are drawings, nothing more. The media route serves them sandboxed anyway; this
 * check keeps scripts and external references out of the repository in the first place.
 */
const forbidden: { pattern: RegExp; message: string }[] = [
  { pattern: /<script/i, message: "SVG: <script> ist nicht erlaubt" },
  { pattern: /<foreignObject/i, message: "SVG: <foreignObject> ist nicht erlaubt" },
  { pattern: /\son[a-z]+\s*=/i, message: "SVG: Event-Attribute (on...) sind nicht erlaubt" },
  { pattern: /href\s*=\s*["'](?!#)/i, message: "SVG: Verweise auf andere Dateien sind nicht erlaubt" },
  { pattern: /@import|url\(\s*["']?(?!#)/i, message: "SVG: externe Stile oder Schriften sind nicht erlaubt" },
];

export function svgProblems(svg: string): { line: number; message: string }[] {
  const problems: { line: number; message: string }[] = [];
  const lines = svg.split("\n");
  lines.forEach((text, index) => {
    for (const rule of forbidden)
      if (rule.pattern.test(text)) problems.push({ line: index + 1, message: rule.message });
  });
  if (!/<svg[\s>]/i.test(svg)) problems.push({ line: 1, message: "SVG: kein <svg>-Element" });
  return problems;
}
