// Azure's OpenAPI linter for ARM specs, offline: the Spectral ARM ruleset through spectral-cli
// (spectral-arm.js) and the package's native ARM and common rules, on each spec given. Findings
// listed in swagger/suppressions.json (tool arm-lint: rule, spec, JSON path prefix, reason) are reported as
// suppressed, as the spec repository's readme suppressions do. Prints every finding and one
// summary line; exits 1 on any unsuppressed error.
//
//   node hack/swagger/arm-lint.js SUPPRESSIONS.json SPEC.json...
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { lint, OpenApiTypes } = require("@microsoft.azure/openapi-validator-core");
const { nativeRulesets } = require("@microsoft.azure/openapi-validator-rulesets");

const hackDir = path.join(__dirname, "..");

function spectral(specs) {
  const args = ["lint", "-q", "-r", path.join(__dirname, "spectral-arm.js"), "-f", "json", "--fail-severity", "hint", ...specs];
  let out;
  try {
    out = execFileSync(path.join(hackDir, "node_modules", ".bin", "spectral"), args, { encoding: "utf8", maxBuffer: 64 << 20 });
  } catch (e) {
    // spectral exits 1 when it found anything at or above --fail-severity: its findings are still on stdout.
    if (e.status !== 1 || !e.stdout) {
      throw new Error(`spectral failed: ${e.stderr || e.message}`);
    }
    out = e.stdout;
  }
  const text = out.trim();
  const results = text.startsWith("[") ? JSON.parse(text) : [];
  const severities = ["error", "warning", "info", "hint"];
  return results.map((r) => ({
    engine: "spectral",
    rule: r.code,
    severity: severities[r.severity],
    file: path.resolve(r.source),
    where: r.path.map(String),
    line: r.range ? r.range.start.line + 1 : 0,
    message: r.message,
  }));
}

async function native(specs) {
  const findings = [];
  for (const ruleSet of [nativeRulesets.azCommon, nativeRulesets.azArm]) {
    for (const spec of specs) {
      const messages = await lint([spec], { ruleSet, openapiType: OpenApiTypes.arm });
      for (const m of messages) {
        findings.push({
          engine: "native",
          rule: m.code,
          severity: m.type === "error" ? "error" : m.type === "warning" ? "warning" : "info",
          file: path.resolve(((m.sources && m.sources[0]) || spec).replace(/^file:\/*/, "/")),
          where: (m.jsonpath || []).map(String),
          line: m.range ? m.range.start.line : 0,
          message: m.message,
        });
      }
    }
  }
  return findings;
}

function suppressedBy(finding, suppressions) {
  return suppressions.find(
    (s) =>
      s.rule === finding.rule &&
      finding.file.split(path.sep).join("/").includes(s.spec) &&
      s.where.every((segment, i) => finding.where[i] === segment),
  );
}

async function main() {
  const [suppressionsFile, ...specs] = process.argv.slice(2);
  if (!suppressionsFile || specs.length === 0) {
    console.error("usage: arm-lint.js SUPPRESSIONS.json SPEC.json...");
    process.exit(2);
  }
  const suppressions = JSON.parse(fs.readFileSync(suppressionsFile, "utf8")).filter((s) => s.tool === "arm-lint");
  const absolute = specs.map((s) => path.resolve(s));
  const findings = [...spectral(absolute), ...(await native(absolute))].filter((f) => f.severity !== "info" && f.severity !== "hint");
  const used = new Set();
  const counts = { error: 0, warning: 0, suppressed: 0 };
  for (const f of findings) {
    const where = `${path.relative(process.cwd(), f.file)}:${f.line} ${f.where.join(" > ")}`;
    const suppression = suppressedBy(f, suppressions);
    if (suppression) {
      used.add(suppression);
      counts.suppressed++;
      console.log(`  suppressed ${f.rule} (${f.engine}) ${where}\n      because: ${suppression.reason}`);
      continue;
    }
    counts[f.severity]++;
    console.log(`  ${f.severity} ${f.rule} (${f.engine}) ${where}\n      ${f.message}`);
  }
  const unused = suppressions.filter((s) => !used.has(s));
  for (const s of unused) {
    console.log(`  error: suppression of ${s.rule} at ${s.spec} ${s.where.join(" > ")} matches nothing: remove it`);
  }
  counts.error += unused.length;
  console.log(`ARM linter: ${counts.error} errors, ${counts.warning} warnings, ${counts.suppressed} suppressed`);
  process.exit(counts.error > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(2);
});
