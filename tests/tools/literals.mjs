// Prints the string and template literals of each JavaScript file named on the command line, as
// JSON ({file: [text, ...]}), found by TypeScript's own parser (tests/test_medical_words.py).
import { readFileSync } from "node:fs";
import ts from "typescript";

const found = {};
for (const file of process.argv.slice(2)) {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const texts = [];
  const visit = (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) texts.push(node.text);
    else if (ts.isTemplateExpression(node)) texts.push(node.getText(source).slice(1, -1));
    ts.forEachChild(node, visit);
  };
  visit(source);
  found[file] = texts;
}
process.stdout.write(JSON.stringify(found));
