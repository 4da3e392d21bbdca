import { z } from "zod";
import { singleLineText } from "../../inputs";

/** The query of POST /api/imports (`?filename=…&accountId=…`); the body is the file itself. */
export const uploadQuery = z.object({
  // Longer names are cut to 255 characters when stored; an empty one is refused by receiveUpload.
  filename: singleLineText({ max: 1024 }).default(""),
  accountId: singleLineText({ max: 200 }).optional(),
});
