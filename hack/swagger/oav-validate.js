// oav's validate-spec and validate-example on each spec given, offline, with the findings listed
// in swagger/suppressions.json (tool oav: rule = oav's code, spec, operationId, reason) reported as
// suppressed. Prints every finding and one summary line; exits 1 on any unsuppressed error.
//
//   node hack/swagger/oav-validate.js SUPPRESSIONS.json LOG_DIR SPEC.json...
"use strict";
const { capturingConsole } = require("./oav-offline.js");
const fs = require("fs");
const path = require("path");
const oav = require("oav");

function suppressedBy(finding, suppressions) {
  return suppressions.find(
    (s) => s.rule === finding.rule && finding.spec.split(path.sep).join("/").includes(s.spec) && s.operationId === finding.operationId,
  );
}

async function main() {
  const [suppressionsFile, logDir, ...specs] = process.argv.slice(2);
  if (!suppressionsFile || !logDir || specs.length === 0) {
    console.error("usage: oav-validate.js SUPPRESSIONS.json LOG_DIR SPEC.json...");
    process.exit(2);
  }
  const suppressions = JSON.parse(fs.readFileSync(suppressionsFile, "utf8")).filter((s) => s.tool === "oav");
  const options = { consoleLogLevel: "off", logFilepath: path.resolve(logDir, "oav.log") };
  const findings = [];
  for (const spec of specs) {
    const { result: semantic } = await capturingConsole(() => oav.validateSpec(spec, options));
    const semanticErrors = semantic && semantic.validateSpec ? semantic.validateSpec.errors : [{ code: "RUNTIME_ERROR", message: "validate-spec did not finish" }];
    for (const e of semanticErrors) {
      findings.push({ command: "validate-spec", spec, rule: e.code, operationId: e.operationId, where: e.jsonPath || "", message: e.message });
    }
    const { result: exampleErrors } = await capturingConsole(() => oav.validateExamples(spec, undefined, options));
    for (const e of exampleErrors) {
      findings.push({
        command: "validate-example",
        spec,
        rule: e.code,
        operationId: e.operationId,
        where: `${e.exampleUrl ? path.relative(process.cwd(), e.exampleUrl) : ""} ${e.exampleJsonPath || ""}`.trim(),
        message: e.message,
      });
    }
  }

  const used = new Set();
  const counts = { "validate-spec": 0, "validate-example": 0, suppressed: 0 };
  for (const f of findings) {
    const suppression = suppressedBy(f, suppressions);
    const line = `${f.command} ${f.rule} ${f.operationId || ""} ${path.relative(process.cwd(), f.spec)} ${f.where}`;
    if (suppression) {
      used.add(suppression);
      counts.suppressed++;
      console.log(`  suppressed ${line}\n      because: ${suppression.reason}`);
      continue;
    }
    counts[f.command]++;
    console.log(`  error ${line}\n      ${f.message}`);
  }
  const unused = suppressions.filter((s) => !used.has(s));
  for (const s of unused) {
    console.log(`  error: suppression of ${s.rule} for ${s.operationId} at ${s.spec} matches nothing: remove it`);
  }
  const errors = counts["validate-spec"] + counts["validate-example"] + unused.length;
  console.log(`oav: ${counts["validate-spec"]} validate-spec errors, ${counts["validate-example"]} validate-example errors, ${counts.suppressed} suppressed`);
  process.exit(errors > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(2);
});
