import { z } from "zod";

export const importsEvents = {
  /** An uploaded file (Apple Health export, provider CSV) is ready to import. */
  "imports/file.uploaded": z.object({ importId: z.uuid(), userId: z.uuid() }),
} as const;
