import { StringDecoder } from "node:string_decoder";
import { SaxesParser } from "saxes";
import { AppError } from "@/server/errors";
import type { ByteSource } from "./types";

/**
 * saxes complaints that mean the document itself is broken: cut off (unclosed tags, unexpected end),
 * several root elements, or a closing tag that was never opened. Everything else is about one record
 * and stays a row error, because real exports carry such quirks: the vertical tab (\x0b) some iOS
 * versions write into names ("disallowed character"), old Withings records with spaces in attribute
 * names ("attribute without value"), a stray `<` inside a tag after which saxes closes the record
 * itself ("unexpected close tag"). The malformed internal DTD of iOS 16 exports (ATTLIST declarations
 * missing their closing `>`, which stops expat-based parsers at line 156) never reaches us: saxes does
 * not interpret the DTD.
 */
const STRUCTURAL = /^(?:unclosed tag|unexpected end|documents may contain only one root|text data outside of root node|document must contain a root element|unmatched closing tag)/;

/** saxes prefixes messages with `line:column: `. */
const POSITION = /^\d+:\d+: /;

export function isStructuralXmlError(message: string): boolean {
  return STRUCTURAL.test(message.replace(POSITION, ""));
}

export function brokenExportError(line: number, message: string): AppError {
  return AppError.badRequest(
    `This export.xml is broken at line ${line.toLocaleString("en")} (${message.replace(POSITION, "").replace(/\.$/, "")}), as when a file is cut off while being copied. Nothing was imported: export it again from the Health app and upload the new file.`,
  );
}

/**
 * Reads a whole export.xml for structure only, before anything is stored: a file cut off halfway fails
 * here instead of importing whatever came before the break. Reports the bytes read as it goes.
 */
export async function checkAppleHealthXml(input: ByteSource, onProgress?: (bytesRead: number) => Promise<void> | void): Promise<void> {
  const parser = new SaxesParser({ position: true });
  let root: string | null = null;
  parser.on("opentag", (tag) => {
    root ??= tag.name;
  });
  parser.on("error", (error: Error) => {
    if (isStructuralXmlError(error.message)) throw brokenExportError(parser.line, error.message);
  });
  const decoder = new StringDecoder("utf8");
  let bytesRead = 0;
  for await (const chunk of input) {
    bytesRead += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
    parser.write(typeof chunk === "string" ? chunk : decoder.write(chunk));
    await onProgress?.(bytesRead);
  }
  parser.write(decoder.end());
  parser.close();
  if (root !== "HealthData") throw AppError.badRequest("This is not an Apple Health export: no <HealthData> element.");
}
