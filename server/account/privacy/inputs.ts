import { z } from "zod";
import { secretText, singleLineText } from "../../inputs";
import { PASSWORD_MAX_LENGTH } from "../auth/password";

export { privacyUpdateInput } from "./schemas";

export const deletionRequestInput = z.object({ currentPassword: secretText({ max: PASSWORD_MAX_LENGTH * 4 }) });
export const deletionConfirmInput = z.object({ token: singleLineText({ min: 16, minMessage: "This link is incomplete.", max: 200 }) });
