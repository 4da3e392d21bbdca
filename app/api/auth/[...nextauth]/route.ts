import { handlers } from "@/server/account/auth";

export const { GET, POST } = handlers;
