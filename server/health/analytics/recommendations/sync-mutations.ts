import { z } from "zod";
import { defineMutation } from "../../../sync/define";
import { recommendationStatus } from "../insights/schemas";

const markInput = z.object({ id: z.uuid(), status: recommendationStatus });

/** The user's mark on a recommendation of the action plan (open, done, dismissed). */
export const markRecommendationMutation = defineMutation({
  name: "actionPlan.mark",
  table: "recommendations",
  kind: "put",
  args: markInput,
  locate: (args) => ({ id: args.id }),
  fields: (args) => ({ status: args.status }),
  argsOf: (locator, fields) => markInput.parse({ id: locator.id, status: fields.status }),
  label: { row: () => "Action plan item", fields: { status: "Mark" } },
});
