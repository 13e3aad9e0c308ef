import { readFileSync } from "node:fs";
import { FlowTemplateError, renderTemplateWithReferences } from "./template-scan";
import { declaredFlowType } from "./flow-type";
import { parseJson } from "./json-position";
import type { FlowType } from "./types";
import { validateFlow, type Finding, type Severity } from "./validator";

/** A problem in one file, as the CLI prints it. */
export interface FileProblem extends Finding {
  readonly file: string;
}

/** The flow type a file was validated as, and why. */
export interface FileFlowType {
  readonly file: string;
  readonly flowType: FlowType;
  /** `--type`, `Metadata.type "..."`, `inferred from actions ...`. */
  readonly basis: string;
}

/** Options of `lintFlowFile`. */
export interface LintFileOptions {
  /** Flow type to validate as; default: declared by the content (see flow-type.ts). */
  readonly flowType?: FlowType;
  readonly severities?: Readonly<Record<string, Severity>>;
  /** Told which flow type the file is validated as (after it parsed). */
  readonly onFlowType?: (resolution: FileFlowType) => void;
}

function fileError(file: string, rule: string, messageId: string, message: string): FileProblem {
  return { file, rule, severity: "error", messageId, message, path: "" };
}

/** Lint one rendered flow (`*.json`) or template (`*.json.tftpl`, rendered with Terraform references). */
export function lintFlowFile(file: string, options: LintFileOptions = {}): FileProblem[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error: unknown) {
    return [
      fileError(
        file,
        "file",
        "unreadable",
        `cannot read file: ${error instanceof Error ? error.message : String(error)}`,
      ),
    ];
  }
  if (file.endsWith(".tftpl")) {
    try {
      text = renderTemplateWithReferences(file, text);
    } catch (error: unknown) {
      if (error instanceof FlowTemplateError)
        return error.problems.map((p) => fileError(file, "template", "template", p));
      throw error;
    }
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    return [
      fileError(
        file,
        "flow-structure",
        "invalidJson",
        `Content is not valid JSON at ${parsed.line}:${parsed.column}: ${parsed.message}`,
      ),
    ];
  }
  let flowType = options.flowType;
  let basis = "--type";
  if (flowType === undefined) {
    const declared = declaredFlowType(parsed.value, file);
    if ("error" in declared) return [fileError(file, "flow-type", "unknownMetadataType", declared.error)];
    flowType = declared.type;
    basis = declared.basis;
  }
  options.onFlowType?.({ file, flowType, basis });
  return validateFlow(
    parsed.value,
    { flowType, ...(options.severities ? { severities: options.severities } : {}) },
    text.length,
  ).map((f) => ({
    file,
    ...f,
  }));
}
