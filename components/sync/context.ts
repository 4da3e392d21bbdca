"use client";

import { createContext } from "react";
import type { SyncRuntime } from "./runtime";

/** The signed-in user's sync runtime; null on the server, until its code has loaded and outside a SyncProvider. */
export const SyncContext = createContext<SyncRuntime | null>(null);
