// oav's validate-traffic of one spec, offline: what `oav validate-traffic DIR SPEC --report ""
// --jsonReport REPORT` does (the same library call, the same JSON report), then a verdict on its
// findings. A finding is an error unless swagger/suppressions.json lists it (tool oav, or
// oav-traffic for what only recorded traffic shows: rule =
// oav's code, spec, operationId, reason), or it is about a request the RP refused with a 4xx:
// functional tests send invalid requests on purpose, and refusing them is the RP's job. Traffic of
// other api-versions or of routes outside the spec is counted, not judged. Exits 1 on any error.
//
//   node hack/swagger/oav-traffic.js SUPPRESSIONS.json TRAFFIC_DIR SPEC.json REPORT.json LOG_DIR
"use strict";
const { capturingConsole } = require("./oav-offline.js");
const fs = require("fs");
const path = require("path");
const oav = require("oav");

async function main() {
  const [suppressionsFile, trafficDir, spec, report, logDir] = process.argv.slice(2);
  if (!logDir) {
    console.error("usage: oav-traffic.js SUPPRESSIONS.json TRAFFIC_DIR SPEC.json REPORT.json LOG_DIR");
    process.exit(2);
  }
  const suppressions = JSON.parse(fs.readFileSync(suppressionsFile, "utf8")).filter((s) => s.tool === "oav" || s.tool === "oav-traffic");
  const { result: results, lines } = await capturingConsole(() =>
    oav.validateTrafficAgainstSpec(spec, trafficDir, {
      consoleLogLevel: "off",
      logFilepath: path.resolve(logDir, "oav-traffic.log"),
      reportPath: "",
      jsonReportPath: report,
    }),
  );
  const outside = lines.filter((l) => l.startsWith("Error: Undefined operation")).length;

  const counts = { errors: 0, refused: 0, suppressed: 0 };
  const specPath = path.resolve(spec).split(path.sep).join("/");
  for (const result of results) {
    const payload = result.payloadFilePath ? path.relative(process.cwd(), result.payloadFilePath) : "";
    const operationId = result.operationInfo ? result.operationInfo.operationId : undefined;
    let status = 0;
    try {
      status = Number(JSON.parse(fs.readFileSync(result.payloadFilePath, "utf8")).liveResponse.statusCode);
    } catch {
      status = 0;
    }
    for (const e of result.runtimeExceptions || []) {
      counts.errors++;
      console.log(`  error ${e.code} ${payload}\n      ${e.message}`);
    }
    for (const e of result.errors || []) {
      const where = `${operationId || ""} ${payload} ${e.issueSource} ${(e.jsonPathsInPayload || []).join(", ")}`;
      const suppression = suppressions.find((s) => s.rule === e.code && s.operationId === operationId && specPath.includes(s.spec));
      if (suppression) {
        counts.suppressed++;
        console.log(`  suppressed ${e.code} ${where}\n      because: ${suppression.reason}`);
      } else if (e.issueSource === "request" && status >= 400 && status < 500) {
        counts.refused++;
      } else {
        counts.errors++;
        console.log(`  error ${e.code} ${where}\n      ${e.message}`);
      }
    }
  }

  const json = JSON.parse(fs.readFileSync(report, "utf8"));
  console.log(
    `oav validate-traffic ${path.relative(process.cwd(), spec)}: ${json.coveredOperations}/${json.allOperations} operations covered, ` +
      `${counts.errors} errors, ${counts.suppressed} suppressed, ${counts.refused} findings on requests the RP refused (4xx), ` +
      `${outside} traffic files of other api-versions or routes outside the spec`,
  );
  // Every operation of the spec must have been exercised by some recorded exchange.
  const uncovered = json.coveredOperations < json.allOperations;
  if (uncovered) {
    const seen = new Set(results.filter((r) => r.operationInfo).map((r) => r.operationInfo.operationId));
    const all = Object.values(JSON.parse(fs.readFileSync(spec, "utf8")).paths)
      .flatMap((item) => Object.values(item).map((op) => op.operationId).filter(Boolean));
    console.log(`  not covered by any recorded exchange: ${all.filter((id) => !seen.has(id)).join(", ")}`);
  }
  process.exit(counts.errors > 0 || uncovered ? 1 : 0);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(2);
});
