// The text pdf.js (Firefox's viewer) takes from a PDF, page by page (form feed between pages):
// `node tests/pdfjs/text.mjs file.pdf`. Used by tests/awards/test_pdftext.py.
import { readFileSync } from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const doc = await getDocument({ data: new Uint8Array(readFileSync(process.argv[2])), verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= doc.numPages; n++) {
  const { items } = await (await doc.getPage(n)).getTextContent();
  pages.push(items.map((item) => (item.str ?? "") + (item.hasEOL ? "\n" : "")).join(""));
}
process.stdout.write(pages.join("\f"));
