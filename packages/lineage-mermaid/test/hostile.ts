/** Labels that try to break out of a mermaid string, inject statements or markup. Each must show literally. */
export const HOSTILE_LABELS: string[] = [
  'He said "hi" ["x"] (y) {z}',
  '%%{init: {"theme": "dark"}}%%',
  'line one\nclick n1 call alert(1)\nend',
  'classDef evil fill:#f00',
  'end',
  'subgraph X',
  '#quot; #35; #amp; &amp; &#35; &quot; literal codes',
  '100% %% comment? 50%%',
  '`markdown **bold** string`',
  '<img src=http://example.com/x.png onerror=alert(1)>',
  '<script>alert("x")</script><b>bold</b>',
  'a:::evil --> b | c ; d',
  'x"]:::fam1\n  n99["injected',
  '中文标签：通用语言模型（GLM）',
  'emoji 🚀🤖 and ZWJ 👩‍💻',
  'back\\slash and tab\there',
];

/** What a reader should see for a label: whitespace and control runs (newlines, tabs) as one space. */
export function shown(label: string): string {
  return label.replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ').trim();
}
