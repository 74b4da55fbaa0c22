// oav's validate-traffic of one spec, offline: what `oav validate-traffic DIR SPEC --report ""
// --jsonReport REPORT` does (the same library call, the same JSON report), then a verdict on its
// findings. A finding is an error unless swagger/suppressions.json lists it (tool oav, or
// oav-traffic for what only recorded traffic shows: rule =
// oav's code, spec, operationId, reason), or it is about a request the RP refused with a 4xx:
// functional tests send invalid requests on purpose, and refusing them is the RP's job. Traffic of
// other api-versions or of routes outside the spec is counted, not judged. A request property
// that differs from one the spec defines only in case is not an error either: ARM matches property
// names ignoring case, and so does the RP. With --responses-only (the fuzz suite's mutated
// requests, which the RP may refuse or tolerate), only the answers are judged, and not every
// operation need be covered. Exits 1 on any error.
//
//   node hack/swagger/oav-traffic.js [--responses-only] SUPPRESSIONS.json TRAFFIC_DIR SPEC.json REPORT.json LOG_DIR
"use strict";
const { capturingConsole } = require("./oav-offline.js");
const fs = require("fs");
const path = require("path");
const oav = require("oav");

async function main() {
  const args = process.argv.slice(2);
  const responsesOnly = args[0] === "--responses-only";
  const [suppressionsFile, trafficDir, spec, report, logDir] = responsesOnly ? args.slice(1) : args;
  if (!logDir) {
    console.error("usage: oav-traffic.js [--responses-only] SUPPRESSIONS.json TRAFFIC_DIR SPEC.json REPORT.json LOG_DIR");
    process.exit(2);
  }
  const specText = fs.readFileSync(spec, "utf8");
  const propertyNames = definedPropertyNames(JSON.parse(specText));
  for (const file of new Set([...specText.matchAll(/"\$ref":\s*"([^"#]+)#/g)].map((m) => m[1]))) {
    definedPropertyNames(JSON.parse(fs.readFileSync(path.resolve(path.dirname(spec), file), "utf8")), propertyNames);
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

  const counts = { errors: 0, refused: 0, suppressed: 0, caseVariant: 0, tolerated: 0 };
  const tolerated = {};
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
      if (responsesOnly && e.code === "REQUEST_VALIDATION_ERROR") {
        // The request does not even parse (a malformed escape in its URL): the RP's answer is still judged.
        counts.tolerated++;
        continue;
      }
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
      } else if (e.issueSource === "request" && isCaseVariant(e, propertyNames)) {
        counts.caseVariant++;
      } else if (e.issueSource === "request" && responsesOnly) {
        counts.tolerated++;
        tolerated[e.code] = (tolerated[e.code] || 0) + 1;
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
      `${counts.caseVariant} property names in another case, ` +
      (responsesOnly ? `${counts.tolerated} findings on requests the RP accepted (not judged here: ${JSON.stringify(tolerated)}), ` : "") +
      `${outside} traffic files of other api-versions or routes outside the spec`,
  );
  // Every operation of the spec must have been exercised by some recorded exchange.
  const uncovered = !responsesOnly && json.coveredOperations < json.allOperations;
  if (uncovered) {
    const seen = new Set(results.filter((r) => r.operationInfo).map((r) => r.operationInfo.operationId));
    const all = Object.values(JSON.parse(fs.readFileSync(spec, "utf8")).paths)
      .flatMap((item) => Object.values(item).map((op) => op.operationId).filter(Boolean));
    console.log(`  not covered by any recorded exchange: ${all.filter((id) => !seen.has(id)).join(", ")}`);
  }
  process.exit(counts.errors > 0 || uncovered ? 1 : 0);
}

/** Every property name the spec defines, lower-cased. */
function definedPropertyNames(node, names = new Set()) {
  if (Array.isArray(node)) {
    node.forEach((n) => definedPropertyNames(n, names));
  } else if (node && typeof node === "object") {
    if (node.properties && typeof node.properties === "object") {
      Object.keys(node.properties).forEach((k) => names.add(k.toLowerCase()));
    }
    Object.values(node).forEach((n) => definedPropertyNames(n, names));
  }
  return names;
}

/** An "additional property" that is a defined one spelled in another case (oav matches names exactly). */
function isCaseVariant(error, names) {
  const match = /^Additional properties not allowed: (.+)$/.exec(error.message || "");
  return error.code === "OBJECT_ADDITIONAL_PROPERTIES" && match !== null && names.has(match[1].toLowerCase());
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(2);
});
